package io.leadline.web.security;

import static io.leadline.web.api.ApiClients.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.user.Role;
import io.leadline.web.api.ApiClients;
import io.leadline.web.api.ApiTokenRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** NUL and other control characters are refused at the boundary, naming the field; nothing is stored or logged. */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class TextHygieneTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokenRegistry tokens;

    @Autowired
    JdbcClient jdbc;

    private final String email = "nul-" + UUID.randomUUID().toString().substring(0, 8) + "@hygiene.example";

    private long stored(String address) {
        return jdbc.sql("select count(*) from lead where email = ?")
                .param(address)
                .query(Long.class)
                .single();
    }

    @Test
    void a_nul_in_an_api_lead_is_a_400_naming_the_field_not_a_false_duplicate(CapturedOutput output) throws Exception {
        String token = ApiClients.token(tokens, Role.MARKETER);
        mvc.perform(post("/api/leads")
                        .with(bearer(token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fullName\": \"nul\\u0000name\", \"email\": \"" + email + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("fullName"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("control character")));
        assertThat(stored(email)).isZero();
        assertThat(output.getAll()).doesNotContain(email);
    }

    @Test
    void a_nul_in_an_activity_is_a_400_a_client_will_not_retry(CapturedOutput output) throws Exception {
        String token = ApiClients.token(tokens, Role.MARKETER);
        mvc.perform(post("/api/activities")
                        .with(bearer(token))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\": [{\"email\": \"" + email + "\", \"type\": \"page_visit\"},"
                                + " {\"email\": \"" + email
                                + "\", \"type\": \"page_visit\", \"detail\": \"bad\\u0000\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("items[1].detail"));
        assertThat(stored(email)).isZero();
        assertThat(output.getAll()).doesNotContain(email);
    }

    @Test
    void a_nul_on_the_new_lead_form_is_a_message_next_to_the_field() throws Exception {
        mvc.perform(post("/leads/new")
                        .with(user("hygiene-marketer").roles("MARKETER"))
                        .with(csrf())
                        .param("fullName", "Ana\u0000Souza")
                        .param("email", email)
                        .param("company", "Acme\u0007"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("Remove the control characters (such as NUL) from this field")));
        assertThat(stored(email)).isZero();
    }

    @Test
    void json_that_is_not_json_is_a_400_problem() throws Exception {
        String token = ApiClients.token(tokens, Role.MARKETER);
        mvc.perform(post("/api/activities")
                        .with(bearer(token))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\": [ {"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Unreadable body"));
    }
}
