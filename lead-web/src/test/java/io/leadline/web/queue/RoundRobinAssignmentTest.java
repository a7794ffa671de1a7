package io.leadline.web.queue;

import static io.leadline.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.Leads;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.user.Role;
import io.leadline.web.capture.LeadCapture;
import io.leadline.web.security.UserAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With round-robin on, new MQLs go to reps in turn and never beyond a rep's capacity. */
@SpringBootTest(properties = "leadline.queue.round-robin=true")
class RoundRobinAssignmentTest {

    @Autowired
    LeadCapture capture;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Leads leads;

    @Test
    void new_mqls_are_shared_among_reps_with_room() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        // Only these reps may take leads in this test: every other SALES user is switched off for it.
        jdbc.sql("update app_user set enabled = false where role = 'SALES'").update();
        accounts.createIfAbsent("rr-ana-" + tag, "round-robin-pass", Role.SALES);
        accounts.createIfAbsent("rr-bo-" + tag, "round-robin-pass", Role.SALES);
        jdbc.sql("update app_user set capacity = 2 where username = ?")
                .param("rr-bo-" + tag)
                .update();

        List<Lead> captured = new ArrayList<>();
        Lead belowThreshold;
        try {
            for (int i = 0; i < 6; i++) {
                Lead lead = capture.capture(new LeadProfile(
                        "Robin " + i,
                        new EmailAddress("rr-" + tag + "-" + i + "@acme.com"),
                        "Acme",
                        "CEO",
                        3000,
                        "BR",
                        "paid_search",
                        Map.of()));
                // Assigned after the capture commits, by the listener of its LeadsBecameMql event.
                eventually(() ->
                        assertThat(leads.byId(lead.id()).orElseThrow().owner()).isNotNull());
                captured.add(leads.byId(lead.id()).orElseThrow());
            }
            belowThreshold = capture.capture(new LeadProfile(
                    "Robin low",
                    new EmailAddress("rr-" + tag + "-low@acme.com"),
                    "Acme",
                    "Analyst",
                    5,
                    "BR",
                    "email",
                    Map.of()));
        } finally {
            jdbc.sql("update app_user set enabled = true where role = 'SALES'").update();
        }

        assertThat(captured).allSatisfy(l -> assertThat(l.stage()).isEqualTo(LifecycleStage.ACCEPTED));
        assertThat(captured.stream()
                        .filter(l -> l.owner().equals("rr-bo-" + tag))
                        .count())
                .isEqualTo(2);
        assertThat(captured.stream()
                        .filter(l -> l.owner().equals("rr-ana-" + tag))
                        .count())
                .isEqualTo(4);
        // In turn (never-assigned first, then by name) until Bo is full at 2; Ana takes the rest.
        assertThat(captured)
                .extracting(Lead::owner)
                .containsExactly(
                        "rr-ana-" + tag,
                        "rr-bo-" + tag,
                        "rr-ana-" + tag,
                        "rr-bo-" + tag,
                        "rr-ana-" + tag,
                        "rr-ana-" + tag);
        assertThat(belowThreshold.owner()).isNull();
    }
}
