package io.leadline.web.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.lead.LeadCount;
import io.leadline.web.TestLeads;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Each role starts on a page that says what needs them, with counts that link to the filtered queue. */
@SpringBootTest
@AutoConfigureMockMvc
class TodayTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void a_rep_sees_the_hot_lead_the_waiting_mqls_and_their_own_leads() throws Exception {
        String name = "Hot Today " + UUID.randomUUID().toString().substring(0, 6);
        long lead = TestLeads.capture(mvc, name, "CEO", 3000, "paid_search");
        assertThat(jdbc.sql("select stage from lead where id = ?")
                        .param(lead)
                        .query(String.class)
                        .single())
                .isEqualTo("MQL");
        // Dated after every other test's hand-raises, so that it is the newest whatever ran before.
        jdbc.sql(
                        "insert into activity (lead_id, type, occurred_at) values (?, 'demo_request', now() + interval '1 day')")
                .param(lead)
                .update();
        try {
            seesTheHotLead(lead, name);
        } finally {
            // Not left as the newest hand-raise for the tests that run after.
            jdbc.sql("delete from activity where lead_id = ? and occurred_at > now()")
                    .param(lead)
                    .update();
        }
    }

    private void seesTheHotLead(long lead, String name) throws Exception {
        long waiting = count(
                "select count(*) from lead l join lead_score s on s.lead_id = l.id where s.stage = 'MQL' and l.owner is null");

        var page = mvc.perform(get("/").with(user("rita").roles("SALES")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("your open leads")))
                .andExpect(content().string(containsString("unread notices")))
                .andExpect(content()
                        .string(containsString("href=\"/queue?scope=UNASSIGNED&amp;stage=MQL\"><strong>"
                                + new LeadCount(waiting).figure() + "</strong>")))
                .andExpect(content().string(not(containsString("Latest imports"))))
                .andExpect(content().string(not(containsString("Background work"))))
                .andReturn();
        var today = (TodayBoard.Today) page.getModelAndView().getModel().get("today");
        assertThat(today.waitingForRep().counted()).isEqualTo(Math.min(waiting, LeadCount.CAP));
        assertThat(today.mine().counted())
                .isEqualTo(count("select count(*) from lead l join lead_score s on s.lead_id = l.id "
                        + "where s.stage in ('MQL', 'ACCEPTED', 'SQL') and l.owner = 'rita'"));
        // The newest hand-raise comes first, within the page's five.
        assertThat(today.hot()).first().satisfies(e -> assertThat(e.leadId()).isEqualTo(lead));
        assertThat(page.getResponse().getContentAsString()).contains("href=\"/leads/" + lead + "\">" + name + "</a>");
    }

    @Test
    void a_marketer_sees_the_latest_imports_and_no_rep_figures() throws Exception {
        mvc.perform(get("/").with(user("mia").roles("MARKETER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Today</h1>")))
                .andExpect(content().string(containsString("Latest imports")))
                .andExpect(content().string(containsString("MQLs waiting for a rep")))
                .andExpect(content().string(not(containsString("your open leads"))));
    }

    @Test
    void an_admin_also_sees_the_background_work() throws Exception {
        mvc.perform(get("/").with(user("ada").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Background work")))
                .andExpect(content().string(containsString("Latest imports")))
                .andExpect(content().string(containsString("your open leads")));
    }
}
