package io.leadline.persistence.qualification;

import io.leadline.core.qualification.BantCriterion;
import io.leadline.core.qualification.BantPolicy;
import io.leadline.core.qualification.DisqualificationReason;
import io.leadline.core.qualification.SalesRules;
import io.leadline.core.queue.ResponseSla;
import io.leadline.persistence.PostgresArrays;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** {@link SalesRules} in {@code sales_setting} and {@code disqualification_reason}; the default SLA is {@code leadline.queue.sla-hours}. */
@Repository
class SalesSettings implements SalesRules {

    private final JdbcClient jdbc;
    private final int defaultSlaHours;

    SalesSettings(JdbcClient jdbc, @Value("${leadline.queue.sla-hours:24}") int defaultSlaHours) {
        this.jdbc = jdbc;
        this.defaultSlaHours = defaultSlaHours;
    }

    @Override
    public int slaHours() {
        return jdbc.sql("select sla_hours from sales_setting where id = 1")
                .query(Integer.class)
                .optional()
                .orElse(defaultSlaHours);
    }

    @Override
    public BantPolicy bantPolicy() {
        return jdbc.sql("select bant_required, bant_minimum_met, bant_timeline_months from sales_setting where id = 1")
                .query((rs, n) -> new BantPolicy(
                        Arrays.stream(PostgresArrays.strings(rs.getArray(1)))
                                .map(BantCriterion::valueOf)
                                .collect(Collectors.toSet()),
                        rs.getInt(2),
                        (Integer) rs.getObject(3)))
                .optional()
                .orElse(BantPolicy.standard());
    }

    @Override
    @Transactional
    public void save(int slaHours, BantPolicy policy, String by, Instant at) {
        ResponseSla.hours(slaHours);
        jdbc.sql("""
                        insert into sales_setting (id, sla_hours, bant_required, bant_minimum_met, bant_timeline_months, updated_by, updated_at)
                        values (1, ?, ?::text[], ?, ?, ?, ?)
                        on conflict (id) do update set sla_hours = excluded.sla_hours, bant_required = excluded.bant_required,
                            bant_minimum_met = excluded.bant_minimum_met, bant_timeline_months = excluded.bant_timeline_months,
                            updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(
                        slaHours,
                        PostgresArrays.literal(policy.required().stream()
                                .sorted()
                                .map(Enum::name)
                                .toList()),
                        policy.minimumMet(),
                        policy.timelineWithinMonths(),
                        by,
                        Timestamp.from(at))
                .update();
    }

    @Override
    public List<DisqualificationReason> reasons() {
        return jdbc.sql(
                        "select code, label, needs_note from disqualification_reason where active order by position, code")
                .query((rs, n) -> new DisqualificationReason(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list();
    }

    @Override
    public List<DisqualificationReason> allReasons() {
        return jdbc.sql("select code, label, needs_note from disqualification_reason order by position, code")
                .query((rs, n) -> new DisqualificationReason(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list();
    }

    @Override
    @Transactional
    public void addReason(DisqualificationReason reason) {
        int updated = jdbc.sql(
                        "update disqualification_reason set label = ?, needs_note = ?, active = true where code = ?")
                .params(reason.label(), reason.needsNote(), reason.code())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into disqualification_reason (code, label, needs_note, position)
                            values (?, ?, ?, (select coalesce(max(position), 0) + 1 from disqualification_reason))""")
                    .params(reason.code(), reason.label(), reason.needsNote())
                    .update();
        }
    }

    @Override
    public void retireReason(String code) {
        jdbc.sql("update disqualification_reason set active = false where code = ?")
                .param(code)
                .update();
    }
}
