package io.leadline.web.api;

import static io.leadline.web.api.ApiClients.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.leadline.core.user.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Batches of tracked events: stored whole or not at all, scores fresh on return, and a re-send does nothing twice. */
@SpringBootTest
@AutoConfigureMockMvc
class ActivityApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokenRegistry registry;

    @Autowired
    JdbcClient jdbc;

    String tracker;

    @BeforeEach
    void token() {
        tracker = ApiClients.token(registry, Role.MARKETER);
    }

    private ResultActions send(String key, String json) throws Exception {
        var request = post("/api/activities")
                .with(bearer(tracker))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request);
    }

    private long lead(String email, String title) throws Exception {
        String body = mvc.perform(post("/api/leads")
                        .with(bearer(tracker))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"fullName\": \"Ana\", \"email\": \"%s\", \"jobTitle\": \"%s\", \"companySize\": 300}"
                                        .formatted(email, title)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private static String email() {
        return "events-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.com";
    }

    @Test
    void a_batch_is_stored_and_the_leads_it_touches_are_rescored_before_the_answer() throws Exception {
        String email = email();
        long id = lead(email, "Head of Marketing");
        int before = storedScore(id);
        send(UUID.randomUUID().toString(), """
                {"items": [
                  {"email": "%s", "type": "page_visit", "url": "https://acme.com/pricing"},
                  {"email": "%s", "type": "demo_request"},
                  {"leadId": %d, "type": "email_click", "url": "https://acme.com/webinar", "detail": "November newsletter"}
                ]}""".formatted(email.toUpperCase(), email, id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(3))
                .andExpect(jsonPath("$.leadsCreated").value(0))
                .andExpect(jsonPath("$.leadsRescored").value(1));

        assertThat(jdbc.sql("select type from activity where lead_id = ?")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("pricing_page_visit", "demo_request", "email_click");
        // Fresh: the stored score (what the queue ranks by) is what the live model makes of the lead with its new
        // activities.
        String live = mvc.perform(MockMvcRequestBuilders.get("/api/leads/" + id + "/score")
                        .with(bearer(tracker)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> evidence = JsonPath.read(live, "$.receipt[?(@.group == 'ENGAGEMENT')].evidence");
        assertThat(storedScore(id))
                .as("the stored score counts the new activities")
                .isEqualTo((Integer) JsonPath.read(live, "$.total"));
        if (!evidence.isEmpty()) {
            assertThat(storedScore(id)).isNotEqualTo(before);
        }
    }

    @Test
    void re_sending_a_batch_with_its_key_stores_nothing_twice_and_answers_the_same() throws Exception {
        String email = email();
        long id = lead(email, "Analyst");
        String key = UUID.randomUUID().toString();
        String batch = "{\"items\": [{\"email\": \"" + email + "\", \"type\": \"email_open\"}, {\"email\": \"" + email
                + "\", \"type\": \"content_download\"}]}";
        String first = send(key, batch)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int scoreAfterFirst = storedScore(id);

        String again = send(key, batch.replace(", ", ",  "))
                .andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(again).isEqualTo(first);
        assertThat(activities(id)).isEqualTo(2);
        assertThat(storedScore(id)).isEqualTo(scoreAfterFirst);

        send(key, batch.replace("email_open", "email_click"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        assertThat(activities(id)).isEqualTo(2);
    }

    @Test
    void concurrent_re_sends_of_one_batch_store_it_once() throws Exception {
        String email = email();
        long id = lead(email, "Analyst");
        String key = UUID.randomUUID().toString();
        String batch = "{\"items\": [{\"email\": \"" + email + "\", \"type\": \"email_open\"}]}";
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> sends = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sends.add(pool.submit((Callable<Integer>)
                        () -> send(key, batch).andReturn().getResponse().getStatus()));
            }
            for (Future<Integer> sent : sends) {
                assertThat(sent.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(activities(id)).isEqualTo(1);
    }

    @Test
    void one_bad_event_refuses_the_whole_batch_with_every_reason_and_stores_nothing() throws Exception {
        String email = email();
        long id = lead(email, "Analyst");
        send(UUID.randomUUID().toString(), """
                {"items": [
                  {"email": "%s", "type": "email_open"},
                  {"email": "%s", "type": "email open!"},
                  {"type": "email_click"},
                  {"email": "%s", "type": "demo_request", "occurredAt": "2999-01-01T00:00:00Z"}
                ]}""".formatted(email, email, email))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The batch has 3 invalid events; nothing was stored."))
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        containsInAnyOrder("items[1].type", "items[2].email", "items[3].occurredAt")));
        send(
                        UUID.randomUUID().toString(),
                        "{\"items\": [{\"leadId\": 999999999, \"type\": \"email_open\"}, {\"email\": \"" + email
                                + "\", \"type\": \"email_open\"}]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("items[0].leadId"));
        send(null, "{\"items\": [{\"email\": \"" + email + "\", \"type\": \"email_open\"}]}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        send(UUID.randomUUID().toString(), "{\"items\": []}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].reason").value("Send at least one event."));
        assertThat(activities(id)).isZero();
    }

    @Test
    void an_event_for_an_unknown_email_creates_a_lead_by_default() throws Exception {
        String email = email();
        send(
                        UUID.randomUUID().toString(),
                        "{\"items\": [{\"email\": \"" + email
                                + "\", \"type\": \"page_visit\", \"url\": \"/pricing\"}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.leadsCreated").value(1));
        long id = jdbc.sql("select id from lead where email = ?")
                .param(email)
                .query(Long.class)
                .single();
        assertThat(activities(id)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from lead_score where lead_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .as("the new lead is scored")
                .isEqualTo(1);
    }

    @Test
    void an_event_from_a_clock_slightly_ahead_counts_now() throws Exception {
        String email = email();
        long id = lead(email, "Analyst");
        String ahead = Instant.now().plusSeconds(90).toString();
        send(
                        UUID.randomUUID().toString(),
                        "{\"items\": [{\"email\": \"" + email + "\", \"type\": \"demo_request\", \"occurredAt\": \""
                                + ahead + "\"}]}")
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select occurred_at <= now() from activity where lead_id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .as("stored at the time it arrived, so that scoring counts it")
                .isTrue();
    }

    @Test
    void only_a_marketer_or_admin_token_may_send_events() throws Exception {
        String salesToken = ApiClients.token(registry, Role.SALES);
        mvc.perform(post("/api/activities")
                        .with(bearer(salesToken))
                        .header("Idempotency-Key", "k")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\": [{\"email\": \"a@b.co\", \"type\": \"email_open\"}]}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/activities")
                        .header("Idempotency-Key", "k")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\": [{\"email\": \"a@b.co\", \"type\": \"email_open\"}]}"))
                .andExpect(status().isUnauthorized());
    }

    private int storedScore(long id) {
        return jdbc.sql("select score from lead_score where lead_id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    private long activities(long id) {
        return jdbc.sql("select count(*) from activity where lead_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }
}
