package io.leadline.web.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.qualification.SalesRules;
import io.leadline.core.user.Role;
import io.leadline.web.TestLeads;
import io.leadline.web.security.UserAccounts;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An unclaimed MQL close to its response time, and past it, becomes one notice per rep each, however often (and on
 * however many instances) the watch polls. The poll runs at an instant far ahead, so only this test's lead is in its
 * window.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SlaNoticesTest {

    private static final Instant LATER = Instant.parse("2100-01-01T12:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    SlaNotices notices;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SalesRules rules;

    private long notices(String rep, long lead, String kind) {
        return jdbc.sql("select count(*) from inbox_item where username = ? and lead_id = ? and kind = ?")
                .params(rep, lead, kind)
                .query(Long.class)
                .single();
    }

    @Test
    void reps_are_told_once_when_the_response_time_is_about_to_run_out_and_once_when_it_has() throws Exception {
        String rep = "sla-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createIfAbsent(rep, "sla-rep-password", Role.SALES);
        long lead = TestLeads.capture(mvc, "Sla Watched " + rep, "CTO", 2500, "paid_search");
        assertThat(jdbc.sql("select stage from lead where id = ?")
                        .param(lead)
                        .query(String.class)
                        .single())
                .isEqualTo("MQL");
        int hours = rules.slaHours();
        Instant queued = LATER.minus(Duration.ofHours(hours)).plus(Duration.ofMinutes(30)); // 30 minutes left
        jdbc.sql("update lead_score set queued_at = ? where lead_id = ?")
                .params(Timestamp.from(queued), lead)
                .update();

        assertThat(notices.notifyNow(LATER)).isPositive();
        assertThat(notices.notifyNow(LATER.plusSeconds(60)))
                .as("the next poll gives nothing new")
                .isZero();
        assertThat(notices(rep, lead, "SLA_AT_RISK")).isEqualTo(1);
        assertThat(jdbc.sql("select text from inbox_item where username = ? and lead_id = ?")
                        .params(rep, lead)
                        .query(String.class)
                        .single())
                .contains("runs out in")
                .contains("Sla Watched");

        notices.notifyNow(LATER.plus(Duration.ofHours(1)));
        notices.notifyNow(LATER.plus(Duration.ofHours(2)));
        assertThat(notices(rep, lead, "SLA_BREACHED")).isEqualTo(1);

        jdbc.sql("update lead set owner = ?, stage = 'ACCEPTED' where id = ?")
                .params(rep, lead)
                .update();
        jdbc.sql("delete from inbox_item where lead_id = ?").param(lead).update();
        assertThat(notices.notifyNow(LATER.plus(Duration.ofHours(3))))
                .as("a claimed lead is nobody's worry")
                .isZero();
    }
}
