package io.leadline.web.prediction;

import static io.leadline.testing.Eventually.until;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An admin trains the likelihood model on leads with known outcomes, one of whose fields exists only for won deals
 * (as the Olist closed-deals columns would, joined onto the MQLs): the field is flagged and left out, the model is
 * judged on held-out leads beside the points model, and sales reps see the likelihood in the queue and on lead pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LikelihoodTrainingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_admin_trains_a_model_sees_its_figures_and_the_leak_and_sales_see_the_likelihood() throws Exception {
        ClosedLeads.insert(jdbc, 1000);
        long mql = ClosedLeads.inQueue(jdbc, "Queue Likelihood");

        mvc.perform(post("/settings/likelihood/train")
                .with(user("ada").roles("ADMIN"))
                .with(csrf()));
        trainingEnds();
        assertThat(jdbc.sql("select coalesce(error, status) from likelihood_model order by id desc limit 1")
                        .query(String.class)
                        .single())
                .isEqualTo("DONE");

        var row = jdbc.sql(
                        "select auc, points_auc, brier, held_out_leads from likelihood_model order by id desc limit 1")
                .query()
                .singleRow();
        assertThat((Double) row.get("auc")).as("source carries the signal").isGreaterThan(0.75);
        assertThat((Double) row.get("brier")).isLessThan(0.25);
        assertThat(jdbc.sql(
                                "select leaking and not used from likelihood_field where model_id = (select max(id) from likelihood_model) and field = 'deal_segment'")
                        .query(Boolean.class)
                        .single())
                .as("the won-only field is flagged and left out")
                .isTrue();

        String page = mvc.perform(get("/settings/likelihood").with(user("ada").roles("ADMIN")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "AUC (0.5 is chance, 1 is perfect)",
                        "Calibration by decile of prediction",
                        "Leak?",
                        "deal_segment",
                        "include anyway",
                        "Points model (live)");

        String queue = mvc.perform(get("/queue").with(user("sam").roles("SALES")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(queue).contains(">Likelihood<");
        String lead = mvc.perform(get("/leads/" + mql).with(user("sam").roles("SALES")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(lead).contains("Likelihood to close:");

        // Including the flagged field knowingly: the next model uses it.
        mvc.perform(post("/settings/likelihood/train")
                .param("include", "deal_segment")
                .with(user("ada").roles("ADMIN"))
                .with(csrf()));
        trainingEnds();
        assertThat(jdbc.sql(
                                "select used from likelihood_field where model_id = (select max(id) from likelihood_model) and field = 'deal_segment'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    /** Waits until the newest training has ended, either way. */
    private void trainingEnds() throws Exception {
        until(
                Duration.ofSeconds(60),
                "the training",
                () -> jdbc.sql("select status from likelihood_model order by id desc limit 1")
                        .query(String.class)
                        .single(),
                status -> status.equals("DONE") || status.equals("FAILED"));
    }
}
