package io.leadline.persistence.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadline.core.queue.ResponseSla;
import io.leadline.core.queue.WorkingHours;
import io.leadline.core.reports.FunnelRow;
import io.leadline.core.reports.Reports;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reports read from the snapshots, against a hand-counted fixture of one source, after a refresh. */
@SpringBootTest
class ReportSnapshotsTest {

    @Autowired
    Reports reports;

    @Autowired
    ReportSnapshots snapshots;

    @Autowired
    JdbcClient jdbc;

    private final String source = "fixture_" + UUID.randomUUID().toString().substring(0, 8);

    /** A lead of the fixture's source, created now, in {@code stage}, scored {@code score}, with its history. */
    private long lead(String stage, int score, String... history) {
        long id = jdbc.sql("""
                insert into lead (id, version, full_name, email, source, stage, created_at, updated_at)
                values (nextval('lead_seq'), 0, 'Fixture', md5(random()::text) || '@fixture.example', ?, ?, now(), now())
                returning id""").params(source, stage).query(Long.class).single();
        jdbc.sql("""
                insert into lead_score (lead_id, model_version, score, fit_points, engagement_points, grade, priority, stage, scored_at)
                values (?, 1, ?, ?, 0, 'B', 0, ?, now())""").params(id, score, score, stage).update();
        for (String move : history) {
            String[] parts = move.split("@"); // "MQL@-30" : into MQL 30 hours ago
            jdbc.sql("insert into stage_change (lead_id, from_stage, to_stage, actor, reason, changed_at) "
                            + "values (?, 'NEW', ?, 'system', 'fixture', now() + make_interval(hours => ?))")
                    .params(id, parts[0], Integer.parseInt(parts[1]))
                    .update();
        }
        queued(id);
        return id;
    }

    /** As the application does: an MQL's response clock runs from its last move into the queue. */
    private void queued(long id) {
        jdbc.sql(
                        "update lead_score set queued_at = (select max(changed_at) from stage_change where lead_id = ? and to_stage = 'MQL') "
                                + "where lead_id = ? and stage = 'MQL'")
                .params(id, id)
                .update();
    }

    @Test
    void funnel_scores_and_sla_are_counted_as_by_hand() {
        lead("NEW", 12); // a lead, nothing more
        lead("MQL", 45, "MQL@-1"); // MQL an hour ago, waiting within a 24 h SLA
        lead("MQL", 47, "MQL@-47"); // MQL 47 h ago, waiting past a 24 h SLA
        lead("ACCEPTED", 61, "MQL@-50", "ACCEPTED@-48"); // claimed 2 h after MQL: in time
        lead("SQL", 68, "MQL@-80", "ACCEPTED@-40", "SQL@-30"); // claimed 40 h after MQL: late; reached SQL
        lead("WON", 90, "MQL@-100", "ACCEPTED@-99", "SQL@-90", "OPPORTUNITY@-80", "WON@-10");
        snapshots.refresh();

        var scope = new Reports.Scope(null, null, source);
        assertThat(reports.funnelBySource(scope)).containsExactly(new FunnelRow(source, 6, 5, 2, 1, 0));
        assertThat(reports.scoreDistribution(scope))
                .extracting(Reports.Band::from, Reports.Band::leads)
                .containsExactly(Tuple.tuple(10, 1L), Tuple.tuple(40, 2L), Tuple.tuple(60, 2L), Tuple.tuple(90, 1L));
        assertThat(reports.slaCompliance(scope, ResponseSla.hours(24))).isEqualTo(new Reports.Sla(2, 1, 1, 1));
        assertThat(reports.slaCompliance(scope, ResponseSla.hours(48)))
                .as("a longer SLA from the same snapshot")
                .isEqualTo(new Reports.Sla(3, 0, 2, 0));
    }

    @Test
    void a_new_lead_shows_after_the_next_refresh() {
        var scope = new Reports.Scope(null, null, source);
        lead("NEW", 5);
        snapshots.refresh();
        assertThat(reports.funnelBySource(scope)).extracting(FunnelRow::leads).containsExactly(1L);
        lead("NEW", 5);
        assertThat(reports.funnelBySource(scope))
                .as("until refreshed")
                .extracting(FunnelRow::leads)
                .containsExactly(1L);
        snapshots.refresh();
        assertThat(reports.funnelBySource(scope)).extracting(FunnelRow::leads).containsExactly(2L);
        assertThat(snapshots.refreshedAt()).isAfter(Instant.now().minusSeconds(60));
    }

    @Test
    void mqls_an_import_brought_as_history_are_not_counted_as_answered_late_but_later_moves_are() {
        long historyJob = importJob(false);
        long freshJob = importJob(true);
        long history = lead("MQL", 47, "MQL@-47"); // stamped before its import: history
        long fresh = lead("MQL", 47, "MQL@-47"); // the same, from an import that started the clock
        long later = lead("MQL", 47, "MQL@-5"); // history imported, then an MQL again after the import
        jdbc.sql("update lead set import_job_id = ? where id in (?, ?)")
                .params(historyJob, history, later)
                .update();
        // The history import started no clock for its MQL (the later move, after it, did).
        jdbc.sql("update lead_score set queued_at = null where lead_id = ?")
                .param(history)
                .update();
        jdbc.sql("update lead set import_job_id = ? where id = ?")
                .params(freshJob, fresh)
                .update();
        snapshots.refresh();

        // Waiting past 24 h: only the fresh one; within it: the later move. The history import's MQL is left out.
        assertThat(reports.slaCompliance(new Reports.Scope(null, null, source), ResponseSla.hours(24)))
                .isEqualTo(new Reports.Sla(0, 0, 1, 1));
    }

