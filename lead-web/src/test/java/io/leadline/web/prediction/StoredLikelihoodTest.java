package io.leadline.web.prediction;

import static io.leadline.testing.Eventually.eventually;
import static io.leadline.web.api.ApiClients.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.lead.LeadList;
import io.leadline.core.queue.QueueEntry;
import io.leadline.core.user.Role;
import io.leadline.web.api.ApiClients;
import io.leadline.web.api.ApiTokenRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The likelihood where people work: once a model is trained it is stored for every lead (no model evaluation per
 * request), kept current when a lead changes, sortable and filterable in the list, in the API and the CSV export; a
 * model trained with a flagged field waits for a confirmation before it goes live, and an older version can be made
 * live again.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StoredLikelihoodTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokenRegistry registry;

    private long train(String... include) throws Exception {
        long before = jdbc.sql("select coalesce(max(id), 0) from likelihood_model")
                .query(Long.class)
                .single();
        var request = post("/settings/likelihood/train")
                .with(user("ada").roles("ADMIN"))
                .with(csrf());
        for (String field : include) {
            request.param("include", field);
        }
        mvc.perform(request);
        long id = jdbc.sql("select max(id) from likelihood_model")
                .query(Long.class)
                .single();
        assertThat(id).isGreaterThan(before);
        eventually(() -> assertThat(
                        jdbc.sql("select coalesce(error, status) || ' ' || phase from likelihood_model where id = ?")
                                .param(id)
                                .query(String.class)
                                .single())
                .isEqualTo("DONE done"));
        return id;
    }

    private Double stored(long leadId, long modelId) {
        return jdbc.sql("select probability from lead_likelihood where lead_id = ? and model_id = ?")
                .params(leadId, modelId)
                .query(Double.class)
                .optional()
                .orElse(null);
    }

    private Long live() {
        return jdbc.sql(
                        "select id from likelihood_model where live_since is not null order by live_since desc, id desc limit 1")
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    @Test
    void the_likelihood_is_stored_listed_exported_and_its_model_picked() throws Exception {
        ClosedLeads.insert(jdbc, 1000);
        long referral = ClosedLeads.inQueue(jdbc, "Stored Likelihood Referral");
        long paid = jdbc.sql("""
                select id from lead where source = 'paid_search' and stage = 'LOST' order by id desc limit 1""").query(Long.class).single();

        long first = train();
        assertThat(live())
                .as("a model without flagged fields goes live as it finishes")
                .isEqualTo(first);
        assertThat(stored(referral, first))
                .as("every lead's likelihood is stored after the training")
                .isNotNull();
        assertThat(stored(referral, first)).isGreaterThan(stored(paid, first));

        // The list sorts and filters by it; the API and the export carry it.
        String page = mvc.perform(get("/leads")
                        .param("order", "LIKELIHOOD")
                        .param("minLikelihood", "50")
                        .param("text", "Stored Likelihood")
                        .with(user("mia").roles("MARKETER")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(">Likelihood<", "Most likely to close first", "Stored Likelihood Referral");
        @SuppressWarnings("unchecked")
        var rows = (List<LeadList.Row>) mvc.perform(get("/leads")
                        .param("order", "LIKELIHOOD")
                        .param("minLikelihood", "50")
                        .with(user("mia").roles("MARKETER")))
                .andReturn()
                .getModelAndView()
                .getModel()
                .get("rows");
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.likelihood()).isGreaterThanOrEqualTo(0.5));
        assertThat(rows).extracting(LeadList.Row::likelihood).isSortedAccordingTo(Comparator.reverseOrder());

        // The queue too: filtered by it and ordered by it, hand-raisers-first order left as the default.
        String queue = mvc.perform(get("/queue")
                        .param("order", "LIKELIHOOD")
                        .param("minLikelihood", "50")
                        .with(user("sam").roles("SALES")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(queue).contains("Most likely to close first", "Stored Likelihood Referral");
        @SuppressWarnings("unchecked")
        var entries = (List<QueueEntry>) mvc.perform(get("/queue")
                        .param("order", "LIKELIHOOD")
                        .param("minLikelihood", "50")
                        .with(user("sam").roles("SALES")))
                .andReturn()
                .getModelAndView()
                .getModel()
                .get("entries");
        assertThat(entries)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.likelihood()).isGreaterThanOrEqualTo(0.5));
        assertThat(entries).extracting(QueueEntry::likelihood).isSortedAccordingTo(Comparator.reverseOrder());

        String token = ApiClients.token(registry, Role.SALES);
        mvc.perform(get("/api/leads/" + referral).with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.likelihood").value(stored(referral, first)))
                .andExpect(jsonPath("$.likelihoodModelVersion").value(first));
        mvc.perform(get("/api/leads")
                        .param("order", "LIKELIHOOD")
                        .param("minLikelihood", "50")
                        .param("size", "5")
                        .with(bearer(token)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].likelihood").isNumber());
        String csv = mvc.perform(get("/leads/export.csv")
                        .param("text", "Stored Likelihood Referral")
                        .with(user("mia").roles("MARKETER")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv)
                .startsWith(
                        "id,name,email,company,job title,source,stage,score,fit grade,owner,created,likelihood to close")
                .contains(String.format(Locale.ROOT, "%.4f", stored(referral, first)));

        // A lead that changes is scored again, and its likelihood with it.
        jdbc.sql("update lead_likelihood set probability = 0.001 where lead_id = ?")
                .param(referral)
                .update();
        mvc.perform(post("/leads/" + referral + "/activities")
                .param("type", "call")
                .param("detail", "Asked for a demo")
                .with(user("sam").roles("SALES"))
                .with(csrf()));
        assertThat(stored(referral, first))
                .as("computed again when the lead was rescored")
                .isGreaterThan(0.5);

        // With the flagged field included the model waits; making it live needs the confirmation.
        long flagged = train("deal_segment");
        assertThat(live())
                .as("a model with a flagged field included does not go live by itself")
                .isEqualTo(first);
        String settings = mvc.perform(
                        get("/settings/likelihood").with(user("ada").roles("ADMIN")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(settings).contains("I confirm", "Make live");
        mvc.perform(post("/settings/likelihood/" + flagged + "/live")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attributeExists("error"));
        assertThat(live()).isEqualTo(first);
        mvc.perform(post("/settings/likelihood/" + flagged + "/live")
                        .param("confirm", "yes")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attributeExists("message"));
        assertThat(live()).isEqualTo(flagged);
        assertThat(mvc.perform(get("/settings/likelihood").with(user("ada").roles("ADMIN")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .as("the older version offers a rollback")
                .contains("Roll back to this");
        eventually(() -> assertThat(stored(referral, flagged))
                .as("a rescoring computes every lead's likelihood again")
                .isNotNull());

        // Rolling back: the older version is live again.
        mvc.perform(post("/settings/likelihood/" + first + "/live")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attributeExists("message"));
        assertThat(live()).isEqualTo(first);
        assertThat(mvc.perform(get("/settings/likelihood").with(user("ada").roles("ADMIN")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Model " + first + " (live)")
                .doesNotContain("Model " + flagged + " (live)");
    }

    @Test
    void the_fields_can_be_reviewed_before_any_training() throws Exception {
        ClosedLeads.insert(jdbc, 400);
        String page = mvc.perform(get("/settings/likelihood")
                        .param("review", "true")
                        .with(user("ada").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Checked just now on the leads with a known outcome", "deal_segment", "Leak?", "source");
    }

    @Test
    void a_field_an_import_brought_after_the_leads_became_mqls_is_flagged_before_training() throws Exception {
        ClosedLeads.insert(jdbc, 400);
        String key = "sales_rating_" + UUID.randomUUID().toString().substring(0, 6);
        // Resolved leads that became MQLs ten days ago; a CRM re-import yesterday brought a rating for them.
        List<Long> ids = jdbc.sql("select id from lead where stage in ('WON', 'LOST') order by id desc limit 60")
                .query(Long.class)
                .list();
        long job = jdbc.sql("""
                insert into import_job (kind, file_name, stored_file, requested_by, requested_at, dry_run, duplicate_policy, status,
                                        finished_at)
                values ('LEADS', 'crm-again.csv', '/nonexistent', 'mia', now() - interval '1 day', false, 'UPDATE', 'DONE',
                        now() - interval '1 day') returning id""").query(Long.class).single();
        for (long id : ids) {
            jdbc.sql("insert into stage_change (lead_id, from_stage, to_stage, actor, reason, changed_at) "
                            + "values (?, 'NEW', 'MQL', 'system', 'fixture', now() - interval '10 days')")
                    .param(id)
                    .update();
            jdbc.sql(
                            "insert into import_update (job_id, lead_id, before) select ?, id, to_jsonb(l) from lead l where id = ?")
                    .params(job, id)
                    .update();
            jdbc.sql("update lead set attributes = attributes || jsonb_build_object(?::text, 'high') where id = ?")
                    .params(key, id)
                    .update();
        }
        String page = mvc.perform(get("/settings/likelihood")
                        .param("review", "true")
                        .with(user("ada").roles("ADMIN")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(key, "filled in only after the lead became an MQL for 60 of the 60 resolved leads");
    }
}
