package io.leadline.web.bulk;

import static io.leadline.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.user.Role;
import io.leadline.web.TestLeads;
import io.leadline.web.security.UserAccounts;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Bulk actions from the lead list: ticked leads or every lead matching the filters, moved one by one through the same
 * service as a single action (so the audit trail and the rules apply), with the refusals counted and explained.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BulkActionsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts users;

    private final String tag = "Bulk" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void reps() {
        users.createIfAbsent("rita", "rita-password-1", Role.SALES);
        users.createIfAbsent("sam", "sam-password-12", Role.SALES);
    }

    private String stage(long lead) {
        return jdbc.sql("select stage from lead where id = ?")
                .param(lead)
                .query(String.class)
                .single();
    }

    private long jobOf(String location) {
        return Long.parseLong(location.substring("/leads/bulk/".length()));
    }

    private String jobStatus(long job) {
        return jdbc.sql("select status from bulk_action where id = ?")
                .param(job)
                .query(String.class)
                .single();
    }

    @Test
    void a_rep_disqualifies_the_ticked_leads_and_another_reps_lead_is_refused_with_the_reason() throws Exception {
        long one = TestLeads.capture(mvc, tag + " One", "CTO", 2500, "paid_search");
        long sams = TestLeads.capture(mvc, tag + " Sams", "CTO", 2500, "paid_search");
        long two = TestLeads.capture(mvc, tag + " Two", "CTO", 2500, "paid_search");
        mvc.perform(post("/queue/{id}/claim", sams)
                        .with(user("sam").roles("SALES"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        String location = mvc.perform(post("/leads/bulk")
                        .with(user("rita").roles("SALES"))
                        .with(csrf())
                        .param("scope", "selected")
                        .param("lead", Long.toString(one), Long.toString(sams), Long.toString(two))
                        .param("kind", "DISQUALIFY")
                        .param("reason", "no_budget")
                        .param("note", "frozen"))
                .andExpect(flash().attribute("message", containsString("3 leads, running in the background")))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long job = jobOf(location);

        eventually(() -> assertThat(jobStatus(job)).isEqualTo("DONE"));
        assertThat(stage(one)).isEqualTo("DISQUALIFIED");
        assertThat(stage(two)).isEqualTo("DISQUALIFIED");
        assertThat(stage(sams)).isEqualTo("ACCEPTED");
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where action = 'LEAD_DISQUALIFIED' and actor = 'rita' and target in (?, ?)")
                        .params("lead " + one, "lead " + two)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        mvc.perform(get(location).with(user("rita").roles("SALES")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Done: 2 leads changed, 1 refused")))
                .andExpect(content().string(containsString("This lead is already claimed by sam.")));
    }

    @Test
    void an_admin_assigns_every_lead_matching_the_filters_and_a_rep_may_not() throws Exception {
        long one = TestLeads.capture(mvc, tag + " Alpha", "CTO", 2500, "paid_search");
        long two = TestLeads.capture(mvc, tag + " Beta", "CTO", 2500, "paid_search");

        mvc.perform(post("/leads/bulk")
                        .with(user("rita").roles("SALES"))
                        .with(csrf())
                        .param("scope", "all")
                        .param("text", tag)
                        .param("kind", "ASSIGN")
                        .param("rep", "rita"))
                .andExpect(status().isForbidden());
        String location = mvc.perform(post("/leads/bulk")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf())
                        .param("scope", "all")
                        .param("text", tag)
                        .param("kind", "ASSIGN")
                        .param("rep", "rita"))
                .andExpect(flash().attribute("message", containsString("2 leads")))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        eventually(() -> assertThat(jobStatus(jobOf(location))).isEqualTo("DONE"));
        assertThat(jdbc.sql("select owner from lead where id in (?, ?)")
                        .params(one, two)
                        .query(String.class)
                        .list())
                .containsOnly("rita");
    }

    @Test
    void a_marketer_adds_matching_leads_to_a_new_segment_list_opens_it_and_takes_one_out() throws Exception {
        long one = TestLeads.capture(mvc, tag + " Seg One", "CTO", 2500, "paid_search");
        long two = TestLeads.capture(mvc, tag + " Seg Two", "CTO", 2500, "paid_search");
        String location = mvc.perform(post("/leads/bulk")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf())
                        .param("scope", "all")
                        .param("text", tag + " Seg")
                        .param("kind", "ADD_TO_SEGMENT")
                        .param("newSegment", "Follow up " + tag))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        eventually(() -> assertThat(jobStatus(jobOf(location))).isEqualTo("DONE"));
        long segment = jdbc.sql("select id from segment where name = ?")
                .param("Follow up " + tag)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("select query from segment where id = ?")
                        .param(segment)
                        .query(String.class)
                        .single())
                .isEqualTo("segment=" + segment);
        mvc.perform(get("/leads")
                        .param("segment", Long.toString(segment))
                        .with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString(tag + " Seg One")))
                .andExpect(content().string(containsString("2 leads match")));

        String again = mvc.perform(post("/leads/bulk")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf())
                        .param("scope", "selected")
                        .param("lead", Long.toString(one), Long.toString(two))
                        .param("kind", "ADD_TO_SEGMENT")
                        .param("toSegment", Long.toString(segment)))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        eventually(() -> assertThat(jobStatus(jobOf(again))).isEqualTo("DONE"));
        mvc.perform(get(again).with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("Done: 0 leads changed, 2 refused")))
                .andExpect(content().string(containsString("Already in the segment")));

        String out = mvc.perform(post("/leads/bulk")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf())
                        .param("scope", "selected")
                        .param("lead", Long.toString(two))
                        .param("kind", "REMOVE_FROM_SEGMENT")
                        .param("toSegment", Long.toString(segment)))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        eventually(() -> assertThat(jobStatus(jobOf(out))).isEqualTo("DONE"));
        assertThat(jdbc.sql("select lead_id from segment_member where segment_id = ?")
                        .param(segment)
                        .query(Long.class)
                        .list())
                .containsExactly(one);

        String csv = mvc.perform(post("/leads/export.csv")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf())
                        .param("text", tag + " Seg")
                        .param("scope", "selected")
                        .param("lead", Long.toString(two)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv.lines()).hasSize(2).last().asString().startsWith(two + ",");
    }

    @Test
    void a_bulk_action_without_what_it_needs_or_without_leads_goes_back_to_the_list_with_a_message() throws Exception {
        TestLeads.capture(mvc, tag + " Gamma", "CTO", 2500, "paid_search");
        mvc.perform(post("/leads/bulk")
                        .with(user("rita").roles("SALES"))
                        .with(csrf())
                        .param("scope", "selected")
                        .param("lead", "1")
                        .param("kind", "DISQUALIFY")
                        .param("back", "stage=MQL&text=" + tag))
                .andExpect(redirectedUrl("/leads?stage=MQL&text=" + tag))
                .andExpect(flash().attribute("error", "Choose the reason the leads are disqualified."));
        mvc.perform(post("/leads/bulk")
                        .with(user("rita").roles("SALES"))
                        .with(csrf())
                        .param("scope", "selected")
                        .param("kind", "RECYCLE")
                        .param("revisitOn", "2031-01-01")
                        .param("back", "x\r\nSet-Cookie: a=b"))
                .andExpect(redirectedUrl("/leads"))
                .andExpect(flash().attribute(
                                "error", "Tick the leads to act on, or choose all leads that match the filters."));
        mvc.perform(get("/leads").param("text", tag).with(user("rita").roles("SALES")))
                .andExpect(content().string(containsString("Act on several leads")));
        mvc.perform(get("/leads").param("text", tag).with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("Add to a segment")))
                .andExpect(content().string(Matchers.not(containsString("Disqualify</option>"))));
        mvc.perform(post("/leads/bulk")
                        .with(user("mia").roles("MARKETER"))
                        .with(csrf())
                        .param("scope", "all")
                        .param("text", tag)
                        .param("kind", "DISQUALIFY")
                        .param("reason", "no_budget"))
                .andExpect(status().isForbidden());
    }
}
