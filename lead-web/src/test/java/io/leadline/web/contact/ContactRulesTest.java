package io.leadline.web.contact;

import static io.leadline.testing.Eventually.eventually;
import static io.leadline.web.api.ApiClients.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import io.leadline.core.user.Role;
import io.leadline.web.api.ApiClients;
import io.leadline.web.api.ApiTokenRegistry;
import java.net.InetSocketAddress;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ContactRulesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokenRegistry registry;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    /** A lead the starter model makes an MQL at once (CTO, 1,200 people), created through the API. */
    private long mql(String who, String consent) throws Exception {
        String body = mvc.perform(post("/api/leads")
                        .with(bearer(ApiClients.token(registry, Role.MARKETER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"fullName": "%s %s", "email": "%s-%s@contact.example", "company": "Contact %s", "jobTitle": "CTO",
                                 "companySize": 1200, "country": "BR", "source": "paid_search"%s}""".formatted(
                                who, tag, who, tag, tag, consent == null ? "" : ", \"marketingConsent\": " + consent)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private void activity(long lead, String type) throws Exception {
        mvc.perform(post("/api/activities")
                        .with(bearer(ApiClients.token(registry, Role.MARKETER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .content("{\"items\": [{\"leadId\": %d, \"type\": \"%s\"}]}".formatted(lead, type)))
                .andExpect(status().isOk());
    }

    @Test
    void a_refusal_or_an_unsubscribe_keeps_the_lead_out_of_the_hot_lane_and_the_crm_hand_off() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            mvc.perform(post("/settings/webhooks")
                    .with(user("admin").roles("ADMIN"))
                    .with(csrf())
                    .param("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")
                    .param("events", "MQL"));
            long refused = mql("refused", "false");
            long consented = mql("consented", "true");
            long unsubscribed = mql("unsubscribed", null);

            mvc.perform(get("/api/leads/{id}", refused).with(bearer(ApiClients.token(registry, Role.MARKETER))))
                    .andExpect(jsonPath("$.consent.status").value("WITHDRAWN"))
                    .andExpect(jsonPath("$.consent.source").value("API"))
                    .andExpect(jsonPath("$.doNotContact").value(true));
            mvc.perform(get("/api/leads/{id}", consented).with(bearer(ApiClients.token(registry, Role.MARKETER))))
                    .andExpect(jsonPath("$.consent.status").value("GIVEN"))
                    .andExpect(jsonPath("$.doNotContact").value(false));

            eventually(() -> assertThat(deliveries(consented)).isOne());
            assertThat(deliveries(refused))
                    .as("no hand-off of a lead that refused contact")
                    .isZero();

            activity(unsubscribed, "unsubscribe");
            mvc.perform(get("/api/leads/{id}", unsubscribed).with(bearer(ApiClients.token(registry, Role.MARKETER))))
                    .andExpect(jsonPath("$.consent.source").value("UNSUBSCRIBE"))
                    .andExpect(jsonPath("$.doNotContact").value(true));

            for (long lead : new long[] {refused, consented, unsubscribed}) {
                activity(lead, "demo_request");
            }
            String queue = mvc.perform(get("/queue")
                            .param("scope", "ALL")
                            .param("company", "Contact " + tag)
                            .with(user("sam").roles("SALES")))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(rowOf(queue, consented)).contains("class=\"hot\"");
            assertThat(rowOf(queue, refused)).doesNotContain("class=\"hot\"").contains("Do not contact");
            assertThat(rowOf(queue, unsubscribed))
                    .doesNotContain("class=\"hot\"")
                    .contains("Do not contact");

            mvc.perform(get("/leads/export.csv")
                            .param("text", tag)
                            .with(user("mia").roles("MARKETER")))
                    .andExpect(content().string(containsString("marketing consent,do not contact")))
                    .andExpect(content().string(containsString(",withdrawn,yes")));
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void a_user_flags_and_lifts_do_not_contact_from_the_lead_page() throws Exception {
        long lead = mql("flagged", null);
        mvc.perform(get("/leads/{id}", lead).with(user("sam").roles("SALES")))
                .andExpect(content().string(containsString("Marketing consent: not asked.")))
                .andExpect(content().string(containsString("Mark do not contact")));
        mvc.perform(post("/leads/{id}/contact", lead)
                        .param("doNotContact", "true")
                        .with(user("sam").roles("SALES"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/leads/{id}", lead).with(user("sam").roles("SALES")))
                .andExpect(content().string(containsString("Allow contact again")))
                .andExpect(content().string(containsString("lane, not handed off to the CRM")));
        mvc.perform(post("/leads/{id}/contact", lead)
                .param("consent", "GIVEN")
                .with(user("sam").roles("SALES"))
                .with(csrf()));
        mvc.perform(get("/leads/{id}", lead).with(user("sam").roles("SALES")))
                .andExpect(content().string(containsString("Marketing consent: given, through a Leadline user")))
                .andExpect(content().string(containsString("Allow contact again")));
        mvc.perform(post("/leads/{id}/contact", lead)
                .param("doNotContact", "false")
                .with(user("sam").roles("SALES"))
                .with(csrf()));
        assertThat(jdbc.sql("select do_not_contact from lead where id = ?")
                        .param(lead)
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CONTACT_CHANGED' and target = ?")
                        .param("lead " + lead)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    private long deliveries(long lead) {
        return jdbc.sql("select count(*) from webhook_delivery where lead_id = ? and event = 'MQL'")
                .param(lead)
                .query(Long.class)
                .single();
    }

    /** The queue's table row of a lead: from the row's start to the link to the lead. */
    private static String rowOf(String page, long lead) {
        int link = page.indexOf("href=\"/leads/" + lead + "\"");
        assertThat(link).as("lead " + lead + " on the queue page").isPositive();
        int end = page.indexOf("</tr>", link);
        return page.substring(page.lastIndexOf("<tr", link), end);
    }
}
