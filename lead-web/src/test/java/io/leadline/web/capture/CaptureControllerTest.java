package io.leadline.web.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.result.ContentResultMatchers;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

@SpringBootTest
@AutoConfigureMockMvc
class CaptureControllerTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private final String email = "lead-" + UUID.randomUUID() + "@acme.com";

    private static MockHttpServletRequestBuilder newLead() {
        return post("/leads/new").with(user("mia").roles("MARKETER")).with(csrf());
    }

    @Test
    void the_form_shows_every_field_with_a_label() throws Exception {
        mvc.perform(get("/leads/new").with(user("mia").roles("MARKETER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<label for=\"fullName\">")))
                .andExpect(content().string(containsString("<label for=\"email\">")))
                .andExpect(content().string(containsString("<option value=\"BR\">Brazil</option>")))
                .andExpect(content().string(containsString("<option value=\"paid_search\">paid search</option>")));
    }

    @Test
    void a_valid_lead_is_stored_scored_and_shown() throws Exception {
        String location = mvc.perform(newLead()
                        .param("fullName", "Ana Souza")
                        .param("email", "  " + email.toUpperCase())
                        .param("company", "Acme")
                        .param("jobTitle", "CTO")
                        .param("companySize", "1200")
                        .param("country", "BR")
                        .param("source", "paid_search"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/leads/*"))
                .andExpect(flash().attribute(
                                "message", Matchers.startsWith("Lead Ana Souza saved as Marketing qualified.")))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        var stored = jdbc.sql(
                        "select l.email, l.stage, s.score, s.grade from lead l join lead_score s on s.lead_id = l.id where l.email = ?")
                .param(email)
                .query()
                .singleRow();
        assertThat(stored)
                .containsEntry("stage", "MQL")
                .containsEntry("score", 65)
                .containsEntry("grade", "A");

        mvc.perform(get(location).with(user("sam").roles("SALES")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Executive title")))
                .andExpect(content().string(containsString("Job title &quot;CTO&quot; contains &quot;cto&quot;")))
                .andExpect(content().string(containsString("score 65 reached the MQL threshold of 40")));
    }

    @Test
    void empty_name_and_malformed_email_get_messages_next_to_the_fields_and_nothing_is_stored() throws Exception {
        long before = leads();

        mvc.perform(newLead().param("fullName", " ").param("email", "ana@acme"))
                .andExpect(status().isOk())
                .andExpect(view().name("capture/new-lead"))
                .andExpect(model().attributeHasFieldErrorCode("lead", "fullName", "NotBlank"))
                .andExpect(model().attributeHasFieldErrorCode("lead", "email", "LeadEmail"))
                .andExpect(content().string(containsString("Enter the lead&#39;s name.")))
                .andExpect(content().string(containsString("Enter an email address like name@company.com.")));

        assertThat(leads()).isEqualTo(before);
    }

    @Test
    void a_company_size_that_is_not_a_number_gets_a_clear_message() throws Exception {
        mvc.perform(newLead().param("fullName", "Ana").param("email", email).param("companySize", "lots"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("lead", "companySize"))
                .andExpect(content().string(containsString("Enter the company size as a whole number of employees.")));
        assertThat(jdbc.sql("select count(*) from lead where email = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_duplicate_email_is_refused_next_to_the_email_field() throws Exception {
        String first = mvc.perform(newLead().param("fullName", "Ana").param("email", email))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long before = leads();

        mvc.perform(newLead().param("fullName", "Ana again").param("email", email.toUpperCase()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("lead", "email", "lead.duplicate"))
                .andExpect(content().string(containsString("A lead with the email " + email + " exists already.")))
                .andExpect(
                        content().string(containsString("href=\"" + first + "\">Open the lead that has this address")));

        assertThat(leads()).isEqualTo(before);
    }

    @Test
    void stage_owner_and_score_cannot_be_set_through_the_form() throws Exception {
        mvc.perform(newLead()
                        .param("fullName", "Sneaky")
                        .param("email", email)
                        .param("stage", "WON")
                        .param("owner", "mia")
                        .param("score", "999"))
                .andExpect(status().is3xxRedirection());

        var stored = jdbc.sql("select stage, owner from lead where email = ?")
                .param(email)
                .query()
                .singleRow();
        assertThat(stored.get("stage")).isEqualTo("NEW");
        assertThat(stored.get("owner")).isNull();
    }

    @Test
    void a_sales_rep_cannot_open_the_new_lead_form() throws Exception {
        mvc.perform(get("/leads/new").with(user("sam").roles("SALES"))).andExpect(status().isForbidden());
    }

    private long leads() {
        return jdbc.sql("select count(*) from lead").query(Long.class).single();
    }

    private static ContentResultMatchers content() {
        return MockMvcResultMatchers.content();
    }
}
