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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import io.leadline.core.user.Role;
import io.leadline.core.user.SignInRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Failed sign-ins slow guessers without letting anyone lock the owner of an account out. */
@SpringBootTest
@AutoConfigureMockMvc
class SignInThrottleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SignInRecords records;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String signIn(String name, String password, String address) throws Exception {
        return mvc.perform(post("/login")
                        .param("username", name)
                        .param("password", password)
                        .with(csrf())
                        .with(from(address)))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
    }

    @Test
    void guesses_from_other_addresses_do_not_keep_the_owner_out_of_an_address_they_used_before() throws Exception {
        String admin = unique("owner");
        accounts.createIfAbsent(admin, "owner-password-1", Role.ADMIN);
        assertThat(signIn(admin, "owner-password-1", "10.70.0.1")).isEqualTo("/");

        for (int i = 0; i < 12; i++) {
            assertThat(signIn(admin, "guess-" + i, "10.71.0." + i)).isIn("/login?error", "/login?blocked");
        }

        assertThat(signIn(admin, "owner-password-1", "10.71.9.9"))
                .as("a new address waits")
                .isEqualTo("/login?blocked");
        assertThat(signIn(admin, "owner-password-1", "10.70.0.1"))
                .as("the owner's own address does not")
                .isEqualTo("/");
    }

    @Test
    void a_spray_from_a_shared_office_address_does_not_block_the_people_who_work_there() throws Exception {
        String colleague = unique("colleague");
        accounts.createIfAbsent(colleague, "office-password-1", Role.SALES);
        assertThat(signIn(colleague, "office-password-1", "10.72.0.1")).isEqualTo("/");

        for (int i = 0; i < LoginThrottle.MAX_PER_CLIENT + 5; i++) {
            signIn(unique("spray"), "x", "10.72.0.1");
        }

        assertThat(signIn(unique("stranger"), "x", "10.72.0.1"))
                .as("strangers from the address wait")
                .isEqualTo("/login?blocked");
        assertThat(signIn(colleague, "office-password-1", "10.72.0.1"))
                .as("a colleague known there does not")
                .isEqualTo("/");
    }

    @Test
    void the_wait_grows_with_each_failure_and_is_forgotten_after_a_quiet_hour() {
        var clock = new SettableClock(Instant.parse("2030-01-01T09:00:00Z"));
        var throttle = new LoginThrottle(records, clock);
        String name = unique("slow");
        for (int i = 0; i < LoginThrottle.MAX_PER_USERNAME - 1; i++) {
            throttle.failed(name, "10.73.0.1");
        }
        assertThat(throttle.blocked(name, "10.73.0.1"))
                .as("four failures cost nothing")
                .isFalse();

        throttle.failed(name, "10.73.0.1");
        assertThat(throttle.blocked(name, "10.73.0.1")).isTrue();
        clock.advance(Duration.ofSeconds(31));
        assertThat(throttle.blocked(name, "10.73.0.1"))
                .as("the first wait is 30 s")
                .isFalse();

        throttle.failed(name, "10.73.0.1");
        clock.advance(Duration.ofSeconds(31));
        assertThat(throttle.blocked(name, "10.73.0.1")).as("the next is longer").isTrue();
        clock.advance(Duration.ofSeconds(30));
        assertThat(throttle.blocked(name, "10.73.0.1")).isFalse();

        for (int i = 0; i < 20; i++) {
            throttle.failed(name, "10.73.0.1");
        }
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(throttle.blocked(name, "10.73.0.1"))
                .as("never more than 15 minutes")
                .isFalse();

        clock.advance(Duration.ofHours(1));
        throttle.failed(name, "10.73.0.1");
        assertThat(throttle.blocked(name, "10.73.0.1"))
                .as("a quiet hour starts the count again")
                .isFalse();
    }

    @Test
    void admins_see_who_waits_and_clear_it_with_an_audit_entry() throws Exception {
        String name = unique("waiting");
        for (int i = 0; i < LoginThrottle.MAX_PER_USERNAME; i++) {
            signIn(name, "wrong", "10.74.0.1");
        }
        mvc.perform(get("/settings").with(user("throttle-admin").roles("ADMIN")))
                .andExpect(content().string(containsString(name + " from 10.74.0.1")))
                .andExpect(content().string(containsString("username " + name)));

        mvc.perform(post("/settings/throttles/clear")
                        .param("key", "pair:" + name + "@@10.74.0.1")
                        .with(csrf())
                        .with(user("throttle-admin").roles("ADMIN")))
                .andExpect(redirectedUrl("/settings"));
        mvc.perform(post("/settings/throttles/clear")
                        .param("key", "user:" + name)
                        .with(csrf())
                        .with(user("throttle-admin").roles("ADMIN")))
                .andExpect(redirectedUrl("/settings"));

        mvc.perform(get("/settings").with(user("throttle-admin").roles("ADMIN")))
                .andExpect(content().string(not(containsString(name + " from 10.74.0.1"))));
        assertThat(signIn(name, "wrong", "10.74.0.1")).isEqualTo("/login?error");
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where action = 'SIGN_IN_THROTTLE_CLEARED' and actor = 'throttle-admin'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void guesses_of_the_current_password_are_throttled_audited_and_never_confirmed() throws Exception {
        String name = unique("hijacked");
        accounts.createIfAbsent(name, "real-password-12", Role.MARKETER);
        var session = user(name).roles("MARKETER");

        // Typing the right current password as the new one says the same as typing a wrong one would.
        for (String current : new String[] {"real-password-12", "wrong-password-12"}) {
            mvc.perform(post("/account/password")
                            .with(session)
                            .with(csrf())
                            .param("currentPassword", current)
                            .param("newPassword", current)
                            .param("confirmPassword", current))
                    .andExpect(content().string(containsString("The new password must differ from the current one.")));
        }
        for (int i = 0; i < LoginThrottle.MAX_PER_USERNAME; i++) {
            mvc.perform(post("/account/password")
                            .with(session)
                            .with(csrf())
                            .param("currentPassword", "guess-" + i)
                            .param("newPassword", "next-password-12")
                            .param("confirmPassword", "next-password-12"))
                    .andExpect(content().string(containsString("This is not your current password.")));
        }
        mvc.perform(post("/account/password")
                        .with(session)
                        .with(csrf())
                        .param("currentPassword", "real-password-12")
                        .param("newPassword", "next-password-12")
                        .param("confirmPassword", "next-password-12"))
                .andExpect(content().string(containsString("Too many wrong current passwords")));

        assertThat(jdbc.sql("select count(*) from audit_event where action = 'PASSWORD_CHANGE_FAILED' and actor = ?")
                        .param(name)
                        .query(Long.class)
                        .single())
                .isEqualTo(LoginThrottle.MAX_PER_USERNAME + 1);
        assertThat(signIn(name, "next-password-12", "10.75.0.1"))
                .as("the password did not change")
                .isEqualTo("/login?error");
    }

    /** A clock the test moves by hand. */
    static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
