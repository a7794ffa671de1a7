package io.leadline.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Admins create and revoke tokens on the settings page; the API honours a live token only, and its role only. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiTokensTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_admin_creates_a_token_sees_it_once_and_it_stops_working_when_revoked() throws Exception {
        String name = "CRM sync " + UUID.randomUUID().toString().substring(0, 6);
        var created = mvc.perform(post("/settings/api-tokens")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf())
                        .param("name", name)
                        .param("role", "SALES"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("message", "Created the token " + name + " (Sales rep)."))
                .andReturn();
        var shown = (ApiTokenRegistry.Issued) created.getFlashMap().get("newToken");
        assertThat(shown.secret()).startsWith("ll_").hasSizeGreaterThan(40);

        String stored = jdbc.sql("select token_hash from api_token where name = ?")
                .param(name)
                .query(String.class)
                .single();
        assertThat(stored)
                .as("only a hash is stored")
                .isNotEqualTo(shown.secret())
                .hasSize(64)
                .isEqualTo(ApiTokenRegistry.hash(shown.secret()));

        mvc.perform(get("/api/leads").header("Authorization", "Bearer " + shown.secret()))
                .andExpect(status().isOk());
        mvc.perform(get("/settings").with(user("ada").roles("ADMIN")))
                .andExpect(content().string(Matchers.containsString(name)))
                .andExpect(content().string(Matchers.not(Matchers.containsString(shown.secret()))));

        long id = jdbc.sql("select id from api_token where name = ?")
                .param(name)
                .query(Long.class)
                .single();
        mvc.perform(post("/settings/api-tokens/" + id + "/revoke")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(flash().attribute(
                                "message", "Revoked the token " + name + ": calls with it are refused from now on."));
        mvc.perform(get("/api/leads").header("Authorization", "Bearer " + shown.secret()))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Bearer")))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail")
                        .value("The API token is unknown or was revoked. Ask an admin for a new one."));
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where action in ('API_TOKEN_CREATED', 'API_TOKEN_REVOKED') and target = ?")
                        .param("token " + name)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void a_token_without_a_name_or_with_a_taken_name_is_refused_with_a_message() throws Exception {
        mvc.perform(post("/settings/api-tokens")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf())
                        .param("name", " ")
                        .param("role", "SALES"))
                .andExpect(flash().attribute(
                                "error", "Name the token after the system that will use it, e.g. \"CRM sync\"."));
        String name = "Tracker " + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/settings/api-tokens")
                .with(user("ada").roles("ADMIN"))
                .with(csrf())
                .param("name", name)
                .param("role", "MARKETER"));
        mvc.perform(post("/settings/api-tokens")
                        .with(user("ada").roles("ADMIN"))
                        .with(csrf())
                        .param("name", name.toUpperCase())
                        .param("role", "MARKETER"))
                .andExpect(flash().attribute("error", "An active token is already called " + name.toUpperCase() + "."));
    }

    @Test
    void no_token_a_malformed_one_or_a_session_cookie_never_reach_the_api() throws Exception {
        mvc.perform(get("/api/leads"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/leads").header("Authorization", "Bearer not-a-token"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/leads").header("Authorization", "Basic YWRtaW46YWRtaW4="))
                .andExpect(status().isUnauthorized());
    }
}
