package io.leadline.web.queue;

import static io.leadline.testing.Eventually.eventually;
import static io.leadline.web.TestRequests.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.scoring.ScoringModels;
import io.leadline.core.user.Role;
import io.leadline.persistence.importing.ImportJobs;
import io.leadline.persistence.scoring.Rescoring;
import io.leadline.web.TestLeads;
import io.leadline.web.api.ApiTokenRegistry;
import io.leadline.web.capture.LeadCapture;
import io.leadline.web.security.UserAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whichever way a lead becomes an MQL — the New lead form, a public form, an import, an API activity, an edit, a
 * rescoring — with round-robin on it is assigned exactly once, and its history holds exactly one move into MQL.
 */
@SpringBootTest(properties = "leadline.queue.round-robin=true")
@AutoConfigureMockMvc
class MqlAssignmentPathsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokenRegistry apiTokens;

    @Autowired
    ImportJobs imports;

    @Autowired
    Rescoring rescoring;

    @Autowired
    LeadCapture capture;

    @Autowired
    ScoringModels models;

    @Autowired
    PlatformTransactionManager transactions;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String rep = "paths-" + tag;

    @BeforeEach
    void oneRepWithRoom() {
        // Only this test's rep takes leads while it runs: every other SALES user is switched off for it.
        jdbc.sql("update app_user set enabled = false where role = 'SALES'").update();
        accounts.createIfAbsent(rep, "round-robin-pass", Role.SALES);
        jdbc.sql("update app_user set capacity = 1000 where username = ?")
                .param(rep)
                .update();
    }

    @AfterEach
    void repsBack() {
        jdbc.sql("update app_user set enabled = true where role = 'SALES' and username <> ?")
                .param(rep)
                .update();
    }

    @Test
    void the_new_lead_form() throws Exception {
        long id = TestLeads.capture(mvc, "Form Lead", "CEO", 3000, "paid_search");

        assertAssignedOnceAfterOneMoveIntoMql(id);
    }

    @Test
    void the_event_is_stored_with_the_move_in_its_transaction_and_removed_once_delivered() throws Exception {
        String email = "outbox-" + tag + "@acme.com";
        long id = new TransactionTemplate(transactions).execute(status -> {
            long captured = capture.capture(new LeadProfile(
                            "Outbox Lead", new EmailAddress(email), "Acme", "CEO", 3000, "BR", "paid_search", Map.of()))
                    .id();
            assertThat(publications(captured))
                    .as("stored before commit, in the same transaction")
                    .isEqualTo(1);
            return captured;
        });

        assertAssignedOnceAfterOneMoveIntoMql(id);
        eventually(() ->
                assertThat(publications(id)).as("removed once its listener ran").isZero());
    }

    private long publications(long leadId) {
        // The assignment listener's publication (webhooks listen to the same event with their own).
        return jdbc.sql("select count(*) from event_publication where event_type like '%LeadsBecameMql' "
                        + "and listener_id like '%NewMqlsToReps%' and serialized_event ~ ?")
                .param("\\y" + leadId + "\\y")
                .query(Long.class)
                .single();
    }

    @Test
    void a_public_form() throws Exception {
        String email = "public-" + tag + "@acme.com";
        String page = mvc.perform(get("/forms/paths-webinar"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("the form's token").isTrue();
        mvc.perform(post("/forms/paths-webinar")
                        .with(from("10.77.0.1"))
                        .param("token", token.group(1))
                        .param("email", email)
                        .param("full_name", "Public Lead")
                        .param("company", "Acme")
                        .param("job_title", "CEO")
                        .param("company_size", "3000")
                        .param("utm_source", "paid_search"))
                .andExpect(status().is3xxRedirection());

        assertAssignedOnceAfterOneMoveIntoMql(idOf(email));
    }

    @Test
    void an_import() throws Exception {
        String email = "import-" + tag + "@acme.com";
        var file = new MockMultipartFile(
                "file",
                "leads.csv",
                "text/csv",
                ("Email,Full Name,Company,Job Title,Company Size,Source\n" + email
                                + ",Imported Lead,Acme,CEO,3000,paid_search\n")
                        .getBytes(StandardCharsets.UTF_8));
        String location = mvc.perform(multipart("/imports")
                        .file(file)
                        .param("kind", "LEADS")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/imports/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long job = Long.parseLong(location.substring("/imports/".length()));
        mvc.perform(post("/imports/{id}/start", job)
                        .param("field0", "EMAIL")
                        .param("field1", "FULL_NAME")
                        .param("field2", "COMPANY")
                        .param("field3", "JOB_TITLE")
                        .param("field4", "COMPANY_SIZE")
                        .param("field5", "SOURCE")
                        .param("policy", "SKIP")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        eventually(() -> assertThat(imports.find(job).orElseThrow().finished()).isTrue());

        assertAssignedOnceAfterOneMoveIntoMql(idOf(email));
    }

    @Test
    void an_api_activity() throws Exception {
        long id = TestLeads.capture(mvc, "Quiet Lead", "CEO", 3000, "email");
        makeItNewAgain(id);
        String token =
                apiTokens.issue("paths " + tag, Role.MARKETER, "test-admin").secret();
        String email = jdbc.sql("select email from lead where id = ?")
                .param(id)
                .query(String.class)
                .single();

        mvc.perform(post("/api/activities")
                        .header("Authorization", "Bearer " + token)
                        .header("Idempotency-Key", "paths-" + tag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\": [{\"email\": \"%s\", \"type\": \"demo_request\"}]}".formatted(email)))
                .andExpect(status().isOk());

        assertAssignedOnceAfterOneMoveIntoMql(id);
    }

    @Test
    void an_edit() throws Exception {
        long id = TestLeads.capture(mvc, "Edit Lead", "Analyst", 5, "email");
        assertThat(stage(id)).isEqualTo("NEW");
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
                        .param("fullName", "Edit Lead")
                        .param("email", email)
                        .param("company", "Acme")
                        .param("jobTitle", "CEO")
                        .param("companySize", "3000")
                        .param("source", "paid_search"))
                .andExpect(status().is3xxRedirection());

        assertAssignedOnceAfterOneMoveIntoMql(id);
    }

    @Test
    void a_rescoring() throws Exception {
        long id = TestLeads.capture(mvc, "Rescored Lead", "CEO", 3000, "email");
        makeItNewAgain(id);
        jdbc.sql(
                        "insert into activity (lead_id, type, occurred_at) values (?, 'demo_request', now() - interval '1 hour')")
                .param(id)
                .update();

        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> rescoring.rescore(models.active(), new long[] {id}, Instant.now()));

        assertAssignedOnceAfterOneMoveIntoMql(id);
    }

    /**
     * A lead that is NEW below the threshold and unassigned: as it was before the step under test (stored as a NEW
     * lead with a low score, its history emptied), so that the step alone moves it into MQL.
     */
    private void makeItNewAgain(long id) throws Exception {
        // Wait for the capture's own assignment, if it made an MQL, so that it cannot land after the reset.
        eventually(() -> assertThat(stage(id)).isIn("NEW", "ACCEPTED"));
        jdbc.sql("update lead set stage = 'NEW', owner = null, version = version + 1 where id = ?")
                .param(id)
                .update();
        jdbc.sql("update lead_score set stage = 'NEW', score = 0, queued_at = null where lead_id = ?")
                .param(id)
                .update();
        jdbc.sql("delete from stage_change where lead_id = ?").param(id).update();
        jdbc.sql("delete from audit_event where target = ?").param("lead " + id).update();
    }

    private void assertAssignedOnceAfterOneMoveIntoMql(long id) throws Exception {
        eventually(() -> assertThat(jdbc.sql("select owner from lead where id = ?")
                        .param(id)
                        .query(String.class)
                        .optional())
                .contains(rep));
        assertThat(stage(id)).isEqualTo("ACCEPTED");
        assertThat(moves(id, "MQL")).as("moves into MQL").isEqualTo(1);
        assertThat(moves(id, "ACCEPTED")).as("assignments").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'LEAD_ASSIGNED' and target = ?")
                        .param("lead " + id)
                        .query(Long.class)
                        .single())
                .as("audited assignments")
                .isEqualTo(1);
    }

    private long moves(long id, String to) {
        return jdbc.sql("select count(*) from stage_change where lead_id = ? and to_stage = ?")
                .params(id, to)
                .query(Long.class)
                .single();
    }

    private String stage(long id) {
        return jdbc.sql("select stage from lead where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private long idOf(String email) {
        return jdbc.sql("select id from lead where email = ?")
                .param(email)
                .query(Long.class)
                .single();
    }
}
