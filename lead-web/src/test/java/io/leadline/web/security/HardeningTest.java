package io.leadline.web.security;

import static io.leadline.web.TestRequests.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.user.Role;
import io.leadline.web.TestLeads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Headers, sessions, throttling, password changes, hostile input and the audit log. */
@SpringBootTest
@AutoConfigureMockMvc
class HardeningTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void every_page_carries_a_strict_content_security_policy_and_the_other_headers() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
    }

    @Test
    void templates_have_no_inline_script_style_or_event_handler_so_the_policy_holds() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            List<Path> html = files.filter(p -> p.toString().endsWith(".html")).toList();
            assertThat(html).isNotEmpty();
            for (Path file : html) {
                String text = Files.readString(file);
                assertThat(text)
                        .as(file.toString())
                        .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
                        .doesNotContainPattern("\\sstyle=\"")
                        .doesNotContainPattern("<style")
                        .doesNotContainPattern("\\son[a-z]+=\"")
                        .doesNotContain("th:utext");
            }
        }
    }

    @Test
    void signing_in_rotates_the_session_id() throws Exception {
        String name = unique("rotate");
        accounts.createIfAbsent(name, "rotate-password-1", Role.MARKETER);
        // Sessions live in Postgres (Spring Session JDBC): the session is named by the SESSION cookie.
        var login = mvc.perform(get("/login")).andReturn().getResponse();
        var before = login.getCookie("SESSION");
        assertThat(before)
                .as("the sign-in page starts a session for its CSRF token")
                .isNotNull();
        var token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.getContentAsString());
        assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
        String csrfToken = token.group(1);

        var after = mvc.perform(post("/login")
                        .cookie(before)
                        .param("username", name)
                        .param("password", "rotate-password-1")
                        .param("_csrf", csrfToken)
                        .with(from("10.1.0.1")))
                .andExpect(redirectedUrl("/"))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");

        assertThat(after).isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
    }

    @Test
    void five_failures_block_the_username_even_with_the_right_password_next() throws Exception {
        String name = unique("guessed");
        accounts.createIfAbsent(name, "right-password-1", Role.SALES);
        for (int i = 0; i < LoginThrottle.MAX_PER_USERNAME; i++) {
            mvc.perform(post("/login")
                            .param("username", name)
                            .param("password", "wrong-" + i)
                            .with(csrf())
                            .with(from("10.2.0." + i)))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login")
                        .param("username", name)
                        .param("password", "right-password-1")
                        .with(csrf())
                        .with(from("10.2.1.1")))
                .andExpect(redirectedUrl("/login?blocked"));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'SIGN_IN_FAILED' and actor = ?")
                        .param(name)
                        .query(Long.class)
                        .single())
                .isEqualTo(LoginThrottle.MAX_PER_USERNAME);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'SIGN_IN_BLOCKED' and actor = ?")
                        .param(name)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void unknown_usernames_get_the_same_answers_so_accounts_cannot_be_enumerated() throws Exception {
        String ghost = unique("ghost");
        for (int i = 0; i < LoginThrottle.MAX_PER_USERNAME; i++) {
            mvc.perform(post("/login")
                            .param("username", ghost)
                            .param("password", "whatever-" + i)
                            .with(csrf())
                            .with(from("10.3.0." + i)))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login")
                        .param("username", ghost)
                        .param("password", "whatever")
                        .with(csrf())
                        .with(from("10.3.1.1")))
                .andExpect(redirectedUrl("/login?blocked"));
    }

    @Test
    void too_many_failures_from_one_address_block_it() throws Exception {
        for (int i = 0; i < LoginThrottle.MAX_PER_CLIENT; i++) {
            mvc.perform(post("/login")
                    .param("username", unique("spray"))
                    .param("password", "x")
                    .with(csrf())
                    .with(from("10.4.0.1")));
        }
        mvc.perform(post("/login")
                        .param("username", unique("spray"))
                        .param("password", "x")
                        .with(csrf())
                        .with(from("10.4.0.1")))
                .andExpect(redirectedUrl("/login?blocked"));
    }

    @Test
    void a_session_older_than_the_absolute_limit_ends_however_active() throws Exception {
        Clock nineHoursLater = Clock.offset(Clock.systemUTC(), Duration.ofHours(9));
        var filter = new AbsoluteSessionTimeout(Duration.ofHours(8), nineHoursLater);
        var request = new MockHttpServletRequest("GET", "/queue");
        MockHttpSession session = new MockHttpSession();
        request.setSession(session);
        var response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(session.isInvalid()).isTrue();

        var fresh = new MockHttpServletRequest("GET", "/queue");
        fresh.setSession(new MockHttpSession());
        var ok = new MockHttpServletResponse();
        new AbsoluteSessionTimeout(Duration.ofHours(8), Clock.systemUTC()).doFilter(fresh, ok, new MockFilterChain());
        assertThat(ok.getRedirectedUrl()).isNull();
    }

    @Test
    void a_user_changes_their_password_after_proving_the_current_one() throws Exception {
        String name = unique("changer");
        accounts.createIfAbsent(name, "old-password-12", Role.MARKETER);
        var me = user(name).roles("MARKETER");

        mvc.perform(post("/account/password")
                        .with(me)
                        .with(csrf())
                        .param("currentPassword", "nope")
                        .param("newPassword", "new-password-12")
                        .param("confirmPassword", "new-password-12"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This is not your current password.")));
        mvc.perform(post("/account/password")
                        .with(me)
                        .with(csrf())
                        .param("currentPassword", "old-password-12")
                        .param("newPassword", "short")
                        .param("confirmPassword", "short"))
                .andExpect(content().string(containsString("Use at least 12 characters.")));
        mvc.perform(post("/account/password")
                        .with(me)
                        .with(csrf())
                        .param("currentPassword", "old-password-12")
                        .param("newPassword", "new-password-12")
                        .param("confirmPassword", "new-password-13"))
                .andExpect(content().string(containsString("The two new passwords differ.")));
        mvc.perform(post("/account/password")
                        .with(me)
                        .with(csrf())
                        .param("currentPassword", "old-password-12")
                        .param("newPassword", "new-password-12")
                        .param("confirmPassword", "new-password-12"))
                .andExpect(redirectedUrl("/"));

        mvc.perform(post("/login")
                        .param("username", name)
                        .param("password", "new-password-12")
                        .with(csrf())
                        .with(from("10.5.0.1")))
                .andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'PASSWORD_CHANGED' and actor = ?")
                        .param(name)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void hostile_text_is_stored_as_text_shown_escaped_and_harmless_in_filters() throws Exception {
        String script = "<script>alert('x')</script>";
        String sql = "Robert'); drop table lead; --";
        long id = TestLeads.capture(mvc, "Hostile " + script, "CEO " + sql, 3000, "paid_search");
        mvc.perform(post("/leads/new")
                .with(user("mia").roles("MARKETER"))
                .with(csrf())
                .param("fullName", sql)
                .param("email", unique("hostile") + "@acme.com")
                .param("company", "%_\\' OR 1=1 --")
                .param("jobTitle", script)
                .param("source", "' or ''='"));

        mvc.perform(get("/leads/{id}", id).with(user("mia").roles("MARKETER")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(script))))
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")));
        for (String hostile : List.of(script, sql, "%", "_", "' OR 1=1 --", "\\")) {
            mvc.perform(get("/queue")
                            .param("company", hostile)
                            .param("source", hostile)
                            .with(user("mia").roles("MARKETER")))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/queue")
                        .param("stage", "WON; drop table lead")
                        .with(user("mia").roles("MARKETER")))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("select count(*) from lead where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void sign_ins_and_disqualifications_land_in_the_audit_log_that_admins_read() throws Exception {
        String name = unique("audited");
        accounts.createIfAbsent(name, "audited-password", Role.SALES);
        mvc.perform(post("/login")
                .param("username", name)
                .param("password", "audited-password")
                .with(csrf())
                .with(from("10.6.0.1")));
        long lead = TestLeads.capture(mvc, "Audit Lead", "CEO", 3000, "paid_search");
        mvc.perform(
                post("/queue/{id}/claim", lead).with(user(name).roles("SALES")).with(csrf()));
        mvc.perform(post("/leads/{id}/disqualify", lead)
                .param("reason", "no_need")
                .with(user(name).roles("SALES"))
                .with(csrf()));

        mvc.perform(get("/settings/audit").with(user("ada").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("Signed in")))
                .andExpect(content().string(containsString("Lead disqualified")))
                .andExpect(content().string(containsString("lead " + lead)))
                .andExpect(content().string(containsString("10.6.0.1")));
        mvc.perform(get("/settings/audit")
                        .param("action", "LEAD_CLAIMED")
                        .with(user("ada").roles("ADMIN")))
                .andExpect(content().string(containsString("Lead claimed")))
                .andExpect(content().string(not(containsString("<td>Signed in</td>"))));
    }
}
