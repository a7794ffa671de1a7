package io.leadline.web.inbox;

import static io.leadline.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.inbox.Inbox;
import io.leadline.core.inbox.InboxItem;
import io.leadline.core.user.Role;
import io.leadline.web.SmtpReceiver;
import io.leadline.web.TestLeads;
import io.leadline.web.security.UserAccounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Alert mails through a real SMTP server started by the test: at once, or as an hourly digest, and never twice. */
@SpringBootTest
@AutoConfigureMockMvc
class AlertMailTest {

    static final SmtpReceiver SMTP;

    static {
        try {
            SMTP = new SmtpReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException("the test's SMTP server could not start", e);
        }
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
        registry.add("leadline.mail.poll-millis", () -> "200");
        registry.add("leadline.mail.base-url", () -> "https://leadline.example.com");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Inbox inbox;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_rep_who_wants_alerts_at_once_gets_one_mail_per_notice_and_never_a_second() throws Exception {
        String rep = "mail-" + tag;
        accounts.createIfAbsent(rep, "mail-password-1", Role.SALES);
        mvc.perform(post("/account/alerts")
                        .with(user(rep).roles("SALES"))
                        .with(csrf())
                        .param("email", "not an address")
                        .param("mode", "INSTANT"))
                .andExpect(status().isBadRequest())
                .andExpect(
                        content().string(Matchers.containsString("id=\"email-error\">That is not an email address.")));
        mvc.perform(post("/account/alerts")
                        .with(user(rep).roles("SALES"))
                        .with(csrf())
                        .param("email", rep + "@acme.com")
                        .param("mode", "INSTANT"))
                .andExpect(redirectedUrl("/account/alerts"));

        long id = TestLeads.capture(mvc, "Mailed Lead " + tag, "CEO", 3000, "webinar");
        mvc.perform(post("/leads/{id}/assign", id)
                        .param("rep", rep)
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        eventually(() -> assertThat(to(rep + "@acme.com")).hasSize(1));
        SmtpReceiver.Message mail = to(rep + "@acme.com").getFirst();
        assertThat(mail.text())
                .contains("Subject: Leadline: Mailed Lead " + tag + " is yours (by admin).")
                .contains("https://leadline.example.com/leads/" + id);
        Thread.sleep(1_000); // several polls later
        assertThat(to(rep + "@acme.com")).as("never twice").hasSize(1);
        mvc.perform(get("/account/alerts").with(user(rep).roles("SALES")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Mail is off on this server"))));
    }

    @Test
    void an_hourly_digest_waits_for_its_hour_then_carries_every_notice_in_one_mail() throws Exception {
        String rep = "digest-" + tag;
        accounts.createIfAbsent(rep, "mail-password-1", Role.SALES);
        mvc.perform(post("/account/alerts")
                        .with(user(rep).roles("SALES"))
                        .with(csrf())
                        .param("email", rep + "@acme.com")
                        .param("mode", "HOURLY"))
                .andExpect(redirectedUrl("/account/alerts"));
        for (String name : List.of("First", "Second")) {
            long id = TestLeads.capture(mvc, name + " Digest " + tag, "CEO", 3000, "webinar");
            mvc.perform(post("/leads/{id}/assign", id)
                            .param("rep", rep)
                            .with(user("admin").roles("ADMIN"))
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        eventually(() -> assertThat(jdbc.sql("select count(*) from inbox_item where username = ?")
                        .param(rep)
                        .query(Long.class)
                        .single())
                .isEqualTo(2));
        Thread.sleep(600);
        assertThat(to(rep + "@acme.com")).as("the hour has not passed").isEmpty();

        jdbc.sql("update inbox_item set at = at - interval '61 minutes' where username = ?")
                .param(rep)
                .update();
        eventually(() -> assertThat(to(rep + "@acme.com")).hasSize(1));
        assertThat(to(rep + "@acme.com").getFirst().text())
                .contains("Subject: Leadline: 2 notices in your inbox")
                .contains("First Digest " + tag)
                .contains("Second Digest " + tag);
    }

    @Test
    void a_rep_mails_only_the_kinds_of_notice_they_ticked() throws Exception {
        String rep = "kinds-" + tag;
        accounts.createIfAbsent(rep, "mail-password-1", Role.SALES);
        mvc.perform(post("/account/alerts")
                        .with(user(rep).roles("SALES"))
                        .with(csrf())
                        .param("email", rep + "@acme.com")
                        .param("mode", "INSTANT")
                        .param("_kinds", "on"))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(Matchers.containsString("Tick at least one kind of notice, or choose no mail.")));
        mvc.perform(post("/account/alerts")
                        .with(user(rep).roles("SALES"))
                        .with(csrf())
                        .param("email", rep + "@acme.com")
                        .param("mode", "INSTANT")
                        .param("kinds", "SLA_BREACHED")
                        .param("_kinds", "on"))
                .andExpect(redirectedUrl("/account/alerts"));
        mvc.perform(get("/account/alerts").with(user(rep).roles("SALES")))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*value=\"SLA_BREACHED\"[^>]*checked.*")))
                .andExpect(content()
                        .string(Matchers.not(Matchers.matchesPattern("(?s).*value=\"ASSIGNED\"[^>]*checked.*"))));

        long id = TestLeads.capture(mvc, "Unmailed Lead " + tag, "CEO", 3000, "webinar");
        mvc.perform(post("/leads/{id}/assign", id)
                        .param("rep", rep)
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        eventually(() -> assertThat(inbox.unread(rep)).isEqualTo(1));
        Thread.sleep(600); // several polls
        assertThat(to(rep + "@acme.com"))
                .as("an assignment is not a kind they mail")
                .isEmpty();

        inbox.deliver(
                rep,
                InboxItem.Kind.SLA_BREACHED,
                id,
                "Unmailed Lead " + tag + " has waited past the 24 hours response time.",
                Instant.now(),
                "test-breach:" + tag);
        eventually(() -> assertThat(to(rep + "@acme.com")).hasSize(1));
        assertThat(to(rep + "@acme.com").getFirst().text()).contains("has waited past the 24 hours response time");
    }

    private static List<SmtpReceiver.Message> to(String address) {
        return SMTP.messages().stream()
                .filter(m -> m.recipients().contains(address))
                .toList();
    }
}
