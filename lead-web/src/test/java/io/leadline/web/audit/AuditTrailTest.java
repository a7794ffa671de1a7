package io.leadline.web.audit;

import static io.leadline.web.api.ApiClients.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.user.Role;
import io.leadline.web.TestLeads;
import io.leadline.web.api.ApiClients;
import io.leadline.web.api.ApiTokenRegistry;
import io.leadline.web.security.UserAccounts;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Walks every command on a lead — create, edit, claim, BANT, promote, assign (reassign), recycle, won from the API,
 * disqualify, merge — and reads the lead's audit trail: one entry per action, by whom, never two.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditTrailTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts users;

    @Autowired
    ApiTokenRegistry tokens;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void reps() {
        users.createIfAbsent("rita", "rita-password-1", Role.SALES);
        users.createIfAbsent("sam", "sam-password-12", Role.SALES);
    }

    private static MockHttpServletRequestBuilder as(String name, String role, MockHttpServletRequestBuilder request) {
        return request.with(user(name).roles(role)).with(csrf());
    }

    private List<String> trail(long lead) {
        return jdbc.sql("select action || ' by ' || actor from audit_event where target = ? order by id")
                .param("lead " + lead)
                .query(String.class)
                .list();
    }

    @Test
    void every_action_on_a_lead_leaves_one_entry_naming_who_did_it() throws Exception {
        long lead = TestLeads.capture(mvc, "Audit Lead " + tag, "CTO", 2500, "paid_search");
        String email = jdbc.sql("select email from lead where id = ?")
                .param(lead)
                .query(String.class)
                .single();
        long version = jdbc.sql("select version from lead where id = ?")
                .param(lead)
                .query(Long.class)
                .single();
        mvc.perform(as("mia", "MARKETER", post("/leads/{id}/edit", lead))
                        .param("version", Long.toString(version))
                        .param("fullName", "Audit Lead " + tag)
                        .param("email", email)
                        .param("company", "Acme")
                        .param("jobTitle", "CEO")
                        .param("companySize", "2500")
                        .param("source", "paid_search"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(as("rita", "SALES", post("/queue/{id}/claim", lead))).andExpect(status().is3xxRedirection());
        mvc.perform(as("rita", "SALES", post("/leads/{id}/bant", lead))
                        .param("budgetStatus", "UNKNOWN")
                        .param("budgetEvidence", "")
                        .param("authorityStatus", "MET")
                        .param("authorityEvidence", "She signs up to 100k")
                        .param("needStatus", "MET")
                        .param("needEvidence", "Spreadsheets break")
                        .param("timelineStatus", "MET")
                        .param("timelineEvidence", "Before Q2")
                        .param("timelineMonths", "3"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(as("rita", "SALES", post("/leads/{id}/promote", lead))).andExpect(status().is3xxRedirection());
        mvc.perform(as("ada", "ADMIN", post("/leads/{id}/assign", lead)).param("rep", "sam"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(as("sam", "SALES", post("/leads/{id}/recycle", lead))
                        .param("revisitOn", LocalDate.now().plusMonths(2).toString()))
                .andExpect(status().is3xxRedirection());
        String token = ApiClients.token(tokens, Role.SALES);
        mvc.perform(post("/api/leads/" + lead + "/outcome")
                        .with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"WON\"}"))
                .andExpect(status().is2xxSuccessful());

        assertThat(trail(lead))
                .containsExactly(
                        "LEAD_CREATED by mia",
                        "LEAD_EDITED by mia",
                        "LEAD_CLAIMED by rita",
                        "BANT_ANSWERED by rita",
                        "LEAD_PROMOTED by rita",
                        "LEAD_ASSIGNED by ada",
                        "LEAD_RECYCLED by sam",
                        "LEAD_WON by "
                                + jdbc.sql("select actor from audit_event where target = ? and action = 'LEAD_WON'")
                                        .param("lead " + lead)
                                        .query(String.class)
                                        .single());
        assertThat(jdbc.sql("select detail from audit_event where target = ? and action = 'LEAD_EDITED'")
                        .param("lead " + lead)
                        .query(String.class)
                        .single())
                .isEqualTo("changed job_title");
        assertThat(jdbc.sql("select detail from audit_event where target = ? and action = 'BANT_ANSWERED'")
                        .param("lead " + lead)
                        .query(String.class)
                        .single())
                .contains("authority: met (She signs up to 100k)", "need: met");

        mvc.perform(get("/settings/audit")
                        .param("lead", Long.toString(lead))
                        .with(user("ada").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deal won")))
                .andExpect(content().string(containsString("authority: met (She signs up to 100k)")))
                .andExpect(content().string(containsString("via /leads/new")));
        mvc.perform(get("/settings/audit")
                        .param("actor", "sam")
                        .param("action", "LEAD_RECYCLED")
                        .param("from", LocalDate.now().toString())
                        .param("to", LocalDate.now().toString())
                        .with(user("ada").roles("ADMIN")))
                .andExpect(content().string(containsString("lead " + lead)));
    }

    @Test
    void a_disqualification_and_a_merge_are_recorded_once_and_a_user_created_once() throws Exception {
        long lead = TestLeads.capture(mvc, "Audit Other " + tag, "CTO", 2500, "paid_search");
        mvc.perform(as("rita", "SALES", post("/queue/{id}/claim", lead))).andExpect(status().is3xxRedirection());
        mvc.perform(as("rita", "SALES", post("/leads/{id}/disqualify", lead))
                        .param("reason", "no_budget")
                        .param("note", "frozen"))
                .andExpect(status().is3xxRedirection());
        assertThat(trail(lead))
                .containsExactly("LEAD_CREATED by mia", "LEAD_CLAIMED by rita", "LEAD_DISQUALIFIED by rita");

        mvc.perform(as("ada", "ADMIN", post("/settings/users"))
                        .param("username", "audited-" + tag)
                        .param("password", "a-long-password-1")
                        .param("role", "SALES")
                        .param("capacity", "10"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select actor from audit_event where action = 'USER_CREATED' and target = ?")
                        .param("user audited-" + tag)
                        .query(String.class)
                        .list())
                .containsExactly("ada");
    }
}