    /** An import requested ten hours ago, which did or did not start the response clock. */
    private long importJob(boolean slaClock) {
        return jdbc.sql("""
                insert into import_job (kind, file_name, stored_file, file_bytes, requested_by, requested_at, dry_run,
                                        duplicate_policy, status, sla_clock)
                values ('LEADS', 'f.csv', 'f.csv', 1, 'tester', now() - interval '10 hours', false, 'SKIP', 'DONE', ?)
                returning id""").param(slaClock).query(Long.class).single();
    }

    @Test
    void lost_and_disqualified_leads_are_resolved_and_the_rest_open() {
        lead("NEW", 10);
        lead("MQL", 45, "MQL@-1");
        lead("WON", 90, "MQL@-100", "WON@-10");
        lead("LOST", 50, "MQL@-100", "LOST@-5");
        lead("DISQUALIFIED", 0);
        jdbc.sql("update lead set outcome = 'LOST' where source = ? and stage = 'MQL'")
                .param(source)
                .update(); // lost per the CRM
        snapshots.refresh();

        FunnelRow row =
                reports.funnelBySource(new Reports.Scope(null, null, source)).getFirst();
        assertThat(row).isEqualTo(new FunnelRow(source, 5, 3, 0, 1, 3));
        assertThat(row.open()).isEqualTo(1);
        assertThat(row.winRateOfResolved()).isEqualTo(0.25);
        assertThat(row.winRateOfAll()).isEqualTo(0.2);
    }

    @Test
    void a_lead_that_left_the_queue_unclaimed_or_was_never_watched_waits_for_nobody() {
        lead("MQL", 47, "MQL@-47"); // waiting past 24 h
        long fellBack = lead("MQL", 30, "MQL@-40");
        jdbc.sql("update lead set stage = 'NEW' where id = ?")
                .param(fellBack)
                .update(); // its score fell below the threshold
        long seeded = lead("MQL", 50, "MQL@-9000"); // the demo's history: no clock
        jdbc.sql("update lead_score set queued_at = null where lead_id = ?")
                .param(seeded)
                .update();
        snapshots.refresh();
        assertThat(reports.slaCompliance(new Reports.Scope(null, null, source), ResponseSla.hours(24)))
                .isEqualTo(new Reports.Sla(0, 0, 0, 1));
    }

    @Test
    void with_working_hours_set_only_working_time_counts_towards_the_sla() {
        // Mon-Fri 9-17 UTC; 4 working hours.
        var sla = ResponseSla.hours(4).within(WorkingHours.weekdays(ZoneOffset.UTC));
        // Friday 16:00 to Monday 10:00: 66 h on the clock, 2 working hours: in time.
        moves(lead("ACCEPTED", 60), "MQL", "2026-01-09T16:00:00Z", "ACCEPTED", "2026-01-12T10:00:00Z");
        // Monday 9:00 to 15:00: 6 working hours: late.
        moves(lead("ACCEPTED", 60), "MQL", "2026-01-12T09:00:00Z", "ACCEPTED", "2026-01-12T15:00:00Z");
        // Monday 9:00 to 10:00: in time on any clock.
        moves(lead("ACCEPTED", 60), "MQL", "2026-01-12T09:00:00Z", "ACCEPTED", "2026-01-12T10:00:00Z");
        // Waiting since January: late.
        moves(lead("MQL", 60), "MQL", "2026-01-12T09:00:00Z");
        snapshots.refresh();
        var scope = new Reports.Scope(null, null, source);

        assertThat(reports.slaCompliance(scope, sla)).isEqualTo(new Reports.Sla(2, 1, 0, 1));
        assertThat(reports.slaCompliance(scope, ResponseSla.hours(4)))
                .as("around the clock")
                .isEqualTo(new Reports.Sla(1, 2, 0, 1));

        // A working day of one minute: a lead waiting 30 h on the clock has used at most two minutes of its SLA.
        var minuteADay = ResponseSla.hours(4)
                .within(new WorkingHours(
                        ZoneOffset.UTC, EnumSet.allOf(DayOfWeek.class), LocalTime.of(0, 0), LocalTime.of(0, 1)));
        lead("MQL", 60, "MQL@-30");
        snapshots.refresh();
        assertThat(reports.slaCompliance(scope, minuteADay)).isEqualTo(new Reports.Sla(3, 0, 1, 1));
    }

    /** Moves into the stages at the instants, in pairs: "MQL", "2026-01-09T16:00:00Z", ... */
    private void moves(long lead, String... stageThenInstant) {
        for (int i = 0; i < stageThenInstant.length; i += 2) {
            jdbc.sql("insert into stage_change (lead_id, from_stage, to_stage, actor, reason, changed_at) "
                            + "values (?, 'NEW', ?, 'system', 'fixture', ?::timestamptz)")
                    .params(lead, stageThenInstant[i], stageThenInstant[i + 1])
                    .update();
        }
        queued(lead);
    }
}
