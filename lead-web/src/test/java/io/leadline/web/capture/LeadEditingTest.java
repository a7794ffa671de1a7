package io.leadline.web.capture;

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

import io.leadline.web.TestLeads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class LeadEditingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private MockHttpServletRequestBuilder edit(long id, long version, String title) {
        String email = jdbc.sql("select email from lead where id = ?")
                .param(id)
                .query(String.class)
                .single();
        return post("/leads/{id}/edit", id)
                .with(user("mia").roles("MARKETER"))
                .with(csrf())
                .param("version", Long.toString(version))
                .param("fullName", "Edited Lead")
                .param("email", email)
                .param("company", "Acme")
                .param("jobTitle", title)
                .param("companySize", "5000")
                .param("source", "paid_search");
    }

    private long version(long id) {
        return jdbc.sql("select version from lead where id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    @Test
    void an_edit_saves_rescores_and_a_stale_edit_is_a_clear_conflict() throws Exception {
        long id = TestLeads.capture(mvc, "Edit Me", "Analyst", 20, "email");
        long seen = version(id);
        mvc.perform(get("/leads/{id}/edit", id).with(user("mia").roles("MARKETER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Edit Me\"")));

        mvc.perform(edit(id, seen, "CEO"))
                .andExpect(redirectedUrl("/leads/" + id))
                .andExpect(flash().attribute("message", "Saved. The lead now scores with its new profile."));
        assertThat(jdbc.sql("select s.score from lead_score s where s.lead_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(65);
        assertThat(jdbc.sql("select stage from lead where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("MQL");

        // A second person still has the old version open.
        mvc.perform(edit(id, seen, "Student"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone else changed this lead after you opened it.")));
        assertThat(jdbc.sql("select job_title from lead where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("CEO");
    }

    @Test
    void custom_fields_show_on_the_lead_page_are_edited_and_kept_when_the_profile_is_edited() throws Exception {
        long id = TestLeads.capture(mvc, "Custom Fields", "Analyst", 20, "email");
        jdbc.sql(
                        "update lead set attributes = '{\"industry\": \"Health\", \"lead_quality\": \"High\", \"budget\": \"10k\"}' where id = ?")
                .param(id)
                .update();
        mvc.perform(get("/leads/{id}", id).with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("<dt class=\"custom\">lead_quality</dt><dd>High</dd>")));
        mvc.perform(get("/leads/{id}/edit", id).with(user("mia").roles("MARKETER")))
                .andExpect(content().string(containsString("name=\"attributes[industry]\" value=\"Health\"")));

        // Health becomes Pharma, the budget is emptied (removed), lead_quality is not sent (kept), a new key is not
        // taken.
        mvc.perform(edit(id, version(id), "Analyst")
                        .param("attributes[industry]", "Pharma")
                        .param("attributes[budget]", "")
                        .param("attributes[made_up]", "x"))
                .andExpect(redirectedUrl("/leads/" + id));
        assertThat(jdbc.sql("select attributes::text from lead where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("{\"industry\": \"Pharma\", \"lead_quality\": \"High\"}");

        String csv = mvc.perform(get("/leads/export.csv")
                        .param("text", "Edited Lead")
                        .param("field", "Industry")
                        .param("field", "Lead Quality")
                        .with(user("mia").roles("MARKETER")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv.lines().toList())
                .first()
                .asString()
                .endsWith(",created,likelihood to close,marketing consent,do not contact,industry,lead_quality");
        assertThat(csv.lines().toList()).anyMatch(line -> line.startsWith(id + ",") && line.endsWith(",Pharma,High"));
        mvc.perform(get("/leads").with(user("mia").roles("MARKETER")))
                .andExpect(content()
                        .string(containsString("<input type=\"checkbox\" name=\"field\" value=\"lead_quality\">")));

        mvc.perform(edit(id, version(id), "Analyst").param("attributes[industry]", "Ph\u0000arma"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("Remove the control characters (such as NUL) from this field")));
    }

    @Test
    void logged_activities_show_on_the_timeline() throws Exception {
        long id = TestLeads.capture(mvc, "Call Me", "Analyst", 20, "email");

        mvc.perform(post("/leads/{id}/activities", id)
                        .param("type", "call")
                        .param("detail", "Asked for pricing <b>now</b>")
                        .with(user("sam").roles("SALES"))
                        .with(csrf()))
                .andExpect(flash().attribute("message", "Logged the call."));
        mvc.perform(post("/leads/{id}/activities", id)
                        .param("type", "fax")
                        .param("detail", "x")
                        .with(user("sam").roles("SALES"))
                        .with(csrf()))
                .andExpect(flash().attribute("error", "Choose call, email sent, meeting or note."));
        mvc.perform(post("/leads/{id}/activities", id)
                        .param("type", "email_sent")
                        .param("detail", "Sent the proposal")
                        .with(user("sam").roles("SALES"))
                        .with(csrf()))
                .andExpect(flash().attribute("message", "Logged the email sent."));

        mvc.perform(get("/leads/{id}", id).with(user("sam").roles("SALES")))
                .andExpect(content().string(containsString("Asked for pricing &lt;b&gt;now&lt;/b&gt; (logged by sam)")))
                .andExpect(content().string(containsString("Sent the proposal (logged by sam)")));
    }
}
