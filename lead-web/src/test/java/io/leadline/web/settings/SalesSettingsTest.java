package io.leadline.web.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import io.leadline.core.qualification.BantCriterion;
import io.leadline.core.qualification.BantPolicy;
import io.leadline.core.qualification.SalesRules;
import io.leadline.core.user.Role;
import io.leadline.web.TestLeads;
import io.leadline.web.security.UserAccounts;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class SalesSettingsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    SalesRules settings;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void restore() {
        settings.save(24, BantPolicy.standard(), "test", Instant.now());
    }

    @Test
    void an_admin_changes_the_bant_policy_and_promotion_follows_it() throws Exception {
        mvc.perform(post("/settings/sales")
                        .param("slaHours", "8")
                        .param("required", "BUDGET")
                        .param("minimumMet", "1")
                        .param("timelineMonths", "")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("message", "Saved the SLA and the BANT policy."));
        assertThat(settings.slaHours()).isEqualTo(8);
        assertThat(settings.bantPolicy()).isEqualTo(new BantPolicy(Set.of(BantCriterion.BUDGET), 1, null));

        accounts.createIfAbsent("rita", "rita-password-1", Role.SALES);
        long lead = TestLeads.capture(mvc, "Budget Only", "CEO", 3000, "paid_search");
        mvc.perform(post("/queue/{id}/claim", lead)
                .with(user("rita").roles("SALES"))
                .with(csrf()));
        mvc.perform(post("/leads/{id}/bant", lead)
                .param("budgetStatus", "MET")
                .param("budgetEvidence", "60k approved")
                .param("authorityStatus", "UNKNOWN")
                .param("needStatus", "UNKNOWN")
                .param("timelineStatus", "UNKNOWN")
                .with(user("rita").roles("SALES"))
                .with(csrf()));
        mvc.perform(post("/leads/{id}/promote", lead)
                        .with(user("rita").roles("SALES"))
                        .with(csrf()))
                .andExpect(flash().attribute("message", "Promoted Budget Only to SQL."));
        mvc.perform(get("/queue").with(user("rita").roles("SALES")))
                .andExpect(content().string(containsString("Waiting over 8 h")));
    }

    @Test
    void bad_settings_are_refused_with_a_reason() throws Exception {
        mvc.perform(post("/settings/sales")
                        .param("slaHours", "0")
                        .param("minimumMet", "0")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "The SLA is between 1 and 720 hours."));
        mvc.perform(post("/settings/sales")
                        .param("slaHours", "lots")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute(
                                "error",
                                "Enter the SLA hours, the minimum of criteria met and the months as whole numbers."));
        mvc.perform(post("/settings/sales")
                        .param("slaHours", "8")
                        .param("required", "BUDGET", "CHARISMA")
                        .param("timelineMonths", "soon")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute(
                                "error",
                                "Enter the SLA hours, the minimum of criteria met and the months as whole numbers."));
        assertThat(settings.slaHours()).as("nothing saved").isEqualTo(24);
    }

    @Test
    void a_refusal_of_the_domain_is_said_in_the_readers_language() throws Exception {
        mvc.perform(post("/settings/sales")
                        .param("slaHours", "0")
                        .header("Accept-Language", "pt-BR")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "O SLA fica entre 1 e 720 horas."));
        mvc.perform(post("/settings/sales")
                        .param("slaHours", "8")
                        .param("minimumMet", "5")
                        .header("Accept-Language", "pt-BR")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "O mínimo de critérios atendidos fica entre 0 e 4."));
    }

    @Test
    void an_admin_adds_and_retires_disqualification_reasons() throws Exception {
        mvc.perform(post("/settings/reasons")
                        .param("label", "Chose a competitor")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute("message", "Reps can now disqualify with \"Chose a competitor\"."));
        assertThat(settings.reasons()).anyMatch(r -> r.code().equals("chose_a_competitor"));

        mvc.perform(post("/settings/reasons/chose_a_competitor/retire")
                .with(user("ada").roles("ADMIN"))
                .with(csrf()));
        assertThat(settings.reasons()).noneMatch(r -> r.code().equals("chose_a_competitor"));
        assertThat(settings.allReasons()).anyMatch(r -> r.code().equals("chose_a_competitor"));
    }
}
