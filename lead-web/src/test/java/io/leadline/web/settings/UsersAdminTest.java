package io.leadline.web.settings;

import static io.leadline.web.TestRequests.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class UsersAdminTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private ResultActions admin(String path, String... params) throws Exception {
        var request = post(path).with(user("ada").roles("ADMIN")).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    private ResultActions signIn(String name, String password, String address) throws Exception {
        return mvc.perform(post("/login")
                .param("username", name)
                .param("password", password)
                .with(csrf())
                .with(from(address)));
    }

    @Test
    void an_admin_creates_a_user_changes_role_and_capacity_deactivates_and_resets_the_password() throws Exception {
        String name = "newrep-" + UUID.randomUUID().toString().substring(0, 6);
        admin("/settings/users", "username", name, "password", "first-password-1", "role", "SALES", "capacity", "12")
                .andExpect(flash().attribute("message", "Created " + name + " (Sales rep)."));
        signIn(name, "first-password-1", "10.7.0.1").andExpect(redirectedUrl("/"));

        admin("/settings/users/" + name + "/role", "role", "MARKETER")
                .andExpect(flash().attribute("message", name + " is now Marketer."));
        admin("/settings/users/" + name + "/capacity", "capacity", "40");
        var row = jdbc.sql("select role, capacity from app_user where username = ?")
                .param(name)
                .query()
                .singleRow();
        assertThat(row).containsEntry("role", "MARKETER").containsEntry("capacity", 40);

        admin("/settings/users/" + name + "/enabled", "enabled", "false");
        signIn(name, "first-password-1", "10.7.0.2").andExpect(redirectedUrl("/login?error"));
        admin("/settings/users/" + name + "/enabled", "enabled", "true");

        String message = (String) admin("/settings/users/" + name + "/password")
                .andReturn()
                .getFlashMap()
                .get("message");
        String password = message.substring(message.indexOf(": ") + 2, message.indexOf(" — "));
        signIn(name, password, "10.7.0.3").andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ROLE_CHANGED' and target = ?")
                        .param("user " + name)
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void a_short_password_or_a_taken_name_is_refused() throws Exception {
        admin(
                        "/settings/users",
                        "username",
                        "shorty-" + UUID.randomUUID().toString().substring(0, 4),
                        "password",
                        "short")
                .andExpect(flash().attribute("error", Matchers.containsString("at least 12 characters")));
        admin("/settings/users", "username", "admin", "password", "long-enough-password")
                .andExpect(flash().attribute("error", "The username admin is taken."));
    }

    @Test
    void the_last_active_admin_cannot_be_demoted_or_deactivated() throws Exception {
        String last = "lastadmin-" + UUID.randomUUID().toString().substring(0, 6);
        admin("/settings/users", "username", last, "password", "last-admin-password", "role", "ADMIN");
        var others = jdbc.sql("select username from app_user where role = 'ADMIN' and enabled and username <> ?")
                .param(last)
                .query(String.class)
                .list();
        jdbc.sql("update app_user set enabled = false where username in (:others)")
                .param("others", others)
                .update();
        try {
            admin("/settings/users/" + last + "/enabled", "enabled", "false")
                    .andExpect(flash().attribute(
                                    "error",
                                    "You cannot deactivate the last active admin: make someone else admin first."));
            admin("/settings/users/" + last + "/role", "role", "SALES")
                    .andExpect(
                            flash().attribute(
                                            "error",
                                            "You cannot take the admin role from the last active admin: make someone else admin first."));
        } finally {
            jdbc.sql("update app_user set enabled = true where username in (:others)")
                    .param("others", others)
                    .update();
        }
    }
}
