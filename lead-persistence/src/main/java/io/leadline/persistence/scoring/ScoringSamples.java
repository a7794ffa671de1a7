package io.leadline.persistence.scoring;

import io.leadline.core.activity.Activity;
import io.leadline.core.lead.Lead;
import io.leadline.core.prediction.FieldHistory;
import io.leadline.core.scoring.ModelComparison;
import io.leadline.core.scoring.OutcomeRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Leads to compare models on: all of them up to {@code limit}, beyond that every k-th lead by id (an even
 * spread, the same each time). Outcomes: a lead's imported outcome, else WON, LOST or DISQUALIFIED as its
 * stage; where the data records few losses (an export of won deals) the {@link OutcomeRule} decides which open leads
 * count as not won ({@code leadline.outcomes.stale-after-days}, default 90).
 */
@Repository
public class ScoringSamples {

    private final JdbcTemplate jdbc;
    private final OutcomeRule outcomes;

    ScoringSamples(
            JdbcTemplate jdbc,
            @Value("${leadline.outcomes.stale-after-days:" + OutcomeRule.DEFAULT_STALE_AFTER_DAYS + "}")
                    int staleAfterDays) {
        this.jdbc = jdbc;
        this.outcomes = new OutcomeRule(staleAfterDays);
    }

    /** The leads, and how they were chosen in words for the page. */
    public record Drawn(List<ModelComparison.Sample> samples, long ofLeads, String how) {}

    public Drawn draw(int limit, Set<String> customAttributes, Instant now) {
        long total = jdbc.queryForObject("select count(*) from lead", Long.class);
        long step = Math.max(1, (total + limit - 1) / limit);
        List<Object[]> rows = new ArrayList<>();
        List<Lead> leads = load(customAttributes, "id % ? = 0 order by id limit ?", rows, step, limit);
        long won = rows.stream().filter(r -> "WON".equals(r[1])).count();
        long notWon =
                rows.stream().filter(r -> r[1] != null && !"WON".equals(r[1])).count();
        boolean lossesRecorded = OutcomeRule.lossesRecorded(won, notWon);
        Map<Long, List<Activity>> activities = activities(leads);
        List<ModelComparison.Sample> samples = new ArrayList<>();
        for (int i = 0; i < leads.size(); i++) {
            String known = (String) rows.get(i)[1];
            Lead lead = leads.get(i);
            Boolean outcome =
                    outcomes.outcome(known == null ? null : "WON".equals(known), lead.createdAt(), now, lossesRecorded);
            samples.add(new ModelComparison.Sample(
                    lead.id(), lead.profile(), activities.getOrDefault(lead.id(), List.of()), outcome));
        }
        String how =
                step == 1 ? "all " + total + " leads" : "every " + step + "th lead: " + samples.size() + " of " + total;
        if (won > 0 && !lossesRecorded) {
            how += "; " + outcomes.describe(false);
        }
        return new Drawn(samples, total, how);
    }

    /** These leads with their activities, by id, for showing their likelihood (the outcome is left unknown). */
    public Map<Long, ModelComparison.Sample> of(Collection<Long> ids, Set<String> customAttributes) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Lead> leads = load(customAttributes, "id = any(?)", new ArrayList<>(), (Object) ids.toArray(Long[]::new));
        Map<Long, List<Activity>> activities = activities(leads);
        Map<Long, ModelComparison.Sample> byId = new HashMap<>();
        leads.forEach(l -> byId.put(
                l.id(),
                new ModelComparison.Sample(l.id(), l.profile(), activities.getOrDefault(l.id(), List.of()), null)));
        return byId;
    }

    /** Leads by a condition (its parameters after the attribute keys), each with its known outcome in {@code rows}. */
    private List<Lead> load(Set<String> customAttributes, String condition, List<Object[]> rows, Object... parameters) {
        String[] keys = new TreeSet<>(customAttributes).toArray(String[]::new);
        return jdbc.query(
                con -> {
                    var ps = con.prepareStatement("select " + LeadRows.leadColumns(keys) + """
                    , case when outcome is not null then outcome
                           when lead.stage in ('WON', 'LOST', 'DISQUALIFIED') then lead.stage end as known
                    from lead where\s""" + condition);
                    int first = LeadRows.bindAttributeKeys(ps, keys);
                    for (int i = 0; i < parameters.length; i++) {
                        if (parameters[i] instanceof Long[] array) {
                            ps.setArray(first + i, con.createArrayOf("bigint", array));
                        } else {
                            ps.setObject(first + i, parameters[i]);
                        }
                    }
                    return ps;
                },
                (rs, n) -> {
                    rows.add(new Object[] {rs.getLong("id"), rs.getString("known")});
                    return LeadRows.lead(rs, keys);
                });
    }

    private Map<Long, List<Activity>> activities(List<Lead> leads) {
        Map<Long, List<Activity>> activities = new HashMap<>();
        if (!leads.isEmpty()) {
            // A preview scores with two models: every detail is read (a sample is a few thousand leads).
            jdbc.query(
                    "select lead_id, type, occurred_at, detail from activity where lead_id = any(?)",
                    Rescoring.collect(activities),
                    (Object) leads.stream().map(Lead::id).toArray(Long[]::new));
        }
        return activities;
    }

    /**
     * Per custom field: how many resolved leads got it only from an import that finished after the lead first became an
     * MQL (the import's saved "before" of the lead lacks it), and how many resolved leads have it at all.
     */
    public FieldHistory fieldHistory() {
        Map<String, long[]> counts = new HashMap<>();
        jdbc.query("""
                with resolved as (
                    select id, attributes from lead where outcome is not null or stage in ('WON', 'LOST', 'DISQUALIFIED')),
                filled as (
                    select k.key, count(*) as leads from resolved r cross join lateral jsonb_object_keys(r.attributes) k(key) group by 1),
                after_mql as (
                    select k.key, count(distinct r.id) as leads
                    from resolved r
                    join import_update u on u.lead_id = r.id
                    join import_job j on j.id = u.job_id and j.status = 'DONE'
                    join lateral (select min(c.changed_at) as at from stage_change c where c.lead_id = r.id and c.to_stage = 'MQL') m
                      on m.at is not null and j.finished_at > m.at
                    cross join lateral jsonb_object_keys(r.attributes) k(key)
                    where not jsonb_exists(coalesce(u.before -> 'attributes', '{}'::jsonb), k.key)
                    group by 1)
                select f.key, coalesce(a.leads, 0), f.leads from filled f left join after_mql a on a.key = f.key""", rs -> {
            counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        });
        return new FieldHistory(counts);
    }
}
