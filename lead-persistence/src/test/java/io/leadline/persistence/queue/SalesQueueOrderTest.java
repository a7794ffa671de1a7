package io.leadline.persistence.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.activity.ActivityType;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.Leads;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.queue.HandRaisers;
import io.leadline.core.queue.QueueEntry;
import io.leadline.core.queue.QueueFilter;
import io.leadline.core.queue.QueuePosition;
import io.leadline.core.queue.SalesQueue;
import io.leadline.core.scoring.LeadScores;
import io.leadline.core.scoring.StarterModel;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The queue's SQL ranks as lead-core's {@link QueueFilter.Order#key} says, page after page; the hand-raisers have their
 * own lane, the most recent first, and are not in the ranked list.
 */
@SpringBootTest
class SalesQueueOrderTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Autowired
    Leads leads;

    @Autowired
    LeadScores scores;

    @Autowired
    SalesQueue queue;

    @Autowired
    JdbcClient jdbc;

    private String source;
    private final List<Long> ids = new ArrayList<>();

    /** Twenty MQLs of a source of their own, with scores, priorities and queue times drawn from a fixed seed. */
    @BeforeEach
    void twentyMqls() {
        source = "queue_order_" + UUID.randomUUID().toString().replace("-", "");
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Lead lead = leads.save(Lead.capture(
                    new LeadProfile(
                            "Lead " + i,
                            new EmailAddress("q" + i + "-" + source + "@acme.com"),
                            null,
                            null,
                            null,
                            "BR",
                            source,
                            Map.of()),
                    NOW));
            scores.save(
                    lead.id(), StarterModel.version1().score(lead.profile(), List.of(), NOW), LifecycleStage.MQL, NOW);
            // Ties on purpose (score and priority from a small range), so the lead id decides between them.
            jdbc.sql("update lead_score set score = ?, priority = ?, queued_at = ? where lead_id = ?")
                    .params(
                            random.nextInt(5) * 10,
                            random.nextInt(4) * 100,
                            Timestamp.from(NOW.minus(Duration.ofMinutes(random.nextInt(3)))),
                            lead.id())
                    .update();
            ids.add(lead.id());
        }
    }

    @ParameterizedTest
    @EnumSource(QueueFilter.Order.class)
    void every_order_pages_through_the_queue_as_the_domain_ranks_it(QueueFilter.Order order) {
        QueueFilter filter =
                new QueueFilter(QueueFilter.Scope.ALL, null, null, source, null, null, null, order, null, null);
        List<QueueEntry> paged = new ArrayList<>();
        QueuePosition after = null;
        for (int page = 0; page < 20; page++) {
            List<QueueEntry> entries = queue.page(filter, after, 3);
            paged.addAll(entries);
            if (entries.size() < 3) {
                break;
            }
            after = entries.getLast().position(order);
        }
        assertThat(paged).extracting(QueueEntry::leadId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(paged)
                .containsExactlyElementsOf(paged.stream()
                        .sorted(Comparator.comparingLong(order::key).thenComparingLong(QueueEntry::leadId))
                        .toList());
    }

    @Test
    void hand_raisers_have_their_own_lane_the_most_recent_first() {
        long older = ids.get(3);
        long newer = ids.get(11);
        activity(older, "demo_request", NOW.minus(Duration.ofDays(2)));
        activity(newer, "pricing_page_visit", NOW.minus(Duration.ofHours(1)));
        activity(ids.get(5), "demo_request", NOW.minus(Duration.ofDays(9))); // too long ago
        activity(ids.get(6), "email_open", NOW); // not a hand-raise
        HandRaisers raisers = new HandRaisers(Set.of(ActivityType.DEMO_REQUEST, ActivityType.PRICING_PAGE_VISIT), 7);
        QueueFilter filter = new QueueFilter(
                QueueFilter.Scope.ALL, null, null, source, null, null, null, QueueFilter.Order.PRIORITY, raisers, NOW);

        List<QueueEntry> hot = queue.handRaisers(filter, 10);
        assertThat(hot).extracting(QueueEntry::leadId).containsExactly(newer, older);
        assertThat(hot.getFirst().handRaisedAt()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        List<QueueEntry> rest =
                queue.page(filter, hot.stream().map(QueueEntry::leadId).toList(), null, 50);
        assertThat(rest).extracting(QueueEntry::leadId).hasSize(18).doesNotContain(newer, older);
        assertThat(rest).allMatch(e -> !e.hot());
        // A lane of one: the other hand-raiser stays in the ranked list.
        List<QueueEntry> laneOfOne = queue.handRaisers(filter, 1);
        assertThat(laneOfOne).extracting(QueueEntry::leadId).containsExactly(newer);
        assertThat(queue.page(filter, List.of(newer), null, 50))
                .extracting(QueueEntry::leadId)
                .hasSize(19)
                .contains(older);
        // No hand-raisers set: no lane, everyone ranked.
        QueueFilter off = new QueueFilter(
                QueueFilter.Scope.ALL,
                null,
                null,
                source,
                null,
                null,
                null,
                QueueFilter.Order.PRIORITY,
                new HandRaisers(Set.of(), 7),
                NOW);
        assertThat(queue.handRaisers(off, 10)).isEmpty();
        assertThat(queue.page(off, null, 50)).hasSize(20);
    }

    @Test
    void the_count_agrees_with_the_queue_with_and_without_filters() {
        String rep = "count-" + source;
        jdbc.sql("insert into app_user (username, password_hash, role) values (?, 'x', 'SALES')")
                .param(rep)
                .update();
        jdbc.sql("update lead set owner = ? where id in (?, ?)")
                .params(rep, ids.get(0), ids.get(1))
                .update();
        QueueFilter.Order order = QueueFilter.Order.PRIORITY;

        assertThat(queue.countUpTo(
                        new QueueFilter(QueueFilter.Scope.ALL, rep, null, source, null, null, null, order, null, null),
                        100))
                .isEqualTo(20);
        assertThat(queue.countUpTo(
                        new QueueFilter(
                                QueueFilter.Scope.UNASSIGNED, rep, null, source, null, null, null, order, null, null),
                        100))
                .isEqualTo(18);
        // Filters on the lead alone, without the source: the count still reads the lead.
        assertThat(queue.countUpTo(
                        new QueueFilter(QueueFilter.Scope.MINE, rep, null, null, null, null, null, order, null, null),
                        100))
                .isEqualTo(2);
        assertThat(queue.countUpTo(
                        new QueueFilter(
                                QueueFilter.Scope.MINE,
                                rep,
                                LifecycleStage.SQL,
                                null,
                                null,
                                null,
                                null,
                                order,
                                null,
                                null),
                        100))
                .isZero();
        // Unfiltered, the count reads the score rows alone: every lead in a queue stage, up to the cap.
        QueueFilter everyone =
                new QueueFilter(QueueFilter.Scope.ALL, rep, null, null, null, null, null, order, null, null);
        long inQueue = jdbc.sql(
                        "select count(*) from lead_score s join lead l on l.id = s.lead_id where s.stage in ('MQL', 'ACCEPTED', 'SQL')")
                .query(Long.class)
                .single();
        assertThat(queue.countUpTo(everyone, Long.MAX_VALUE)).isEqualTo(inQueue);
        assertThat(queue.countUpTo(everyone, 5)).isEqualTo(5);
    }

    private void activity(long leadId, String type, Instant at) {
        jdbc.sql("insert into activity (lead_id, type, occurred_at) values (?, ?, ?)")
                .params(leadId, type, Timestamp.from(at))
                .update();
    }
}
