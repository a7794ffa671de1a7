package io.leadline.web.settings;

import static io.leadline.testing.Eventually.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import io.leadline.persistence.scoring.RescoreJobs;
import io.leadline.web.TestLeads;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class RescoreFromSettingsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    RescoreJobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_admin_rescores_every_lead_in_the_background_and_sees_what_changed() throws Exception {
        long lead = TestLeads.capture(mvc, "Rescore Me", "Analyst", 20, "email");
        // A demo request arrives (the ingestion API comes later): the stored score is stale until rescoring.
        jdbc.sql(
                        "insert into activity (lead_id, type, occurred_at) values (?, 'demo_request', now() - interval '1 hour')")
                .param(lead)
                .update();

        mvc.perform(post("/settings/rescore").with(user("ada").roles("ADMIN")).with(csrf()))
                .andExpect(flash().attribute("message", "Rescoring started; it runs in the background."));
        var job = until(
                Duration.ofSeconds(30), "the rescoring", () -> jobs.latest().orElseThrow(), j -> !j.running());
        assertThat(job.done()).isTrue();
        assertThat(job.changed()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select engagement_points from lead_score where lead_id = ?")
                        .param(lead)
                        .query(Integer.class)
                        .single())
                .isEqualTo(30);
        mvc.perform(get("/settings").with(user("ada").roles("ADMIN")))
                .andExpect(content().string(containsString("Last rescoring for model version ")));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'RESCORED'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }
}
