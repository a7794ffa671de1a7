package io.leadline.web.scoring;

import static io.leadline.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import io.leadline.core.lead.Lead;
import io.leadline.core.lead.Leads;
import io.leadline.persistence.scoring.RescoreJobs;
import io.leadline.web.capture.LeadEditing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A CRM export says a lead is an MQL although its score here is low: rescoring (every night, after a model change)
 * and an edit of the lead must leave that MQL alone — a score undoes only the MQLs it made.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportedStagesUnderRescoringTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RescoreJobs rescores;

    @Autowired
    Leads leads;

    @Autowired
    LeadEditing editing;

    @Test
    void an_imported_mql_stays_one_through_rescoring_and_edits() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "crm-mql-" + tag + "@status-fixture.example";
        String csv = "Email,Full Name,Job Title,Lead Status\n" + email + ",Low Score,Student,MQL\n";
        String location = mvc.perform(multipart("/imports")
                        .file(new MockMultipartFile(
                                "file", "crm.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "LEADS")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/imports/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(post(location + "/start")
                .param("field0", "EMAIL")
                .param("field1", "FULL_NAME")
                .param("field2", "JOB_TITLE")
                .param("field3", "STAGE")
                .param("stagevalue_0", "MQL")
                .param("stage_0", "MQL")
                .param("policy", "SKIP")
                .param("dryRun", "false")
                .with(user("mia").roles("MARKETER"))
                .with(csrf()));
        eventually(() -> assertThat(stage(email)).isEqualTo("MQL"));
        long id = jdbc.sql("select id from lead where email = ?")
                .param(email)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("select score from lead_score where lead_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .as("below the MQL threshold")
                .isLessThan(40);

        long job = rescores.queue("ada", "test", Instant.now());
        eventually(() -> assertThat(rescores.latest().orElseThrow().done()).isTrue());
        assertThat(rescores.latest().orElseThrow().id()).isGreaterThanOrEqualTo(job);
        assertThat(stage(email)).as("after rescoring").isEqualTo("MQL");

        Lead lead = leads.byId(id).orElseThrow();
        assertThat(lead.stageByScore()).isFalse();
        editing.edit(id, lead.version(), lead.profile());
        assertThat(stage(email)).as("after an edit rescored it").isEqualTo("MQL");
        assertThat(jdbc.sql("select count(*) from stage_change where lead_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .as("only the imported move")
                .isEqualTo(1);
    }

    private String stage(String email) {
        return jdbc.sql("select stage from lead where email = ?")
                .param(email)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
