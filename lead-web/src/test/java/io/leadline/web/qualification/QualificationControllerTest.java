package io.leadline.web.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.user.Role;
import io.leadline.web.TestLeads;
import io.leadline.web.security.UserAccounts;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class QualificationControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    private long lead;

    @BeforeEach
    void claimedByRita() throws Exception {
        accounts.createIfAbsent("rita", "rita-password-1", Role.SALES);
        accounts.createIfAbsent("sam", "sam-password-12", Role.SALES);
        lead = TestLeads.capture(mvc, "Bant Lead", "CTO", 2500, "paid_search");
        mvc.perform(as("rita", post("/queue/{id}/claim", lead))).andExpect(status().is3xxRedirection());
    }

    private static MockHttpServletRequestBuilder as(String rep, MockHttpServletRequestBuilder request) {
        return request.with(user(rep).roles("SALES")).with(csrf());
    }

    private MockHttpServletRequestBuilder bant(String rep, String needStatus, String needEvidence) {
        return as(rep, post("/leads/{id}/bant", lead))
                .param("budgetStatus", "UNKNOWN")
                .param("budgetEvidence", "")
                .param("authorityStatus", "MET")
                .param("authorityEvidence", "She signs contracts up to 100k")
                .param("needStatus", needStatus)
                .param("needEvidence", needEvidence)
                .param("timelineStatus", "MET")
                .param("timelineEvidence", "Go-live before Q2")
                .param("timelineMonths", "3");
    }

    private String stage() {
        return jdbc.sql("select stage from lead where id = ?")
                .param(lead)
                .query(String.class)
                .single();
    }

    @Test
    void a_rep_fills_bant_and_promotes_the_lead_to_sql() throws Exception {
        mvc.perform(bant("rita", "MET", "Spreadsheets break at 5k leads"))
                .andExpect(redirectedUrl("/leads/" + lead))
                .andExpect(flash().attribute("message", "BANT saved."));
        assertThat(jdbc.sql("select count(*) from bant_answer where lead_id = ? and answered_by = 'rita'")
                        .param(lead)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);

        mvc.perform(as("rita", post("/leads/{id}/promote", lead)))
                .andExpect(flash().attribute("message", "Promoted Bant Lead to SQL."));

        assertThat(stage()).isEqualTo("SQL");
        assertThat(jdbc.sql("select stage from lead_score where lead_id = ?")
                        .param(lead)
                        .query(String.class)
                        .single())
                .isEqualTo("SQL");
        assertThat(jdbc.sql("select actor || ': ' || reason from stage_change where lead_id = ? and to_stage = 'SQL'")
                        .param(lead)
                        .query(String.class)
                        .single())
                .isEqualTo("rita: BANT qualified");
    }

    @Test
    void promotion_without_bant_says_which_criteria_are_missing() throws Exception {
        mvc.perform(as("rita", post("/leads/{id}/promote", lead)))
                .andExpect(flash().attribute(
                                "error",
                                "Not ready for SQL: Authority must be met; Need must be met; "
                                        + "Timeline must be met with a decision date."));
        assertThat(stage()).isEqualTo("ACCEPTED");
    }

    @Test
    void a_criterion_marked_met_without_evidence_gets_a_message_next_to_it_and_the_others_are_saved() throws Exception {
        mvc.perform(bant("rita", "MET", " "))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("Need marked Met needs evidence: say what you learned and from whom.")))
                .andExpect(content().string(containsString("id=\"need-error\"")))
                .andExpect(content()
                        .string(containsString(
                                "Saved: Budget, Authority, Timeline. Please correct the criteria marked below.")));
        // Budget was unknown and stays so (nothing to store); authority and timeline are kept; need waits.
        assertThat(jdbc.sql("select criterion from bant_answer where lead_id = ? order by criterion")
                        .param(lead)
                        .query(String.class)
                        .list())
                .containsExactly("AUTHORITY", "TIMELINE");
    }

    @Test
    void a_rep_reading_portuguese_is_told_in_portuguese_which_criterion_needs_evidence() throws Exception {
        mvc.perform(bant("rita", "MET", " ").header("Accept-Language", "pt-BR"))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "Necessidade com status Atendido precisa de evidência: diga o que você soube e de quem.")));
    }

    @Test
    void a_status_that_is_no_choice_and_months_that_are_no_number_are_marked_and_the_rest_is_saved() throws Exception {
        mvc.perform(as("rita", post("/leads/{id}/bant", lead))
                        .param("budgetStatus", "UNKNOWN")
                        .param("authorityStatus", "MET")
                        .param("authorityEvidence", "She signs contracts up to 100k")
                        .param("needStatus", "MAYBE")
                        .param("needEvidence", "They said so")
                        .param("timelineStatus", "MET")
                        .param("timelineEvidence", "Go-live before Q2")
                        .param("timelineMonths", "soon"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose a status.")))
                .andExpect(content().string(containsString("Enter the months to decision as a whole number.")))
                .andExpect(content().string(containsString("value=\"soon\"")))
                .andExpect(content()
                        .string(containsString("Saved: Budget, Authority. Please correct the criteria marked below.")));
        assertThat(jdbc.sql("select criterion from bant_answer where lead_id = ? order by criterion")
                        .param(lead)
                        .query(String.class)
                        .list())
                .containsExactly("AUTHORITY");
    }

    @Test
    void a_rep_disqualifies_with_a_reason_that_is_counted() throws Exception {
        mvc.perform(as("rita", post("/leads/{id}/disqualify", lead))
                        .param("reason", "no_budget")
                        .param("note", "frozen"))
                .andExpect(flash().attribute("message", "Disqualified Bant Lead."));

        assertThat(stage()).isEqualTo("DISQUALIFIED");
        assertThat(jdbc.sql(
                                "select reason_code || ' / ' || reason from stage_change where lead_id = ? and to_stage = 'DISQUALIFIED'")
                        .param(lead)
                        .query(String.class)
                        .single())
                .isEqualTo("no_budget / No budget: frozen");
    }

    @Test
    void the_reason_other_needs_a_note() throws Exception {
        mvc.perform(as("rita", post("/leads/{id}/disqualify", lead)).param("reason", "other"))
                .andExpect(flash().attribute("error", "Disqualifying as \"Other\" needs a note saying why."));
        assertThat(stage()).isEqualTo("ACCEPTED");
    }

    @Test
    void a_rep_recycles_to_nurture_with_a_revisit_date_and_the_lead_leaves_the_queue() throws Exception {
        LocalDate revisit = LocalDate.now().plusMonths(3);
        mvc.perform(as("rita", post("/leads/{id}/recycle", lead))
                        .param("revisitOn", revisit.toString())
                        .param("note", "next budget year"))
                .andExpect(flash().attribute(
                                "message",
                                "Recycled Bant Lead to nurture until "
                                        + DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                                                .withLocale(Locale.ENGLISH)
                                                .format(revisit)
                                        + "."));

        var row = jdbc.sql("select stage, owner, revisit_on from lead where id = ?")
                .param(lead)
                .query()
                .singleRow();
        assertThat(row.get("stage")).isEqualTo("RECYCLED");
        assertThat(row.get("owner")).isNull();
        assertThat(row.get("revisit_on").toString()).isEqualTo(revisit.toString());
        assertThat(jdbc.sql("select count(*) from lead_score where lead_id = ? and stage in ('MQL','ACCEPTED','SQL')")
                        .param(lead)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_recycle_without_a_date_is_refused() throws Exception {
        mvc.perform(as("rita", post("/leads/{id}/recycle", lead)))
                .andExpect(flash().attribute("error", "Choose the date to revisit the lead."));
    }

    @Test
    void another_rep_cannot_act_on_ritas_lead_but_an_admin_can() throws Exception {
        mvc.perform(as("sam", post("/leads/{id}/disqualify", lead)).param("reason", "no_need"))
                .andExpect(flash().attribute("error", "This lead is already claimed by rita."));
        assertThat(stage()).isEqualTo("ACCEPTED");

        mvc.perform(post("/leads/{id}/disqualify", lead)
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf())
                        .param("reason", "duplicate"))
                .andExpect(flash().attribute("message", "Disqualified Bant Lead."));
        assertThat(stage()).isEqualTo("DISQUALIFIED");
    }

    @Test
    void a_marketer_cannot_qualify_or_disqualify() throws Exception {
        for (String action : new String[] {"bant", "promote", "disqualify", "recycle", "outcome"}) {
            mvc.perform(post("/leads/{id}/" + action, lead)
                            .with(user("mia").roles("MARKETER"))
                            .with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(stage()).isEqualTo("ACCEPTED");
    }

    @Test
    void outcomes_follow_the_sql_to_won() throws Exception {
        mvc.perform(bant("rita", "MET", "Needs routing"));
        mvc.perform(as("rita", post("/leads/{id}/promote", lead)));

        mvc.perform(as("rita", post("/leads/{id}/outcome", lead)).param("outcome", "WON"))
                .andExpect(flash().attribute(
                                "error",
                                "A lead cannot move from Sales qualified to Won; from Sales qualified it can move to "
                                        + "Opportunity, Lost, Disqualified, Recycled to nurture."));
        mvc.perform(as("rita", post("/leads/{id}/outcome", lead))
                        .param("outcome", "WON")
                        .header("Accept-Language", "pt-BR"))
                .andExpect(
                        flash().attribute(
                                        "error",
                                        "Um lead não pode passar de Qualificado por vendas para Ganho; de Qualificado por vendas"
                                                + " ele pode passar para Oportunidade, Perdido, Desqualificado, Devolvido para nutrição."));
        mvc.perform(as("rita", post("/leads/{id}/outcome", lead)).param("outcome", "OPPORTUNITY"))
                .andExpect(flash().attribute("message", "Recorded: Opportunity."));
        mvc.perform(as("rita", post("/leads/{id}/outcome", lead))
                        .param("outcome", "WON")
                        .param("note", "Signed 2-year plan"))
                .andExpect(flash().attribute("message", "Recorded: Won."));
        assertThat(stage()).isEqualTo("WON");
    }
}
