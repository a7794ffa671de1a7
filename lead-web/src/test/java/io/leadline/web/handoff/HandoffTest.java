package io.leadline.web.handoff;

import static io.leadline.testing.Eventually.eventually;
import static io.leadline.web.api.ApiClients.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.user.Role;
import io.leadline.web.TestLeads;
import io.leadline.web.api.ApiClients;
import io.leadline.web.api.ApiTokenRegistry;
import io.leadline.web.security.UserAccounts;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The hand-off page as an admin uses it (bad input answered next to its field), assignment rules applied to a lead
 * that becomes an MQL, and a demo request sent through the API putting its lead in the queue's hot lane.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HandoffTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokenRegistry tokens;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final String rep = "handoff-" + tag;

    @BeforeEach
    void aRep() {
        accounts.createIfAbsent(rep, "handoff-pass", Role.SALES);
        jdbc.sql("update app_user set capacity = 100 where username = ?")
                .param(rep)
                .update();
    }

    /** The settings are one row for every test in the run: back to the defaults. */
    @AfterEach
    void defaults() {
        jdbc.sql("delete from assignment_rule").update();
        jdbc.sql("delete from handoff_setting").update();
    }

    @Test
    void the_page_refuses_bad_input_next_to_the_field_and_stores_nothing() throws Exception {
        mvc.perform(get("/settings/handoff").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Hand-raising activities")));
        mvc.perform(post("/settings/handoff")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .param("handRaiserTypes", "demo_request")
                        .param("handRaiserDays", "0")
                        .param("order", "SCORE"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(Matchers.containsString(
                                "id=\"handRaiserDays-error\">A hand-raise counts for 1 to 90 days.")));
        mvc.perform(post("/settings/handoff")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .param("handRaiserTypes", "demo request!")
                        .param("handRaiserDays", "7")
                        .param("order", "SCORE"))
                .andExpect(status().isBadRequest())
                .andExpect(
                        content().string(Matchers.containsString("id=\"handRaiserTypes-error\">An activity type is")));
        assertThat(jdbc.sql("select count(*) from handoff_setting")
                        .query(Long.class)
                        .single())
                .isZero();
        mvc.perform(post("/settings/handoff/rules")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .param("kind", "COUNTRY")
                        .param("value", "BR")
                        .param("rep", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(Matchers.containsString("id=\"rep-error\">Choose the rep who gets the leads")));
        mvc.perform(post("/settings/handoff/rules")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .param("kind", "SCORE_AT_LEAST")
                        .param("value", "lots")
                        .param("rep", rep))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(Matchers.containsString("id=\"value-error\">A score band starts at a whole number")));
        assertThat(jdbc.sql("select count(*) from assignment_rule")
                        .query(Long.class)
                        .single())
                .isZero();

        mvc.perform(post("/settings/handoff")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .param("handRaiserTypes", "demo_request, Contact Sales")
                        .param("handRaiserDays", "3")
                        .param("order", "WAITING"))
                .andExpect(redirectedUrl("/settings/handoff"));
        mvc.perform(get("/settings/handoff").with(user("admin").roles("ADMIN")))
                .andExpect(content().string(Matchers.containsString("value=\"contact_sales, demo_request\"")));
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where action = 'SETTINGS_CHANGED' and target = 'hand-off' "
                                        + "and detail like '%within 3 days; then longest waiting first%'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void the_sla_can_count_working_hours_only_and_bad_hours_are_refused_next_to_their_field() throws Exception {
        var admin = user("admin").roles("ADMIN");
        mvc.perform(post("/settings/handoff")
                        .with(admin)
                        .with(csrf())
                        .param("handRaiserTypes", "demo_request")
                        .param("handRaiserDays", "7")
                        .param("order", "SCORE")
                        .param("workingHoursOnly", "true")
                        .param("workZone", "Mars/Olympus")
                        .param("workDays", "MONDAY")
                        .param("workStart", "09:00")
                        .param("workEnd", "17:00"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("is no time zone Leadline knows")));
        mvc.perform(post("/settings/handoff")
                        .with(admin)
                        .with(csrf())
                        .header("Accept-Language", "pt-BR")
                        .param("handRaiserTypes", "demo_request")
                        .param("handRaiserDays", "7")
                        .param("order", "SCORE")
                        .param("workingHoursOnly", "true")
                        .param("workZone", "Mars/Olympus")
                        .param("workDays", "MONDAY")
                        .param("workStart", "09:00")
                        .param("workEnd", "17:00"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("não é um fuso horário que o Leadline conheça")));
        mvc.perform(post("/settings/handoff")
                        .with(admin)
                        .with(csrf())
                        .param("handRaiserTypes", "demo_request")
                        .param("handRaiserDays", "7")
                        .param("order", "SCORE")
                        .param("workingHoursOnly", "true")
                        .param("workZone", "America/Sao_Paulo")
                        .param("workDays", "MONDAY")
                        .param("workStart", "17:00")
                        .param("workEnd", "09:00"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("The working day ends after it starts")));
        mvc.perform(post("/settings/handoff")
                        .with(admin)
                        .with(csrf())
                        .param("handRaiserTypes", "demo_request")
                        .param("handRaiserDays", "7")
                        .param("order", "SCORE")
                        .param("slaWarningMinutes", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Warn 1 minute to 720 hours before.")));
        assertThat(jdbc.sql("select count(*) from handoff_setting")
                        .query(Long.class)
                        .single())
                .isZero();

        mvc.perform(post("/settings/handoff")
                        .with(admin)
                        .with(csrf())
                        .param("handRaiserTypes", "demo_request")
                        .param("handRaiserDays", "7")
                        .param("order", "SCORE")
                        .param("workingHoursOnly", "true")
                        .param("workZone", "America/Sao_Paulo")
                        .param("workDays", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")
                        .param("workStart", "09:00")
                        .param("workEnd", "18:00")
                        .param("slaWarningMinutes", "120"))
                .andExpect(redirectedUrl("/settings/handoff"));
        mvc.perform(get("/settings/handoff").with(admin))
                .andExpect(content().string(Matchers.containsString("value=\"America/Sao_Paulo\"")))
                .andExpect(content().string(Matchers.containsString("value=\"18:00\"")));
        assertThat(jdbc.sql(
                                "select work_zone || ' ' || array_to_string(work_days, ',') || ' ' || work_start || '-' || work_end "
                                        + "from handoff_setting")
                        .query(String.class)
                        .single())
                .isEqualTo("America/Sao_Paulo MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY 09:00:00-18:00:00");
        assertThat(jdbc.sql("select sla_warn_minutes from handoff_setting")
                        .query(Integer.class)
                        .single())
                .isEqualTo(120);
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where target = 'hand-off' and detail like '%working hours Mon, Tue, Wed, Thu, Fri 09:00–18:00 America/Sao_Paulo%'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void a_lead_that_becomes_an_mql_goes_to_the_rep_its_rule_names_and_the_audit_says_which_rule() throws Exception {
        String source = "handoff_" + tag;
        mvc.perform(post("/settings/handoff/rules")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .param("kind", "ACCOUNT_OWNER"))
                .andExpect(redirectedUrl("/settings/handoff"));
        mvc.perform(post("/settings/handoff/rules")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .param("kind", "SOURCE")
                        .param("value", source)
                        .param("rep", rep))
                .andExpect(redirectedUrl("/settings/handoff"));
        mvc.perform(post("/settings/handoff/rules/2/up")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/handoff"));
        assertThat(jdbc.sql("select kind from assignment_rule order by position")
                        .query(String.class)
                        .list())
                .containsExactly("SOURCE", "ACCOUNT_OWNER");

        long id = TestLeads.capture(mvc, "Rule Lead " + tag, "CEO", 3000, source);

        eventually(() -> assertThat(owner(id)).isEqualTo(rep));
        assertThat(jdbc.sql("select detail from audit_event where action = 'LEAD_ASSIGNED' and target = ?")
                        .param("lead " + id)
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .contains("rule 1: Source is " + source + " → " + rep);
    }

    @Test
    void a_demo_request_sent_through_the_api_puts_its_lead_at_the_top_of_the_queue_with_a_badge() throws Exception {
        long id = TestLeads.capture(mvc, "Hand Raiser " + tag, "CEO", 3000, "webinar");
        String token = ApiClients.token(tokens, Role.MARKETER);
        mvc.perform(post("/api/activities")
                        .with(bearer(token))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\": [{\"leadId\": %d, \"type\": \"demo_request\"}]}".formatted(id)))
                .andDo(r -> assertThat(r.getResponse().getStatus())
                        .as(r.getResponse().getContentAsString())
                        .isEqualTo(200));

        String page = mvc.perform(get("/queue").with(user("rita").roles("SALES")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String lane = page.substring(
                page.indexOf("class=\"hot-lane\""), page.indexOf("</tbody>", page.indexOf("class=\"hot-lane\"")));
        assertThat(lane).contains("Hand Raiser " + tag).contains("Hot · ");
        // The lane holds the most recent hand-raisers first: this one is at its top.
        assertThat(lane.indexOf("/leads/" + id + "\"")).isEqualTo(lane.indexOf("/leads/"));

        // "Claim and open next" takes the newest hand-raiser first.
        mvc.perform(post("/queue/next").with(user(rep).roles("SALES")).with(csrf()))
                .andExpect(redirectedUrl("/leads/" + id));
        assertThat(owner(id)).isEqualTo(rep);
    }

    private String owner(long id) {
        return jdbc.sql("select owner from lead where id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
