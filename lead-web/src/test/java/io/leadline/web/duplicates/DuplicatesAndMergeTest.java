package io.leadline.web.duplicates;

import static io.leadline.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.user.Role;
import io.leadline.web.api.ApiClients;
import io.leadline.web.api.ApiTokenRegistry;
import io.leadline.web.webhook.WebhookReceiver;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

@SpringBootTest(properties = "leadline.import.poll-millis=100")
@AutoConfigureMockMvc
class DuplicatesAndMergeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokenRegistry tokens;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private MvcResult capture(String name, String email, String company, String title) throws Exception {
        return mvc.perform(post("/leads/new")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf())
                        .param("fullName", name)
                        .param("email", email)
                        .param("company", company)
                        .param("jobTitle", title))
                .andExpect(status().is3xxRedirection())
                .andReturn();
    }

    private static long idOf(MvcResult created) {
        return Long.parseLong(created.getResponse().getRedirectedUrl().substring("/leads/".length()));
    }

    @Test
    void a_typo_with_a_private_address_is_offered_compared_and_merged_without_losing_an_activity() throws Exception {
        long work = idOf(
                capture("Mariana Teixeira " + tag, "mariana." + tag + "@ceramica.com.br", "Cerâmica " + tag, "Buyer"));
        MvcResult second =
                capture("Mariana Teixera " + tag, "mari" + tag + "@gmail.com", "Ceramica " + tag, "Head of Purchasing");
        long typo = idOf(second);
        assertThat((String) second.getFlashMap().get("message")).contains("It may be a duplicate");
        jdbc.sql("insert into activity (lead_id, type, occurred_at, detail) values (?, 'EMAIL_CLICK', ?, 'newsletter')")
                .params(typo, Timestamp.from(Instant.now()))
                .update();

        mvc.perform(get("/leads/{id}", work).with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("1 possible duplicate")))
                .andExpect(content().string(containsString("Mariana Teixera " + tag)))
                .andExpect(content().string(containsString("similar name, same company")));
        mvc.perform(get("/leads/merge")
                        .param("lead", String.valueOf(typo))
                        .param("other", String.valueOf(work))
                        .param("keep", String.valueOf(work))
                        .with(user("mia").roles("MARKETER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Keeps: Mariana Teixeira " + tag)))
                .andExpect(content().string(containsString("Take Head of Purchasing")));
        long version = jdbc.sql("select version from lead where id = ?")
                .param(work)
                .query(Long.class)
                .single();
        long typoVersion = jdbc.sql("select version from lead where id = ?")
                .param(typo)
                .query(Long.class)
                .single();

        mvc.perform(post("/leads/merge")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf())
                        .param("survivorId", String.valueOf(work))
                        .param("survivorVersion", String.valueOf(version))
                        .param("mergedId", String.valueOf(typo))
                        .param("mergedVersion", String.valueOf(typoVersion))
                        .param("fromMerged", "job_title"))
                .andExpect(redirectedUrl("/leads/" + work))
                .andExpect(flash().attribute("message", containsString("merged into Mariana Teixeira " + tag)));

        assertThat(jdbc.sql("select count(*) from lead where id = ?")
                        .param(typo)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select job_title || ' | ' || (attributes ->> 'other_emails') from lead where id = ?")
                        .param(work)
                        .query(String.class)
                        .single())
                .isEqualTo("Head of Purchasing | mari" + tag + "@gmail.com");
        assertThat(jdbc.sql("select count(*) from activity where lead_id = ? and detail = 'newsletter'")
                        .param(work)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select detail from audit_event where action = 'LEAD_MERGED' and target = ?")
                        .param("lead " + work)
                        .query(String.class)
                        .single())
                .contains("lead " + typo, "Mariana Teixera " + tag, "job_title");

        mvc.perform(get("/leads/{id}", typo).with(user("mia").roles("MARKETER")))
                .andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/leads/" + work));
        mvc.perform(get("/api/leads/{id}", typo).with(ApiClients.bearer(ApiClients.token(tokens, Role.MARKETER))))
                .andExpect(status().isPermanentRedirect())
                .andExpect(header().string("Location", "/api/leads/" + work));
        mvc.perform(get("/leads/{id}", work).with(user("mia").roles("MARKETER")))
                .andExpect(content().string(not(containsString("possible duplicate"))));

        // Later events naming the merged lead, by its id or its address, are the survivor's; so is a form's.
        mvc.perform(post("/api/activities")
                        .with(ApiClients.bearer(ApiClients.token(tokens, Role.MARKETER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .content(
                                "{\"items\": [{\"leadId\": %d, \"type\": \"email_open\"}, {\"email\": \"mari%s@gmail.com\", \"type\": \"email_click\"}]}"
                                        .formatted(typo, tag)))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from activity where lead_id = ? and type in ('email_open', 'email_click')")
                        .param(work)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from lead where email = ?")
                        .param("mari" + tag + "@gmail.com")
                        .query(Long.class)
                        .single())
                .as("no new lead for the merged address")
                .isZero();
        mvc.perform(post("/leads/new")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf())
                        .param("fullName", "Mariana again")
                        .param("email", "mari" + tag + "@gmail.com"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/leads/" + work)));
    }

    @Test
    void the_new_lead_form_is_told_of_a_stored_lead_before_saving() throws Exception {
        long stored = idOf(capture("Helena Prado " + tag, "helena.prado." + tag + "@gmail.com", "Prado " + tag, null));
        mvc.perform(get("/leads/duplicates/check")
                        .param("email", "HelenaPrado." + tag + "+events@googlemail.com")
                        .with(user("mia").roles("MARKETER")))
                .andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.jsonPath("$[0].id").value(stored))
                .andExpect(MockMvcResultMatchers.jsonPath("$[0].reasons[0]").value("same mailbox"));
        mvc.perform(get("/leads/duplicates/check")
                        .param("fullName", "Helena Pardo " + tag)
                        .param("company", "PRADO " + tag)
                        .with(user("mia").roles("MARKETER")))
                .andExpect(MockMvcResultMatchers.jsonPath("$[0].url").value("/leads/" + stored));
        mvc.perform(get("/leads/duplicates/check")
                        .param("fullName", "Someone Else")
                        .with(user("mia").roles("MARKETER")))
                .andExpect(content().json("[]"));
    }

    @Test
    void the_crm_is_told_of_a_merge_by_a_lead_merged_webhook_naming_the_id_that_is_gone() throws Exception {
        try (var receiver = new WebhookReceiver().subscribe(mvc, "MERGED")) {
            long kept = idOf(capture("Otavio Reis " + tag, "otavio" + tag + "@a.com", "Reis " + tag, null));
            long gone = idOf(capture("Otavio Reiss " + tag, "otavio" + tag + "@b.com", "Reis " + tag, "CFO"));
            mvc.perform(post("/leads/merge")
                            .with(user("mia").roles("MARKETER"))
                            .with(csrf())
                            .param("survivorId", String.valueOf(kept))
                            .param("survivorVersion", "0")
                            .param("mergedId", String.valueOf(gone))
                            .param("mergedVersion", "0")
                            .param("fromMerged", "job_title"))
                    .andExpect(redirectedUrl("/leads/" + kept));
            eventually(() -> assertThat(receiver.bodies())
                    .anySatisfy(body -> assertThat(body)
                            .contains(
                                    "\"type\":\"lead.merged\"",
                                    "\"mergedLeadId\":" + gone,
                                    "\"fieldsTaken\":[\"job_title\"]",
                                    "\"id\":" + kept)));
            assertThat(jdbc.sql("select detail from audit_event where action = 'LEAD_MERGED' and target = ?")
                            .param("lead " + kept)
                            .query(String.class)
                            .list())
                    .as("one audit entry, from the event")
                    .singleElement()
                    .asString()
                    .contains("lead " + gone + " (Otavio Reiss " + tag, "fields taken from it: job_title");
        }
    }

    @Test
    void leads_of_two_reps_are_merged_by_an_admin_only() throws Exception {
        long one = idOf(capture("Paulo Rocha " + tag, "paulo" + tag + "@a.com", "Rocha " + tag, null));
        long two = idOf(capture("Paulo Roxa " + tag, "paulo" + tag + "@b.com", "Rocha " + tag, null));
        for (String rep : new String[] {"rep1-" + tag, "rep2-" + tag}) {
            jdbc.sql("insert into app_user (username, password_hash, role) values (?, 'x', 'SALES')")
                    .param(rep)
                    .update();
        }
        jdbc.sql("update lead set owner = ? where id = ?")
                .params("rep1-" + tag, one)
                .update();
        jdbc.sql("update lead set owner = ? where id = ?")
                .params("rep2-" + tag, two)
                .update();

        mvc.perform(get("/leads/merge")
                        .param("lead", String.valueOf(one))
                        .param("other", String.valueOf(two))
                        .with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("only an admin can merge them")));
        var merge = post("/leads/merge")
                .with(csrf())
                .param("survivorId", String.valueOf(one))
                .param("survivorVersion", "0")
                .param("mergedId", String.valueOf(two))
                .param("mergedVersion", "0");
        mvc.perform(merge.with(user("mia").roles("MARKETER")))
                .andExpect(flash().attribute("error", containsString("an admin merges them")));
        assertThat(jdbc.sql("select count(*) from lead where id = ?")
                        .param(two)
                        .query(Long.class)
                        .single())
                .isOne();
        mvc.perform(merge.with(user("ada").roles("ADMIN"))).andExpect(redirectedUrl("/leads/" + one));
        assertThat(jdbc.sql("select count(*) from lead where id = ?")
                        .param(two)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void the_review_list_shows_a_scans_pairs_and_forgets_a_pair_said_to_be_two_people() throws Exception {
        long gmail = idOf(capture("Tiago " + tag, "tiago.almeida" + tag + "@gmail.com", null, null));
        long plus = idOf(capture("T. Almeida", "tiagoalmeida" + tag + "+news@googlemail.com", null, null));

        mvc.perform(post("/leads/duplicates/scan")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/leads/duplicates"));
        eventually(() -> assertThat(jdbc.sql("select count(*) from duplicate_pair where lead_id = ? and other_id = ?")
                        .params(gmail, plus)
                        .query(Long.class)
                        .single())
                .isOne());
        eventually(() -> mvc.perform(get("/leads/duplicates").with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("pairs found")))
                .andExpect(content().string(containsString("same mailbox"))));

        mvc.perform(post("/leads/duplicates/dismiss")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf())
                        .param("lead", String.valueOf(gmail))
                        .param("other", String.valueOf(plus)))
                .andExpect(redirectedUrl("/leads/duplicates"));
        mvc.perform(get("/leads/{id}", gmail).with(user("mia").roles("MARKETER")))
                .andExpect(content().string(not(containsString("possible duplicate"))));
        mvc.perform(get("/leads/duplicates").with(user("sam").roles("SALES"))).andExpect(status().isForbidden());
        mvc.perform(get("/leads/merge")
                        .param("lead", "1")
                        .param("other", "2")
                        .with(user("sam").roles("SALES")))
                .andExpect(status().isForbidden());
    }
}
