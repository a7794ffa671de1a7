package io.leadline.web.api;

import static io.leadline.web.api.ApiClients.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.user.Role;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** With {@code leadline.api.unknown-email=REJECT}, a batch naming an unknown email is refused whole. */
@SpringBootTest(properties = "leadline.api.unknown-email=REJECT")
@AutoConfigureMockMvc
class UnknownEmailRejectedTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokenRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_batch_with_an_unknown_email_is_refused_and_nothing_is_stored() throws Exception {
        String unknown = "nobody-" + UUID.randomUUID() + "@acme.com";
        long activities =
                jdbc.sql("select count(*) from activity").query(Long.class).single();
        mvc.perform(post("/api/activities")
                        .with(bearer(ApiClients.token(registry, Role.ADMIN)))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\": [{\"email\": \"" + unknown + "\", \"type\": \"email_open\"}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("items[0].email"))
                .andExpect(jsonPath("$.errors[0].reason").value("no lead has the email " + unknown));
        assertThat(jdbc.sql("select count(*) from lead where email = ?")
                        .param(unknown)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from activity").query(Long.class).single())
                .isEqualTo(activities);
    }
}
