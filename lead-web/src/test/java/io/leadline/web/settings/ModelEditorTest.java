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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.Leads;
import io.leadline.core.scoring.Decay;
import io.leadline.core.scoring.FitRule;
import io.leadline.core.scoring.ScoringModel;
import io.leadline.persistence.scoring.JdbcScoringModels;
import io.leadline.persistence.scoring.RescoreJobs;
import io.leadline.web.TestLeads;
import io.leadline.web.capture.LeadCapture;
import io.leadline.web.prediction.ClosedLeads;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

@SpringBootTest
@AutoConfigureMockMvc
class ModelEditorTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcScoringModels models;

    @Autowired
    RescoreJobs rescores;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadCapture capture;

    @Autowired
    Leads leads;

    /** The editor form for the live model, with the pricing-page weight changed. */
    private MockHttpServletRequestBuilder draft(String path, int pricingPoints, String... overrides) {
        ScoringModel live = models.active();
        Map<String, String> form = new LinkedHashMap<>(ModelDrafts.formOf(live));
        for (int i = 0; i < live.engagementRules().size(); i++) {
            if (live.engagementRules().get(i).type().key().equals("pricing_page_visit")) {
                form.put("eng_" + i, Integer.toString(pricingPoints));
                form.put("engcap_" + i, "");
            }
        }
        form.put("note", "pricing visits matter more");
        for (int i = 0; i < overrides.length; i += 2) {
            form.put(overrides[i], overrides[i + 1]);
        }
        var request = post(path).with(user("ada").roles("ADMIN")).with(csrf());
        form.forEach(request::param);
        return request;
    }

    private void waitForRescoring() throws Exception {
        until(
                Duration.ofSeconds(30),
                "the rescoring",
                rescores::latest,
                job -> !job.map(RescoreJobs.RescoreJob::running).orElse(false));
    }

    /** The starter model made live, and the index of its fit rule of that name. */
    private int starterFitRule(String name) {
        models.active();
        models.activate(1);
        List<String> names =
                models.active().fitRules().stream().map(FitRule::name).toList();
        assertThat(names).contains(name);
        return names.indexOf(name);
    }

    private int score(long lead) {
        return jdbc.sql("select score from lead_score where lead_id = ?")
                .param(lead)
                .query(Integer.class)
                .single();
    }

    @Test
    void an_admin_raises_a_weight_previews_it_activates_it_and_rolls_back() throws Exception {
        models.active();
        models.activate(1); // the starter model, whatever another test left live
        long lead = TestLeads.capture(mvc, "Pricing Fan", "Analyst", 20, "email");
        long quiet = TestLeads.capture(mvc, "Never Visited Pricing", "Analyst", 20, "email");
        jdbc.sql(
                        "insert into activity (lead_id, type, occurred_at) values (?, 'pricing_page_visit', now() - interval '1 hour'),"
                                + " (?, 'pricing_page_visit', now() - interval '2 hours')")
                .params(lead, lead)
                .update();
        mvc.perform(post("/settings/rescore").with(user("ada").roles("ADMIN")).with(csrf()));
        waitForRescoring();
        int before = score(lead); // 5 fit + 2 × 10 pricing = 25: not an MQL
        assertThat(before).isEqualTo(25);
        int liveVersion = models.active().version();

        mvc.perform(draft("/settings/model/preview", 20))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Pricing-page visits: 10 → 20 points each")))
                .andExpect(content().string(containsString("Would become MQLs (")))
                .andExpect(content().string(containsString("href=\"/leads/" + lead + "\"")));
        assertThat(score(lead)).as("a preview changes no stored score").isEqualTo(before);
        assertThat(models.active().version()).isEqualTo(liveVersion);

        int next = models.nextVersion();
        mvc.perform(draft("/settings/model/activate", 20))
                .andExpect(flash().attribute(
                                "message",
                                "Model version " + next + " is live; the leads it can move are being rescored."));
        waitForRescoring();
        assertThat(models.active().version()).isEqualTo(next);
        assertThat(score(lead)).isEqualTo(45);
        // Only the leads with a pricing-page visit were read; a lead without one kept its score row as it was.
        var job = rescores.latest().orElseThrow();
        assertThat(job.scope()).isEqualTo("leads with pricing_page_visit activities");
        assertThat(job.leadsDone())
                .isEqualTo(jdbc.sql("select count(distinct lead_id) from activity where type = 'pricing_page_visit'")
                        .query(Long.class)
                        .single());
        assertThat(job.mqlsIn()).isPositive();
        assertThat(jdbc.sql("select model_version from lead_score where lead_id = ?")
                        .param(quiet)
                        .query(Integer.class)
                        .single())
                .isEqualTo(liveVersion);
        mvc.perform(get("/settings").with(user("ada").roles("ADMIN")))
                .andExpect(content()
                        .string(containsString("Last rescoring for model version " + next + ": " + job.leadsDone()
                                + " leads read (leads with pricing_page_visit activities), ")));
        assertThat(jdbc.sql("select stage from lead where id = ?")
                        .param(lead)
                        .query(String.class)
                        .single())
                .isEqualTo("MQL");
        mvc.perform(get("/settings").with(user("ada").roles("ADMIN")))
                .andExpect(content().string(containsString(" → 20 points each")))
                .andExpect(content().string(containsString("pricing visits matter more")));

        mvc.perform(post("/settings/model/{v}/activate", liveVersion)
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute(
                                "message",
                                "Model version " + liveVersion
                                        + " is live; the leads it can move are being rescored."));
        waitForRescoring();
        assertThat(score(lead)).isEqualTo(25);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'MODEL_ACTIVATED'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_fit_weight_reads_only_the_leads_meeting_its_condition_and_a_rename_reads_nobody() throws Exception {
        int midMarket = starterFitRule("Mid-market company");
        long mid = TestLeads.capture(mvc, "Mid Market", "Analyst", 500, "email");
        long big = TestLeads.capture(mvc, "Big Company", "Analyst", 5000, "email");
        mvc.perform(post("/settings/rescore").with(user("ada").roles("ADMIN")).with(csrf()));
        waitForRescoring();
        int base = models.active().version();
        int midScore = score(mid);
        // The pricing rule as it is (the draft helper's only change to it would be its cap).
        String pricingCap = "engcap_"
                + models.active().engagementRules().stream()
                        .map(r -> r.type().key())
                        .toList()
                        .indexOf("pricing_page_visit");

        mvc.perform(draft("/settings/model/activate", 10, "fit_" + midMarket, "20", pricingCap, "30"));
        waitForRescoring();
        var job = rescores.latest().orElseThrow();
        assertThat(job.done()).isTrue();
        assertThat(job.scope()).isEqualTo("leads meeting 1 changed fit condition");
        assertThat(job.leadsDone())
                .isEqualTo(jdbc.sql("select count(*) from lead where company_size between 100 and 999")
                        .query(Long.class)
                        .single());
        assertThat(score(mid)).isEqualTo(midScore + 5);
        assertThat(jdbc.sql("select model_version from lead_score where lead_id = ?")
                        .param(big)
                        .query(Integer.class)
                        .single())
                .as("a lead the change cannot move is not rewritten")
                .isEqualTo(base);

        mvc.perform(draft(
                "/settings/model/activate",
                10,
                "fit_" + midMarket,
                "20",
                pricingCap,
                "30",
                "fitname_" + midMarket,
                "Mid-sized company"));
        waitForRescoring();
        var renamed = rescores.latest().orElseThrow();
        assertThat(renamed.id()).isGreaterThan(job.id());
        assertThat(renamed.scope()).isEqualTo("no lead: the change moves no score");
        assertThat(renamed.leadsDone()).isZero();
        models.activate(1);
    }

    @Test
    void a_field_that_cannot_be_read_is_marked_and_nothing_is_saved() throws Exception {
        int versions = models.versions().size();
        mvc.perform(draft("/settings/model/preview", 10, "mqlThreshold", "lots", "gradeB", "90"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter a whole number.")))
                .andExpect(content().string(containsString("Grade bands must fall from A to C")));
        mvc.perform(draft("/settings/model/activate", 10, "fitCap", "-5"))
                .andExpect(flash().attribute(
                                "error",
                                "The draft could not be read: A cap cannot be negative; leave it empty for none."));
        assertThat(models.versions()).hasSize(versions);
    }

    @Test
    void competitor_domains_listed_in_the_editor_disqualify_on_activation() throws Exception {
        models.active();
        models.activate(1);
        ScoringModel live = models.active();
        int competitor = -1;
        for (int i = 0; i < live.disqualifyingRules().size(); i++) {
            if (live.disqualifyingRules().get(i).name().equals("Competitor")) {
                competitor = i;
            }
        }
        assertThat(competitor).isNotNegative();
        // A domain of its own, so no other test's leads are caught.
        String rivalDomain = "rival-" + UUID.randomUUID().toString().substring(0, 8) + ".com";
        long rival = capture.capture(new LeadProfile(
                        "Rival Spy",
                        new EmailAddress("spy@" + rivalDomain),
                        "Rival",
                        "CEO",
                        5000,
                        "BR",
                        "paid_search",
                        Map.of()))
                .id();

        mvc.perform(draft("/settings/model/preview", 10, "dqdomains_" + competitor, "not a domain!"))
                .andExpect(content().string(containsString("is not a domain name like rival.com.")));
        mvc.perform(draft(
                        "/settings/model/preview", 10, "dqdomains_" + competitor, "@" + rivalDomain + ", othercrm.io"))
                .andExpect(content().string(containsString("Competitor domains: none → othercrm.io, " + rivalDomain)));

        mvc.perform(draft("/settings/model/activate", 10, "dqdomains_" + competitor, rivalDomain));
        waitForRescoring();
        assertThat(jdbc.sql("select stage from lead where id = ?")
                        .param(rival)
                        .query(String.class)
                        .single())
                .isEqualTo("DISQUALIFIED");
        assertThat(jdbc.sql("select reason_code from stage_change where lead_id = ? and to_stage = 'DISQUALIFIED'")
                        .param(rival)
                        .query(String.class)
                        .single())
                .isEqualTo("competitor");
        models.activate(1);
    }

    @Test
    void an_engagement_rule_can_count_only_pages_matching_a_pattern() throws Exception {
        mvc.perform(draft(
                        "/settings/model/preview",
                        10,
                        "neweng_name",
                        "Docs readers",
                        "neweng_type",
                        "web_visit",
                        "neweng_points",
                        "7",
                        "neweng_pages",
                        "/docs/ *"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("a page pattern is one path")));
        mvc.perform(draft(
                "/settings/model/activate",
                10,
                "neweng_name",
                "Docs readers",
                "neweng_type",
                "web_visit",
                "neweng_points",
                "7",
                "neweng_days",
                "30",
                "neweng_pages",
                "/docs/*"));
        waitForRescoring();
        try {
            assertThat(models.active().engagementRules())
                    .filteredOn(r -> r.name().equals("Docs readers"))
                    .singleElement()
                    .satisfies(r -> assertThat(r.pages()).isEqualTo("/docs/*"))
                    .satisfies(r -> assertThat(r.withinDays()).isEqualTo(30));
            mvc.perform(get("/settings/model").with(user("admin").roles("ADMIN")))
                    .andExpect(content().string(containsString("pages matching /docs/*, the last 30 days")));
        } finally {
            models.activate(1);
        }
    }

    @Test
    void rules_are_added_and_removed_and_overlapping_ranges_refused() throws Exception {
        int small = starterFitRule("Small business");
        mvc.perform(draft(
                        "/settings/model/preview",
                        10,
                        "newfit_name",
                        "Health industry",
                        "newfit_type",
                        "ONE_OF",
                        "newfit_field",
                        "industry",
                        "newfit_values",
                        "health, pharma",
                        "newfit_points",
                        "15",
                        "fitremove_" + small,
                        "on",
                        "neweng_name",
                        "Trade-show visits",
                        "neweng_type",
                        "trade_show",
                        "neweng_points",
                        "20",
                        "neweng_cap",
                        "40"))
                .andExpect(content().string(containsString("new fit rule Health industry (15 points)")))
                .andExpect(content().string(containsString("fit rule Small business removed")))
                .andExpect(content().string(containsString("new engagement rule Trade-show visits (20 points each)")));

        mvc.perform(draft(
                        "/settings/model/preview",
                        10,
                        "newfit_name",
                        "Big",
                        "newfit_type",
                        "RANGE",
                        "newfit_field",
                        "company_size",
                        "newfit_values",
                        "500-2000",
                        "newfit_points",
                        "5"))
                .andExpect(content().string(containsString("on company_size overlap.")));
        // In the second new-rule row, the message shows there (the row that overlaps), not in the first.
        var second = mvc.perform(draft(
                        "/settings/model/preview",
                        10,
                        "newfit_name_1",
                        "Big",
                        "newfit_type_1",
                        "RANGE",
                        "newfit_field_1",
                        "company_size",
                        "newfit_values_1",
                        "500-2000",
                        "newfit_points_1",
                        "5"))
                .andReturn()
                .getModelAndView()
                .getModel()
                .get("errors");
        @SuppressWarnings("unchecked")
        var errors = (Map<String, String>) second;
        assertThat(errors).containsKey("newfit_values_1").doesNotContainKey("newfit_values");
        mvc.perform(draft(
                        "/settings/model/preview",
                        10,
                        "newfit_name",
                        "Odd",
                        "newfit_type",
                        "RANGE",
                        "newfit_field",
                        "company_size",
                        "newfit_values",
                        "lots",
                        "newfit_points",
                        "5"))
                .andExpect(content().string(containsString("The new rule: write the range as 100-999, 1000- or -99.")));
    }

    @Test
    void a_rule_on_a_custom_column_matches_whatever_the_spelling_of_its_header_and_sources_fold() throws Exception {
        models.active();
        models.activate(1);
        String email = "quality-" + UUID.randomUUID() + "@acme.com";
        // As an import of a file headed "Lead Quality" and a CRM's "Organic Search" stores them.
        var profile = new LeadProfile(
                "Quality Lead",
                new EmailAddress(email),
                "Acme",
                null,
                null,
                null,
                "Organic Search",
                Map.of("Lead Quality", "High", "Budget", "N/A"));
        long lead = leads.save(Lead.capture(profile, Instant.now())).id();

        mvc.perform(draft(
                        "/settings/model/activate",
                        10,
                        "newfit_name",
                        "High quality",
                        "newfit_type",
                        "ONE_OF",
                        "newfit_field",
                        "LEAD QUALITY",
                        "newfit_values",
                        "high",
                        "newfit_points",
                        "15"))
                .andExpect(status().is3xxRedirection());
        waitForRescoring();
        mvc.perform(draft(
                        "/settings/model/activate",
                        10,
                        "newfit_name",
                        "No budget",
                        "newfit_type",
                        "MISSING",
                        "newfit_field",
                        "budget",
                        "newfit_points",
                        "-3"))
                .andExpect(status().is3xxRedirection());
        waitForRescoring();

        // 10 for the high-intent source (organic_search), 15 for the custom column, -3 as N/A is unknown.
        assertThat(score(lead)).isEqualTo(22);
        assertThat(jdbc.sql("select source from lead where id = ?")
                        .param(lead)
                        .query(String.class)
                        .single())
                .isEqualTo("organic_search");
        models.activate(1);
    }

    @Test
    void every_rule_shows_its_condition_and_one_draft_edits_conditions_and_adds_several_rules() throws Exception {
        int source = starterFitRule("High-intent source");
        mvc.perform(get("/settings/model").with(user("ada").roles("ADMIN")))
                .andExpect(content().string(containsString("source is one of organic_search, paid_search, referral")))
                .andExpect(content().string(containsString("job title contains ceo, cto, cfo")));

        mvc.perform(draft(
                        "/settings/model/preview",
                        10,
                        "fitvalues_" + source,
                        "Organic Search, Google Ads",
                        "fitname_" + source,
                        "Search traffic",
                        "newfit_name",
                        "Health industry",
                        "newfit_type",
                        "ONE_OF",
                        "newfit_field",
                        "Industry",
                        "newfit_values",
                        "health",
                        "newfit_points",
                        "15",
                        "newfit_name_1",
                        "Typo rule",
                        "newfit_type_1",
                        "ONE_OF",
                        "newfit_field_1",
                        "industri",
                        "newfit_values_1",
                        "health",
                        "newfit_points_1",
                        "5"))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "new fit rule Search traffic (10 points): source is one of google_ads, organic_search")))
                .andExpect(content()
                        .string(containsString("new fit rule Health industry (15 points): industry is one of health")))
                .andExpect(content().string(containsString("new fit rule Typo rule (5 points)")))
                .andExpect(content().string(containsString("(industri is one of health) matches none of the")));

        mvc.perform(draft("/settings/model/preview", 10, "fitvalues_" + source, "", "fitkind_" + source, "RANGE"))
                .andExpect(content().string(containsString("write the range as 100-999, 1000- or -99.")));
        models.activate(1);
    }

    @Test
    void rules_suggested_from_outcomes_open_as_a_draft_that_is_not_live_and_leave_the_leak_out() throws Exception {
        models.active();
        models.activate(1);
        ClosedLeads.insert(jdbc, 400);
        int next = models.nextVersion();

        mvc.perform(post("/settings/model/suggest")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(MockMvcResultMatchers.redirectedUrl("/settings/model?from=" + next));
        assertThat(models.active().version()).isEqualTo(1);
        var suggested = models.find(next).orElseThrow();
        assertThat(suggested.active()).isFalse();
        assertThat(suggested.note()).containsPattern("left out as likely leaks: .*deal_segment");
        assertThat(suggested.model().fitRules())
                .anyMatch(r -> r.name().equals("Source is referral") && r.points() > 0)
                .noneMatch(r -> r.when().field().equals("deal_segment"));

        mvc.perform(get("/settings/model")
                        .param("from", Integer.toString(next))
                        .with(user("ada").roles("ADMIN")))
                .andExpect(content().string(containsString("Editing draft version " + next + " (live: version 1)")))
                .andExpect(content()
                        .string(containsString("<input type=\"hidden\" name=\"base\" value=\"" + next + "\">")));
        models.activate(1);
    }

    @Test
    void stepped_decay_is_written_in_the_editor_stored_with_the_version_and_refused_beside_a_half_life()
            throws Exception {
        int next = models.nextVersion();
        mvc.perform(draft("/settings/model/preview", 10, "halfLife", "30", "decaySteps", "30:50"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose a half-life or steps, not both")));
        mvc.perform(draft("/settings/model/preview", 10, "halfLife", "", "decaySteps", "thirty"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("days:percent kept")));
        mvc.perform(draft("/settings/model/draft", 10, "halfLife", "", "decaySteps", "90:0, 30:50"))
                .andExpect(flash().attribute("message", "Saved as draft version " + next + "; it is not live yet."));

        var saved = models.find(next).orElseThrow().model();
        assertThat(saved.decay()).isEqualTo(Decay.Stepped.parse("30:50, 90:0"));
        assertThat(ModelDrafts.formOf(saved))
                .containsEntry("decaySteps", "30:50, 90:0")
                .containsEntry("halfLife", "");
        assertThat(jdbc.sql("select decay_steps from scoring_model where version = ?")
                        .param(next)
                        .query(String.class)
                        .single())
                .isEqualTo("30:50, 90:0");
    }

    @Test
    void a_draft_is_stored_without_going_live() throws Exception {
        int live = models.active().version();
        int next = models.nextVersion();
        mvc.perform(draft("/settings/model/draft", 15))
                .andExpect(flash().attribute("message", "Saved as draft version " + next + "; it is not live yet."));
        assertThat(models.active().version()).isEqualTo(live);
        assertThat(models.versions().getFirst().active()).isFalse();
    }

    @Test
    void only_admins_edit_the_model() throws Exception {
        mvc.perform(get("/settings/model").with(user("mia").roles("MARKETER"))).andExpect(status().isForbidden());
        mvc.perform(get("/settings/model").with(user("ada").roles("ADMIN")))
                .andExpect(content().string(containsString("Executive title")));
    }
}
