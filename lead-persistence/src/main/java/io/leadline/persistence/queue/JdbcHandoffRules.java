package io.leadline.persistence.queue;

import io.leadline.core.activity.ActivityType;
import io.leadline.core.queue.AssignmentRule;
import io.leadline.core.queue.HandRaisers;
import io.leadline.core.queue.HandoffPolicy;
import io.leadline.core.queue.HandoffRules;
import io.leadline.core.queue.QueueFilter;
import io.leadline.core.queue.WorkingHours;
import io.leadline.persistence.PostgresArrays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link HandoffRules} in {@code handoff_setting} and {@code assignment_rule}. Until an admin saves the policy,
 * round-robin is {@code leadline.queue.round-robin}.
 */
@Repository
class JdbcHandoffRules implements HandoffRules {

    private final JdbcClient jdbc;
    private final boolean defaultRoundRobin;

    JdbcHandoffRules(JdbcClient jdbc, @Value("${leadline.queue.round-robin:false}") boolean defaultRoundRobin) {
        this.jdbc = jdbc;
        this.defaultRoundRobin = defaultRoundRobin;
    }

    @Override
    public HandoffPolicy policy() {
        return jdbc.sql(
                        "select hot_types, hot_days, queue_order, round_robin, work_zone, work_days, work_start, work_end, sla_warn_minutes "
                                + "from handoff_setting where id = 1")
                .query((rs, n) -> new HandoffPolicy(
                        new HandRaisers(
                                Arrays.stream(PostgresArrays.strings(rs.getArray(1)))
                                        .map(ActivityType::new)
                                        .collect(Collectors.toSet()),
                                rs.getInt(2)),
                        QueueFilter.Order.valueOf(rs.getString(3)),
                        rs.getBoolean(4),
                        workingHours(rs),
                        (Integer) rs.getObject("sla_warn_minutes")))
                .optional()
                .orElseGet(() -> HandoffPolicy.standard(defaultRoundRobin));
    }

    private static WorkingHours workingHours(ResultSet rs) throws SQLException {
        if (rs.getString("work_zone") == null) {
            return null;
        }
        Set<DayOfWeek> days = Arrays.stream(PostgresArrays.strings(rs.getArray("work_days")))
                .map(DayOfWeek::valueOf)
                .collect(Collectors.toSet());
        return new WorkingHours(
                ZoneId.of(rs.getString("work_zone")),
                days,
                rs.getTime("work_start").toLocalTime(),
                rs.getTime("work_end").toLocalTime());
    }

    @Override
    public void save(HandoffPolicy policy, String by, Instant at) {
        WorkingHours hours = policy.workingHours();
        jdbc.sql("""
                        insert into handoff_setting (id, hot_types, hot_days, queue_order, round_robin, updated_by, updated_at,
                                                     work_zone, work_days, work_start, work_end, sla_warn_minutes)
                        values (1, ?::text[], ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?)
                        on conflict (id) do update set hot_types = excluded.hot_types, hot_days = excluded.hot_days,
                            queue_order = excluded.queue_order, round_robin = excluded.round_robin,
                            updated_by = excluded.updated_by, updated_at = excluded.updated_at,
                            work_zone = excluded.work_zone, work_days = excluded.work_days,
                            work_start = excluded.work_start, work_end = excluded.work_end,
                            sla_warn_minutes = excluded.sla_warn_minutes""")
                .params(
                        PostgresArrays.literal(policy.handRaisers().types().stream()
                                .map(ActivityType::key)
                                .sorted()
                                .toList()),
                        policy.handRaisers().days(),
                        policy.order().name(),
                        policy.roundRobin(),
                        by,
                        Timestamp.from(at),
                        hours == null ? null : hours.zone().getId(),
                        hours == null
                                ? null
                                : PostgresArrays.literal(hours.days().stream()
                                        .sorted()
                                        .map(Enum::name)
                                        .toList()),
                        hours == null ? null : Time.valueOf(hours.start()),
                        hours == null ? null : Time.valueOf(hours.end()),
                        policy.slaWarningMinutes())
                .update();
    }

    @Override
    public List<AssignmentRule> assignmentRules() {
        return jdbc.sql("select kind, value, rep from assignment_rule order by position")
                .query((rs, n) -> new AssignmentRule(
                        AssignmentRule.Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
                .list();
    }

    @Override
    @Transactional
    public void saveAssignmentRules(List<AssignmentRule> rules, String by, Instant at) {
        jdbc.sql("delete from assignment_rule").update();
        for (int i = 0; i < rules.size(); i++) {
            AssignmentRule rule = rules.get(i);
            jdbc.sql(
                            "insert into assignment_rule (position, kind, value, rep, updated_by, updated_at) values (?, ?, ?, ?, ?, ?)")
                    .params(i + 1, rule.kind().name(), rule.value(), rule.rep(), by, Timestamp.from(at))
                    .update();
        }
    }
}
