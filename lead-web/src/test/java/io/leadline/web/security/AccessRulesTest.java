package io.leadline.web.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.leadline.core.user.Role;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class AccessRulesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    static Stream<Arguments> pages() {
        return Stream.of(
                Arguments.of("/leads/new", "MARKETER", 200),
                Arguments.of("/leads/new", "SALES", 403),
                Arguments.of("/leads/new", "ADMIN", 200),
                Arguments.of("/queue", "MARKETER", 200),
                Arguments.of("/queue", "SALES", 200),
                Arguments.of("/queue", "ADMIN", 200),
                Arguments.of("/settings", "MARKETER", 403),
                Arguments.of("/settings", "SALES", 403),
                Arguments.of("/settings", "ADMIN", 200));
    }

    @ParameterizedTest(name = "{1} opening {0} gets {2}")
    @MethodSource("pages")
    void each_role_opens_only_its_pages(String path, String role, int expected) throws Exception {
        mvc.perform(get(path).with(user("someone").roles(role))).andExpect(status().is(expected));
    }

    @Test
    void an_anonymous_visitor_is_sent_to_the_login_page() throws Exception {
        mvc.perform(get("/queue")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sign in")));
    }

    @Test
    void an_unlisted_route_is_denied_even_to_an_admin() throws Exception {
        mvc.perform(get("/anything-else").with(user("ada").roles("ADMIN"))).andExpect(status().isForbidden());
    }

    @Test
    void actuator_endpoints_other_than_health_are_closed_even_to_admins() throws Exception {
        for (String endpoint : new String[] {"/actuator", "/actuator/env", "/actuator/beans", "/actuator/heapdump"}) {
            mvc.perform(get(endpoint).with(user("ada").roles("ADMIN"))).andExpect(status().isForbidden());
        }
    }

    @Test
    void health_is_public_and_checks_the_database_but_names_it_only_to_admins() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"status\":\"UP\"")))
                .andExpect(content().string(not(containsString("\"db\""))));
        mvc.perform(get("/actuator/health").with(user("health-admin").roles("ADMIN")))
                .andExpect(content().string(containsString("\"db\":{\"details\":{\"database\":\"PostgreSQL\"")));
    }

    @Test
    void a_user_signs_in_with_the_stored_password_and_lands_on_their_start_page() throws Exception {
        accounts.createIfAbsent("lena", "lena-password-1", Role.MARKETER);

        mvc.perform(post("/login")
                        .param("username", "lena")
                        .param("password", "lena-password-1")
                        .with(csrf()))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/login")
                        .param("username", "lena")
                        .param("password", "wrong-password")
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/").with(user("lena").roles("MARKETER"))).andExpect(view().name("home/today"));
        mvc.perform(get("/").with(user("sam").roles("SALES"))).andExpect(view().name("home/today"));
    }

    @Test
    void a_state_change_without_a_csrf_token_is_refused() throws Exception {
        mvc.perform(post("/leads/new")
                        .with(user("mia").roles("MARKETER"))
                        .param("fullName", "No Token")
                        .param("email", "no-token@acme.com"))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_settings_page_states_the_mql_threshold_in_words() throws Exception {
        mvc.perform(get("/settings").with(user("ada").roles("ADMIN")))
                .andExpect(content()
                        .string(containsString("A lead becomes an MQL at 40 points (fit grade D or better).")));
    }

    @Test
    void the_first_admin_exists_after_start_up() {
        Assertions.assertThat(accounts.anyActiveAdmin()).isTrue();
    }

    @Test
    void passwords_shorter_than_twelve_characters_are_refused() {
        Assertions.assertThatThrownBy(() -> accounts.createIfAbsent("shorty", "short-pass", Role.SALES))
                .hasMessageContaining("at least 12 characters");
    }
}
