package io.leadline.web.security;

import static io.leadline.web.TestRequests.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.leadline.core.user.Role;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A session follows its user's access: sessions live in Postgres (Spring Session JDBC) and each request of a
 * signed-in session is checked against {@code app_user}, so what an admin changes — on this instance or any other —
 * holds at the session's next request.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionStandingTest {

    private static final String PASSWORD = "standing-password-1";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    private String newUser(Role role) {
        String name = "standing-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createIfAbsent(name, PASSWORD, role);
        return name;
    }

    private Cookie signIn(String name, String password) throws Exception {
        var response = mvc.perform(post("/login")
                        .param("username", name)
                        .param("password", password)
                        .with(csrf())
                        .with(from("10.60.0.1")))
                .andReturn()
                .getResponse();
        assertThat(response.getRedirectedUrl()).as("sign-in of " + name).isEqualTo("/");
        return response.getCookie("SESSION");
    }

    /** Where a GET with this session cookie ends: "in" (200), or the redirect it gets. */
    private String open(String path, Cookie session) throws Exception {
        var response = mvc.perform(get(path).cookie(session)).andReturn().getResponse();
        return response.getStatus() == 200 ? "in" : response.getStatus() + " " + response.getRedirectedUrl();
    }

    @Test
    void an_admin_demoted_to_sales_loses_the_settings_at_the_next_request() throws Exception {
        String admin = newUser(Role.ADMIN);
        Cookie session = signIn(admin, PASSWORD);
        assertThat(open("/settings", session)).isEqualTo("in");

        accounts.changeRole(admin, Role.SALES, "test-admin");

        assertThat(open("/settings", session)).isEqualTo("302 /login?ended");
        assertThat(open("/queue", session))
                .as("the ended session is gone, not just refused one page")
                .endsWith("/login");
        Cookie again = signIn(admin, PASSWORD);
        assertThat(open("/queue", again)).isEqualTo("in");
        assertThat(mvc.perform(get("/settings").cookie(again))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void a_role_changed_in_the_database_by_another_instance_is_seen_too() throws Exception {
        String marketer = newUser(Role.MARKETER);
        Cookie session = signIn(marketer, PASSWORD);
        assertThat(open("/leads/new", session)).isEqualTo("in");

        // Only the role, as a second instance (or an operator) would write it: nothing in this JVM is told.
        jdbc.sql("update app_user set role = 'SALES' where username = ?")
                .param(marketer)
                .update();

        assertThat(open("/leads/new", session)).isEqualTo("302 /login?ended");
    }

    @Test
    void a_deactivated_rep_cannot_claim_with_the_old_session() throws Exception {
        String rep = newUser(Role.SALES);
        Cookie session = signIn(rep, PASSWORD);
        assertThat(open("/queue", session)).isEqualTo("in");

        accounts.setEnabled(rep, false, "test-admin");

        var claim = mvc.perform(post("/queue/next").cookie(session).with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(claim.getRedirectedUrl()).isEqualTo("/login?ended");
        assertThat(mvc.perform(post("/login")
                                .param("username", rep)
                                .param("password", PASSWORD)
                                .with(csrf())
                                .with(from("10.60.0.1")))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?error");
    }

    @Test
    void changing_ones_password_keeps_this_session_and_ends_the_others() throws Exception {
        String name = newUser(Role.MARKETER);
        Cookie here = signIn(name, PASSWORD);
        Cookie elsewhere = signIn(name, PASSWORD);

        var change = mvc.perform(post("/account/password")
                        .cookie(here)
                        .with(csrf())
                        .param("currentPassword", PASSWORD)
                        .param("newPassword", "changed-password-2")
                        .param("confirmPassword", "changed-password-2"))
                .andReturn()
                .getResponse();
        assertThat(change.getRedirectedUrl()).isEqualTo("/");

        assertThat(open("/leads", here)).isEqualTo("in");
        assertThat(open("/leads", elsewhere)).isEqualTo("302 /login?ended");
    }

    @Test
    void a_reset_by_an_admin_ends_every_session_of_the_user() throws Exception {
        String name = newUser(Role.SALES);
        Cookie one = signIn(name, PASSWORD);
        Cookie two = signIn(name, PASSWORD);

        accounts.resetPassword(name, "test-admin");

        assertThat(open("/queue", one)).isEqualTo("302 /login?ended");
        assertThat(open("/queue", two)).isEqualTo("302 /login?ended");
    }

    @Test
    void sign_out_everywhere_else_keeps_only_the_session_that_asked() throws Exception {
        String name = newUser(Role.SALES);
        Cookie here = signIn(name, PASSWORD);
        Cookie phone = signIn(name, PASSWORD);

        var response = mvc.perform(post("/account/sessions/end").cookie(here).with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(response.getRedirectedUrl()).isEqualTo("/account/password");

        assertThat(open("/queue", here)).isEqualTo("in");
        assertThat(open("/queue", phone)).isEqualTo("302 /login?ended");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'SESSIONS_ENDED' and actor = ?")
                        .param(name)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void an_admin_signs_a_user_out_everywhere_from_the_users_page() throws Exception {
        String admin = newUser(Role.ADMIN);
        String rep = newUser(Role.SALES);
        Cookie adminSession = signIn(admin, PASSWORD);
        Cookie repSession = signIn(rep, PASSWORD);

        var response = mvc.perform(post("/settings/users/{u}/sessions/end", rep)
                        .cookie(adminSession)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(response.getRedirectedUrl()).isEqualTo("/settings");

        assertThat(open("/queue", repSession)).isEqualTo("302 /login?ended");
        assertThat(open("/settings", adminSession)).isEqualTo("in");
    }
}
