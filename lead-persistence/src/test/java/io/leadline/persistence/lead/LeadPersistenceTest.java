package io.leadline.persistence.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.Leads;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.queue.QueueEntry;
import io.leadline.core.queue.QueueFilter;
import io.leadline.core.queue.SalesQueue;
import io.leadline.core.scoring.LeadScores;
import io.leadline.core.scoring.Score;
import io.leadline.core.scoring.ScoringModel;
import io.leadline.core.scoring.StarterModel;
import io.leadline.core.user.Role;
import io.leadline.persistence.queue.QueueStages;
import io.leadline.persistence.user.AppUser;
import io.leadline.persistence.user.AppUsers;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

@SpringBootTest
class LeadPersistenceTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Autowired
    Leads leads;

    @Autowired
    LeadScores scores;

    @Autowired
    SalesQueue queue;

    @Autowired
    AppUsers users;

    @Autowired
    JdbcClient jdbc;

    private final ScoringModel model = StarterModel.version1();

    @Test
    void a_lead_round_trips_with_its_profile_and_custom_attributes() {
        Lead saved = leads.save(Lead.capture(profile(unique("ana"), "CTO", 1200, Map.of("segment", "health")), NOW));

        Lead read = leads.byId(saved.id()).orElseThrow();

        assertThat(read.id()).isNotNull();
        assertThat(read.version()).isZero();
        assertThat(read.profile()).isEqualTo(saved.profile());
        assertThat(read.profile().attributes()).containsEntry("segment", "health");
        assertThat(read.stage()).isEqualTo(LifecycleStage.NEW);
        assertThat(read.createdAt()).isEqualTo(NOW);
        assertThat(leads.idWithEmail(read.profile().email())).contains(read.id());
    }

    @Test
    void the_sql_display_name_is_the_one_the_domain_gives() {
        String tag = UUID.randomUUID().toString();
        for (Lead lead : List.of(
                Lead.capture(
                        new LeadProfile(
                                "Paula Lima",
                                new EmailAddress(unique("named")),
                                null,
                                null,
                                null,
                                null,
                                null,
                                Map.of()),
                        NOW),
                Lead.capture(
                        new LeadProfile(
                                null, new EmailAddress(unique("unnamed")), null, null, null, null, null, Map.of()),
                        NOW),
                Lead.capture(new LeadProfile(null, null, null, null, null, null, null, Map.of()), "crm-" + tag, NOW))) {
            Lead saved = leads.save(lead);
            assertThat(jdbc.sql("select " + LeadSql.DISPLAY_NAME + " from lead l where l.id = ?")
                            .param(saved.id())
                            .query(String.class)
                            .single())
                    .isEqualTo(saved.displayName());
        }
    }

    @Test
    void the_database_refuses_a_second_lead_with_the_same_email() {
        String email = unique("dup");
        leads.save(Lead.capture(profile(email, null, null, Map.of()), NOW));

        assertThatThrownBy(() -> leads.save(Lead.capture(profile(email, null, null, Map.of()), NOW)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void the_database_refuses_an_email_that_is_not_lower_case() {
        Lead saved = leads.save(Lead.capture(profile(unique("case"), null, null, Map.of()), NOW));

        assertThatThrownBy(() -> jdbc.sql("update lead set email = upper(email) where id = ?")
                        .param(saved.id())
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("lead_email_is_normalised");
    }

    @Test
    void saving_a_stale_copy_of_a_lead_is_a_conflict_not_a_lost_update() {
        Lead original = leads.save(Lead.capture(profile(unique("stale"), null, null, Map.of()), NOW));
        leads.save(original.moveTo(LifecycleStage.MQL, "system", "test", NOW).lead());

        Lead stale = original.moveTo(LifecycleStage.DISQUALIFIED, "rita", "test", NOW)
                .lead();

        assertThatThrownBy(() -> leads.save(stale)).isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(leads.byId(original.id()).orElseThrow().stage()).isEqualTo(LifecycleStage.MQL);
    }

    @Test
    void the_queue_ranks_mqls_by_priority_and_pages_by_keyset() {
        String rep = unique("rep");
        users.save(new AppUser(rep, "{noop}x", Role.SALES, NOW));
        Lead best = storeScored(profile(unique("best"), "CEO", 5000, Map.of()));
        Lead middle = storeScored(profile(unique("mid"), "VP Sales", 300, Map.of()));
        Lead notMql = storeScored(profile(unique("low"), "Student", null, Map.of()));
        Lead claimed =
                leads.save(leads.byId(middle.id()).orElseThrow().claim(rep, NOW).lead());

        var firstTwo = queue.page(null, 2);
        var ids = jdbc.sql(
                        "select lead_id from lead_score where stage in ('MQL','ACCEPTED','SQL') order by priority desc, lead_id desc")
                .query(Long.class)
                .list();

        assertThat(firstTwo)
                .extracting(QueueEntry::leadId)
                .containsExactlyElementsOf(ids.subList(0, Math.min(2, ids.size())));
        assertThat(ids).contains(best.id(), claimed.id()).doesNotContain(notMql.id());
        assertThat(ids.indexOf(best.id())).isLessThan(ids.indexOf(claimed.id()));
        QueueEntry claimedEntry = queue.page(null, 1000).stream()
                .filter(e -> e.leadId() == claimed.id())
                .findFirst()
                .orElseThrow();
        assertThat(claimedEntry.stage()).isEqualTo(LifecycleStage.ACCEPTED);
        assertThat(claimedEntry.owner()).isEqualTo(rep);

        var afterFirst = queue.page(firstTwo.getFirst().position(QueueFilter.Order.PRIORITY), 1);
        assertThat(afterFirst).extracting(QueueEntry::leadId).containsExactly(ids.get(1));
    }

    @Test
    void the_partial_queue_index_covers_exactly_the_stages_the_domain_puts_in_the_queue() {
        String index = jdbc.sql("select pg_get_indexdef('lead_score_queue_idx'::regclass)")
                .query(String.class)
                .single();
        for (LifecycleStage stage : LifecycleStage.values()) {
            assertThat(index.contains("'" + stage.name() + "'"))
                    .as(stage + " in " + index)
                    .isEqualTo(stage.inSalesQueue());
        }
        assertThat(QueueStages.SQL_LIST).isEqualTo("('MQL', 'ACCEPTED', 'SQL')");
    }

    @Test
    void a_lead_entering_the_queue_starts_its_response_clock() {
        Lead lead = storeScored(profile(unique("clock"), "CEO", 5000, Map.of()));
        var queuedAt = jdbc.sql("select queued_at from lead_score where lead_id = ?")
                .param(lead.id())
                .query(Timestamp.class)
                .single();
        assertThat(queuedAt).isNotNull();
        Lead low = storeScored(profile(unique("noclock"), "Student", null, Map.of()));
        assertThat(jdbc.sql("select queued_at from lead_score where lead_id = ?")
                        .param(low.id())
                        .query(Timestamp.class)
                        .optional())
                .isEmpty();
    }

    private Lead storeScored(LeadProfile profile) {
        Score score = model.score(profile);
        Lead lead = leads.save(Lead.capture(profile, NOW));
        var transition = lead.qualifyBy(score, NOW);
        if (transition.isPresent()) {
            lead = leads.save(transition.get().lead());
            leads.recordStageChange(lead.id(), transition.get().change());
        }
        scores.save(lead.id(), score, lead.stage(), NOW);
        assertThat(scores.of(lead.id()).orElseThrow().score()).isEqualTo(score.total());
        return lead;
    }

    private static LeadProfile profile(String email, String title, Integer size, Map<String, String> attributes) {
        return new LeadProfile(
                "Paula Lima", new EmailAddress(email), "Acme", title, size, "BR", "paid_search", attributes);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@acme.com";
    }
}
