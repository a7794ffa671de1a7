package io.leadline.web.inbox;

import static io.leadline.testing.Eventually.eventually;
import static io.leadline.web.api.ApiClients.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.leadline.core.inbox.Inbox;
import io.leadline.core.inbox.InboxItem;
import io.leadline.core.user.Role;
import io.leadline.web.TestLeads;
import io.leadline.web.api.ApiClients;
import io.leadline.web.api.ApiTokenRegistry;
import io.leadline.web.security.UserAccounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A rep learns of a lead given to them and of a hand-raise on one of their leads, in the inbox and its header count. */
@SpringBootTest
@AutoConfigureMockMvc
class InboxTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ApiTokenRegistry tokens;

    @Autowired
    Inbox inbox;

    @Autowired
    JdbcClient jdbc;

    private final String rep = "inbox-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void aRep() {
        accounts.createIfAbsent(rep, "inbox-password-1", Role.SALES);
    }

    @Test
    void an_assignment_and_a_hand_raise_reach_the_reps_inbox_and_opening_one_marks_it_read() throws Exception {
        long id = TestLeads.capture(mvc, "Inbox Lead " + rep, "CEO", 3000, "webinar");
        mvc.perform(post("/leads/{id}/assign", id)
                        .param("rep", rep)
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        eventually(() -> assertThat(inbox.unread(rep)).isEqualTo(1));
        assertThat(page("/inbox"))
                .contains("Inbox Lead " + rep + " is yours (by admin).")
                .contains("aria-label=\"Inbox, 1 unread\"");

        String token = ApiClients.token(tokens, Role.MARKETER);
        mvc.perform(post("/api/activities")
                        .with(bearer(token))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"items\": [{\"leadId\": %d, \"type\": \"demo_request\"}, {\"leadId\": %d, \"type\": \"email_open\"}]}"
                                        .formatted(id, id)))
                .andExpect(status().isOk());
        eventually(() -> assertThat(inbox.unread(rep)).isEqualTo(2));
        InboxItem newest = inbox.latest(rep, 10).getFirst();
        assertThat(newest.kind()).isEqualTo(InboxItem.Kind.HAND_RAISED);
        assertThat(newest.text()).isEqualTo("Inbox Lead " + rep + ", one of your leads: demo request.");

        mvc.perform(post("/inbox/{id}/open", newest.id())
                        .with(user(rep).roles("SALES"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/leads/" + id));
        assertThat(inbox.unread(rep)).isEqualTo(1);
        // Someone else's notice is not theirs to open.
        mvc.perform(post("/inbox/{id}/open", newest.id())
                        .with(user("rita").roles("SALES"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/inbox"));
        mvc.perform(post("/inbox/read").with(user(rep).roles("SALES")).with(csrf()))
                .andExpect(redirectedUrl("/inbox"));
        assertThat(inbox.unread(rep)).isZero();
        assertThat(page("/queue")).contains("aria-label=\"Inbox\"");
    }

    @Test
    void the_rep_who_recycled_a_lead_hears_when_it_is_back_from_nurture() throws Exception {
        long id = TestLeads.capture(mvc, "Nurtured Lead " + rep, "CEO", 3000, "webinar");
        mvc.perform(post("/leads/{id}/assign", id)
                        .param("rep", rep)
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/leads/{id}/recycle", id)
                        .param("revisitOn", LocalDate.now().plusDays(30).toString())
                        .param("note", "next budget year")
                        .with(user(rep).roles("SALES"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        jdbc.sql("update lead set revisit_on = current_date - 1 where id = ?")
                .param(id)
                .update();

        String token = ApiClients.token(tokens, Role.MARKETER);
        mvc.perform(post("/api/activities")
                        .with(bearer(token))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"items\": [{\"leadId\": %d, \"type\": \"email_open\"}]}".formatted(id)))
                .andExpect(status().isOk());

        eventually(() -> assertThat(inbox.latest(rep, 20)).anySatisfy(item -> {
            assertThat(item.kind()).isEqualTo(InboxItem.Kind.BACK_FROM_NURTURE);
            assertThat(item.text())
                    .isEqualTo("Nurtured Lead " + rep + ", whom you recycled, is back from nurture as an MQL.");
        }));
    }

    @Test
    void the_same_event_delivered_twice_is_one_notice() throws Exception {
        long id = TestLeads.capture(mvc, "Twice " + rep, "Student", 1, "webinar");
        String key = "test:" + rep;
        assertThat(inbox.deliver(rep, InboxItem.Kind.ASSIGNED, id, "once", Instant.now(), key))
                .isTrue();
        assertThat(inbox.deliver(rep, InboxItem.Kind.ASSIGNED, id, "once", Instant.now(), key))
                .isFalse();
        assertThat(inbox.latest(rep, 10)).hasSize(1);
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(user(rep).roles("SALES")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
