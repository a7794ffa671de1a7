package io.leadline.web.forms;

import static io.leadline.web.TestRequests.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class PublicFormTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    FormTokens tokens;

    @Autowired
    JdbcClient jdbc;

    private MockHttpServletRequestBuilder submit(String campaign, String email, String address) {
        return post("/forms/{c}", campaign)
                .with(from(address))
                .param("token", tokens.formToken(campaign))
                .param("email", email);
    }

    @Test
    void anyone_opens_the_form_and_it_may_be_embedded() throws Exception {
        mvc.perform(get("/forms/spring-webinar")
                        .param("utm_source", "paid_search")
                        .param("utm_campaign", "q4"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"utm_source\" value=\"paid_search\"")))
                .andExpect(content().string(containsString("id=\"full_name\"")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors *")))
                .andExpect(header().doesNotExist("X-Frame-Options"));
        mvc.perform(get("/forms/Bad_Name!")).andExpect(status().isNotFound());
    }

    @Test
    void a_submission_creates_a_lead_with_its_campaign_and_scores_as_a_form_submission() throws Exception {
        String email = "form-" + UUID.randomUUID() + "@acme.com";
        mvc.perform(submit("spring-webinar", email, "10.9.0.1")
                        .param("full_name", "Form Filler")
                        .param("company", "Acme")
                        .param("job_title", "VP Sales")
                        .param("utm_source", "paid_search")
                        .param("utm_medium", "cpc")
                        .param("utm_campaign", "q4")
                        .param("referrer", "https://blog.example.com/post"))
                .andExpect(redirectedUrl("/forms/spring-webinar/thanks"))
                .andExpect(header().string("Set-Cookie", containsString("leadline_visitor=")));

        var lead = jdbc.sql("""
                select l.source, l.attributes->>'utm_medium' as medium, l.attributes->>'utm_campaign' as campaign,
                       l.attributes->>'referrer' as referrer, s.engagement_points
                from lead l join lead_score s on s.lead_id = l.id where l.email = ?""").param(email).query().singleRow();
        assertThat(lead)
                .containsEntry("source", "paid_search")
                .containsEntry("medium", "cpc")
                .containsEntry("campaign", "q4")
                .containsEntry("referrer", "https://blog.example.com/post")
                .containsEntry("engagement_points", 5);
    }

    @Test
    void a_returning_visitor_is_asked_the_next_most_valuable_fields() throws Exception {
        String email = "back-" + UUID.randomUUID() + "@acme.com";
        var first = mvc.perform(submit("pricing", email, "10.9.1.1")
                        .param("full_name", "Back Again")
                        .param("company", "Acme")
                        .param("job_title", "CTO"))
                .andReturn();
        Cookie visitor = first.getResponse().getCookie("leadline_visitor");

        mvc.perform(get("/forms/pricing").cookie(visitor))
                .andExpect(content().string(containsString("id=\"company_size\"")))
                .andExpect(content().string(not(containsString("id=\"job_title\""))));

        mvc.perform(submit("pricing", email, "10.9.1.2")
                .param("company_size", "1500")
                .cookie(visitor));
        var row = jdbc.sql("select company_size, job_title from lead where email = ?")
                .param(email)
                .query()
                .singleRow();
        assertThat(row).containsEntry("company_size", 1500).containsEntry("job_title", "CTO");
        assertThat(jdbc.sql(
                                "select count(*) from activity a join lead l on l.id = a.lead_id where l.email = ? and a.type = 'form_submission'")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void bots_are_kept_out_by_the_honeypot_the_token_and_the_rate_limit() throws Exception {
        String email = "bot-" + UUID.randomUUID() + "@acme.com";
        mvc.perform(submit("spring-webinar", email, "10.9.2.1").param("website", "http://spam.example"))
                .andExpect(redirectedUrl("/forms/spring-webinar/thanks"));
        assertThat(jdbc.sql("select count(*) from lead where email = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isZero();

        mvc.perform(post("/forms/spring-webinar")
                        .with(from("10.9.2.2"))
                        .param("token", "forged:1:abc")
                        .param("email", email))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("This form has expired.")));
        mvc.perform(post("/forms/other-campaign")
                        .with(from("10.9.2.3"))
                        .param("token", tokens.formToken("spring-webinar"))
                        .param("email", email))
                .andExpect(status().isBadRequest());

        for (int i = 0; i < PublicFormController.MAX_SUBMISSIONS; i++) {
            mvc.perform(submit("spring-webinar", "flood-" + i + "-" + email, "10.9.2.9"));
        }
        mvc.perform(submit("spring-webinar", "flood-last-" + email, "10.9.2.9"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Too many submissions from your address")));
    }

    @Test
    void a_bad_email_is_answered_next_to_the_field_and_nothing_is_stored() throws Exception {
        mvc.perform(submit("spring-webinar", "not-an-email", "10.9.3.1").param("company_size", "many"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter your email address, like name@company.com.")));
    }

    @Test
    void a_nul_on_the_public_form_is_a_400_with_the_message_next_to_the_field() throws Exception {
        String email = "nul-" + UUID.randomUUID() + "@public.example";
        mvc.perform(submit("spring-webinar", email, "10.9.7.1")
                        .param("full_name", "Bia\u0000Lima")
                        .param("utm_campaign", "q\u00004"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(containsString("Remove the control characters (such as NUL) from this field.")));
        assertThat(jdbc.sql("select count(*) from lead where email = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isZero();

        mvc.perform(submit("spring-webinar", email, "10.9.7.2")
                        .param("full_name", "Bia Lima")
                        .param("utm_campaign", "q\u00004"))
                .andExpect(redirectedUrl("/forms/spring-webinar/thanks"));
        assertThat(jdbc.sql("select attributes->>'utm_campaign' from lead where email = ?")
                        .param(email)
                        .query(String.class)
                        .single())
                .as("a hidden field's control character is dropped")
                .isEqualTo("q4");
    }

    @Test
    void a_known_email_from_another_browser_is_held_until_a_marketer_accepts_it() throws Exception {
        String email = "held-" + UUID.randomUUID() + "@public.example";
        var first = mvc.perform(submit("pricing", email, "10.9.8.1").param("full_name", "Held Visitor"))
                .andReturn();
        long lead = jdbc.sql("select id from lead where email = ?")
                .param(email)
                .query(Long.class)
                .single();
        String stageBefore = jdbc.sql("select stage from lead where id = ?")
                .param(lead)
                .query(String.class)
                .single();

        // Someone else types the same address, claiming to be a CEO of a large company.
        mvc.perform(submit("pricing", email, "10.9.8.2")
                        .param("job_title", "CEO")
                        .param("company_size", "5000"))
                .andExpect(redirectedUrl("/forms/pricing/thanks"))
                .andExpect(header().doesNotExist("Set-Cookie"));
        assertThat(jdbc.sql("select coalesce(job_title, '') || '/' || stage from lead where id = ?")
                        .param(lead)
                        .query(String.class)
                        .single())
                .as("nothing changed yet")
                .isEqualTo("/" + stageBefore);
        assertThat(jdbc.sql("select count(*) from activity where lead_id = ? and type = 'form_submission'")
                        .param(lead)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        var marketer = user("held-marketer").roles("MARKETER");
        mvc.perform(get("/leads/{id}", lead).with(marketer))
                .andExpect(content().string(containsString("Form submissions waiting for you (1)")))
                .andExpect(content().string(containsString("Job title: CEO")));
        long held = jdbc.sql("select id from pending_submission where lead_id = ?")
                .param(lead)
                .query(Long.class)
                .single();
        mvc.perform(post("/leads/{id}/submissions/{s}/accept", lead, held)
                        .with(marketer)
                        .with(csrf()))
                .andExpect(redirectedUrl("/leads/" + lead));
        assertThat(jdbc.sql("select job_title from lead where id = ?")
                        .param(lead)
                        .query(String.class)
                        .single())
                .isEqualTo("CEO");
        assertThat(jdbc.sql("select count(*) from activity where lead_id = ? and type = 'form_submission'")
                        .param(lead)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        mvc.perform(post("/leads/{id}/submissions/{s}/dismiss", lead, held)
                        .with(marketer)
                        .with(csrf()))
                .andExpect(flash().attribute("error", "That submission was decided already."));
        assertThat(first.getResponse().getCookie("leadline_visitor"))
                .as("the first browser is the lead's")
                .isNotNull();
    }

    @Test
    void a_form_token_serves_one_submission() throws Exception {
        String email = "once-" + UUID.randomUUID() + "@public.example";
        String token = tokens.formToken("pricing");
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/forms/pricing")
                            .with(from("10.9.9." + i))
                            .param("token", token)
                            .param("email", email))
                    .andExpect(redirectedUrl("/forms/pricing/thanks"));
        }
        long lead = jdbc.sql("select id from lead where email = ?")
                .param(email)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("select count(*) from activity where lead_id = ? and type = 'form_submission'")
                        .param(lead)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from pending_submission where lead_id = ?")
                        .param(lead)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
