package io.leadline.web.forms;

import static io.leadline.web.TestRequests.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class FormConsentTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FormTokens tokens;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_public_form_shows_the_admins_consent_text_and_a_ticked_box_records_consent() throws Exception {
        mvc.perform(post("/settings/personal-data/consent-text")
                        .param("text", "Send me Leadline news " + tag)
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        try {
            mvc.perform(get("/forms/consent-test"))
                    .andExpect(content().string(containsString("Send me Leadline news " + tag)));
            String email = "form-" + tag + "@contact.example";
            mvc.perform(post("/forms/consent-test")
                            .with(from("10.77.1.1"))
                            .param("token", tokens.formToken("consent-test"))
                            .param("email", email)
                            .param("marketing_consent", "yes"))
                    .andExpect(status().is3xxRedirection());
            assertThat(jdbc.sql("select consent || ' ' || consent_source from lead where email = ?")
                            .param(email)
                            .query(String.class)
                            .single())
                    .isEqualTo("GIVEN FORM");
            mvc.perform(post("/settings/personal-data/consent-text")
                            .param("text", "x".repeat(501))
                            .with(user("ada").roles("ADMIN"))
                            .with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Keep the text under 500 characters.")));
        } finally {
            mvc.perform(post("/settings/personal-data/consent-text")
                    .param("text", "")
                    .with(user("ada").roles("ADMIN"))
                    .with(csrf()));
        }
        mvc.perform(get("/forms/consent-test"))
                .andExpect(content().string(Matchers.not(containsString("marketing_consent"))));
    }
}
