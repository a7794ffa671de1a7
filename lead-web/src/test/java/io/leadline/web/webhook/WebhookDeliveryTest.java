package io.leadline.web.webhook;

import static io.leadline.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.scoring.ScoringModels;
import io.leadline.core.user.Role;
import io.leadline.core.webhook.Webhooks;
import io.leadline.persistence.scoring.Rescoring;
import io.leadline.web.TestLeads;
import io.leadline.web.capture.LeadCapture;
import io.leadline.web.security.UserAccounts;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhooks against a real HTTP receiver started by the test: a registered endpoint gets a signed {@code lead.mql} and
 * then {@code lead.claimed} for the same lead, in that order; a 500 is tried again; a rolled-back move sends nothing;
 * internal addresses are refused; after 24 hours of failures the endpoint is turned off and the admins told; a score
 * crossing the MQL threshold is told as {@code score.crossed}, down and up, from an edit and from rescoring.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WebhookDeliveryTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Webhooks webhooks;

    @Autowired
    LeadCapture capture;

    @Autowired
    UserAccounts accounts;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Rescoring rescoring;

    @Autowired
    ScoringModels models;

    /** What the receiver got: the headers we check and the body. */
    record Received(String event, String eventId, String signature, String body) {}

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToGive = new AtomicInteger();
    private long endpoint;

    @BeforeEach
    void receiverAndEndpoint() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresToGive.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            if (status == 200) {
                received.add(new Received(
                        exchange.getRequestHeaders().getFirst("Leadline-Event"),
                        exchange.getRequestHeaders().getFirst("Leadline-Event-Id"),
                        exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
                        body));
            }
            byte[] answer = (status == 200 ? "thanks" : "receiver down").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
        String location = mvc.perform(post("/settings/webhooks")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .param(
                                "url",
                                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")
                        .param("events", "MQL", "CLAIMED"))
                .andExpect(redirectedUrlPattern("/settings/webhooks/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        endpoint = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @AfterEach
    void stop() {
        webhooks.setEnabled(endpoint, false, "test over");
        receiver.stop(0);
    }

    @Test
    void an_mql_and_its_claim_arrive_signed_in_order_and_the_log_shows_them() throws Exception {
        String secret = webhooks.endpoint(endpoint).orElseThrow().secret();
        long id = TestLeads.capture(mvc, "Webhook Lead", "CEO", 3000, "webinar");
        String rep = "hook-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createIfAbsent(rep, "hook-password-1", Role.SALES);
        eventually(() -> assertThat(forLead(id)).extracting(Received::event).containsExactly("lead.mql"));
        mvc.perform(post("/queue/{id}/claim", id).with(user(rep).roles("SALES")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        eventually(
                () -> assertThat(forLead(id)).extracting(Received::event).containsExactly("lead.mql", "lead.claimed"));

        Received mql = forLead(id).getFirst();
        assertThat(WebhookSignature.verifies(
                        secret, mql.signature(), mql.body(), Instant.now().getEpochSecond()))
                .isTrue();
        assertThat(WebhookSignature.verifies(
                        "whsec_wrong",
                        mql.signature(),
                        mql.body(),
                        Instant.now().getEpochSecond()))
                .isFalse();
        assertThat(WebhookSignature.verifies(
                        secret, mql.signature(), mql.body(), Instant.now().getEpochSecond() + 3600))
                .as("too old: a replay")
                .isFalse();
        assertThat(mql.body())
                .contains("\"id\":\"" + mql.eventId() + "\"")
                .contains("\"type\":\"lead.mql\"")
                .contains("\"fullName\":\"Webhook Lead\"")
                .contains("\"stage\":\"MQL\"");
        assertThat(forLead(id).get(1).body()).contains("\"owner\":\"" + rep + "\"");

        mvc.perform(get("/settings/webhooks/{id}", endpoint).with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("lead.claimed")))
                .andExpect(content().string(Matchers.containsString("thanks")));
    }

    @Test
    void a_failed_delivery_is_tried_again_later_and_sent_once_it_is_due() throws Exception {
        failuresToGive.set(1);
        long id = TestLeads.capture(mvc, "Retry Lead", "CEO", 3000, "webinar");
        eventually(() -> assertThat(delivery(id, "last_status_code")).isEqualTo(500));
        assertThat(forLead(id)).isEmpty();
        assertThat(jdbc.sql(
                                "select extract(epoch from next_attempt_at - now()) from webhook_delivery where endpoint_id = ? and lead_id = ?")
                        .params(endpoint, id)
                        .query(Double.class)
                        .single())
                .as("back-off: about 10 s")
                .isBetween(5.0, 13.0);
        // Time passes: the retry is due.
        jdbc.sql("update webhook_delivery set next_attempt_at = now() where endpoint_id = ? and lead_id = ?")
                .params(endpoint, id)
                .update();
        eventually(() -> assertThat(forLead(id)).hasSize(1));
        assertThat(delivery(id, "attempts")).isEqualTo(2);
    }

    @Test
    void a_move_whose_transaction_rolls_back_sends_nothing() throws Exception {
        String email = "rolled-back-" + UUID.randomUUID() + "@acme.com";
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            capture.capture(new LeadProfile(
                    "Rolled Back", new EmailAddress(email), "Acme", "CEO", 3000, "BR", "webinar", Map.of()));
            tx.setRollbackOnly();
        });
        long witness = TestLeads.capture(mvc, "Witness Lead", "CEO", 3000, "webinar");
        eventually(() -> assertThat(forLead(witness)).hasSize(1));
        assertThat(received).noneMatch(r -> r.body().contains(email));
    }

    @Test
    void the_delivery_is_owed_in_the_moving_transaction_itself() throws Exception {
        long id = TestLeads.capture(mvc, "Owed Lead", "CEO", 3000, "webinar");
        // No waiting: the capture's answer comes after its commit, and the delivery row committed with the move.
        assertThat(jdbc.sql("select count(*) from webhook_delivery where endpoint_id = ? and lead_id = ?")
                        .params(endpoint, id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from event_publication where listener_id like '%WebhookOutbox%'")
                        .query(Long.class)
                        .single())
                .as("the deliveries are the outbox: no publication is stored for them")
                .isZero();
    }

    @Test
    void a_score_crossing_the_threshold_is_told_both_ways_whatever_the_stage_and_from_either_writer() throws Exception {
        mvc.perform(post("/settings/webhooks")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .param(
                                "url",
                                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")
                        .param("events", "SCORE_CROSSED"))
                .andExpect(status().is3xxRedirection());
        long id = TestLeads.capture(mvc, "Crossing Lead", "CEO", 3000, "webinar");
        eventually(() -> assertThat(forLead(id)).extracting(Received::event).contains("lead.mql"));
        String rep = "cross-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createIfAbsent(rep, "cross-password-1", Role.SALES);
        mvc.perform(post("/queue/{id}/claim", id).with(user(rep).roles("SALES")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(crossings(id)).as("a first score crosses nothing").isEmpty();

        // An edit (the single-lead writer) takes the claimed lead's fit away: its score falls below the threshold.
        long version = jdbc.sql("select version from lead where id = ?")
                .param(id)
                .query(Long.class)
                .single();
        String email = jdbc.sql("select email from lead where id = ?")
                .param(id)
                .query(String.class)
                .single();
        mvc.perform(post("/leads/{id}/edit", id)
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf())
                        .param("version", Long.toString(version))
                        .param("fullName", "Crossing Lead")
                        .param("email", email)
                        .param("company", "Acme")
                        .param("jobTitle", "Intern")
                        .param("companySize", "2")
                        .param("source", "webinar"))
                .andExpect(status().is3xxRedirection());
        eventually(() -> assertThat(crossings(id)).hasSize(1));
        // Rescoring (the set-based writer) after the fit came back: up again.
        jdbc.sql("update lead set job_title = 'CEO', company_size = 3000 where id = ?")
                .param(id)
                .update();
        new TransactionTemplate(transactions)
                .executeWithoutResult(tx -> rescoring.rescore(models.active(), new long[] {id}, Instant.now()));
        eventually(() -> assertThat(crossings(id)).hasSize(2));

        assertThat(crossings(id).get(0).body())
                .contains("\"direction\":\"down\"")
                .contains("\"stage\":\"ACCEPTED\"");
        assertThat(crossings(id).get(1).body()).contains("\"direction\":\"up\"").contains("\"type\":\"score.crossed\"");
        int threshold = models.active().mqlThreshold().points();
        assertThat(crossings(id).get(1).body()).contains("\"threshold\":" + threshold);
        assertThat(forLead(id))
                .extracting(Received::event)
                .filteredOn(event -> !"score.crossed".equals(event))
                .as("the claimed lead did not move stage: only its score crossed")
                .containsExactly("lead.mql", "lead.claimed");
    }

    @Test
    void internal_addresses_are_refused_and_a_day_of_failures_turns_the_endpoint_off() throws Exception {
        for (String url : List.of(
                "http://10.0.0.7/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://localhost:8080/",
                "ftp://crm.example.com/")) {
            mvc.perform(post("/settings/webhooks")
                            .with(user("admin").roles("ADMIN"))
                            .with(csrf())
                            .param("url", url)
                            .param("events", "MQL"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(Matchers.containsString("id=\"url-error\"")));
        }
        String admin = "off-admin-" + UUID.randomUUID().toString().substring(0, 8);
        String rep = "off-rep-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createIfAbsent(admin, "off-admin-password", Role.ADMIN);
        accounts.createIfAbsent(rep, "off-rep-password", Role.SALES);
        failuresToGive.set(1_000);
        long id = TestLeads.capture(mvc, "Doomed Lead", "CEO", 3000, "webinar");
        eventually(() -> assertThat(delivery(id, "last_status_code")).isEqualTo(500));
        jdbc.sql(
                        "update webhook_delivery set next_attempt_at = now(), first_tried_at = now() - interval '25 hours' where endpoint_id = ? and lead_id = ?")
                .params(endpoint, id)
                .update();
        eventually(() ->
                assertThat(webhooks.endpoint(endpoint).orElseThrow().enabled()).isFalse());
        assertThat(webhooks.endpoint(endpoint).orElseThrow().disabledReason())
                .startsWith("Deliveries failed for 24 hours (last: HTTP 500)");
        assertThat(jdbc.sql("select status from webhook_delivery where endpoint_id = ? and lead_id = ?")
                        .params(endpoint, id)
                        .query(String.class)
                        .single())
                .isEqualTo("GAVE_UP");

        // Every active admin is told, once, in the inbox; the notice opens the webhooks page. A rep is told nothing.
        eventually(() -> assertThat(notices(admin, "WEBHOOK_OFF")).hasSize(1));
        assertThat(notices(rep, "WEBHOOK_OFF")).isEmpty();
        mvc.perform(post("/inbox/{n}/open", notices(admin, "WEBHOOK_OFF").getFirst())
                        .with(user(admin).roles("ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/webhooks"));
        mvc.perform(get("/account/alerts").with(user(rep).roles("SALES")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Webhook turned off"))));
        mvc.perform(get("/account/alerts").with(user(admin).roles("ADMIN")))
                .andExpect(content().string(Matchers.containsString("Webhook turned off")));
    }

    private List<Long> notices(String username, String kind) {
        return jdbc.sql("select id from inbox_item where username = ? and kind = ?")
                .params(username, kind)
                .query(Long.class)
                .list();
    }

    private List<Received> crossings(long id) {
        return forLead(id).stream()
                .filter(r -> "score.crossed".equals(r.event()))
                .toList();
    }

    private List<Received> forLead(long id) {
        return received.stream()
                .filter(r -> r.body().contains("\"lead\":{\"id\":" + id + ","))
                .toList();
    }

    private Integer delivery(long leadId, String column) {
        return jdbc.sql("select " + column + " from webhook_delivery where endpoint_id = ? and lead_id = ?")
                .params(endpoint, leadId)
                .query(Integer.class)
                .optional()
                .orElse(null);
    }
}
