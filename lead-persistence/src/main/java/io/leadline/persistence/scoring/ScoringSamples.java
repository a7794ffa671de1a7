package io.leadline.persistence.scoring;

import io.leadline.core.activity.Activity;
import io.leadline.core.lead.Lead;
import io.leadline.core.scoring.ModelComparison;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Leads to compare models on: all of them up to {@code limit}, beyond that every k-th lead by id (an even
 * spread, the same each time). Outcomes: a lead's imported outcome, else WON, LOST or DISQUALIFIED as its
 * stage; when the data holds wins but no losses (an export of won deals), every other lead counts as not won.
 */
@Repository
public class ScoringSamples {

    private final JdbcTemplate jdbc;

    ScoringSamples(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The leads, and how they were chosen in words for the page. */
    public record Drawn(List<ModelComparison.Sample> samples, long ofLeads, String how) {
    }

    public Drawn draw(int limit, Set<String> customAttributes) {
        long total = jdbc.queryForObject("select count(*) from lead", Long.class);
        long step = Math.max(1, (total + limit - 1) / limit);
        List<Object[]> rows = new ArrayList<>();
        List<Lead> leads = load(customAttributes, "id % ? = 0 order by id limit ?", rows, step, limit);
        boolean anyWon = rows.stream().anyMatch(r -> "WON".equals(r[1]));
        boolean anyLost = rows.stream().anyMatch(r -> r[1] != null && !"WON".equals(r[1]));
        Map<Long, List<Activity>> activities = activities(leads);
        List<ModelComparison.Sample> samples = new ArrayList<>();
        for (int i = 0; i < leads.size(); i++) {
            String known = (String) rows.get(i)[1];
            Boolean won = known != null ? Boolean.valueOf("WON".equals(known)) : (anyWon && !anyLost ? Boolean.FALSE : null);
            samples.add(new ModelComparison.Sample(leads.get(i).id(), leads.get(i).profile(),
                    activities.getOrDefault(leads.get(i).id(), List.of()), won));
        }
        String how = step == 1 ? "all " + total + " leads" : "every " + step + "th lead: " + samples.size() + " of " + total;
        if (anyWon && !anyLost) {
            how += "; only wins are known, so every other lead counts as not won";
        }
        return new Drawn(samples, total, how);
    }

    /** These leads with their activities, by id, for showing their likelihood (the outcome is left unknown). */
    public Map<Long, ModelComparison.Sample> of(java.util.Collection<Long> ids, Set<String> customAttributes) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Lead> leads = load(customAttributes, "id = any(?)", new ArrayList<>(), (Object) ids.toArray(Long[]::new));
        Map<Long, List<Activity>> activities = activities(leads);
        Map<Long, ModelComparison.Sample> byId = new HashMap<>();
        leads.forEach(l -> byId.put(l.id(), new ModelComparison.Sample(l.id(), l.profile(), activities.getOrDefault(l.id(), List.of()), null)));
        return byId;
    }

    /** The custom attribute keys the leads use (looked for in up to 100,000 of them). */
    public Set<String> customAttributeKeys() {
        return new TreeSet<>(jdbc.queryForList(
                "select distinct jsonb_object_keys(attributes) from (select attributes from lead limit 100000) l", String.class));
    }

    /** Leads by a condition (its parameters after the attribute keys), each with its known outcome in {@code rows}. */
    private List<Lead> load(Set<String> customAttributes, String condition, List<Object[]> rows, Object... parameters) {
        String[] keys = new TreeSet<>(customAttributes).toArray(String[]::new);
        return jdbc.query(con -> {
            var ps = con.prepareStatement("select " + Rescoring.leadColumns(keys) + """
                    , case when outcome is not null then outcome
                           when lead.stage in ('WON', 'LOST', 'DISQUALIFIED') then lead.stage end as known
                    from lead where\s""" + condition);
            int first = Rescoring.bindAttributeKeys(ps, keys);
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Long[] array) {
                    ps.setArray(first + i, con.createArrayOf("bigint", array));
                } else {
                    ps.setObject(first + i, parameters[i]);
                }
            }
            return ps;
        }, (rs, n) -> {
            rows.add(new Object[] {rs.getLong("id"), rs.getString("known")});
            return Rescoring.lead(rs, keys);
        });
    }

    private Map<Long, List<Activity>> activities(List<Lead> leads) {
        Map<Long, List<Activity>> activities = new HashMap<>();
        if (!leads.isEmpty()) {
            jdbc.query("select lead_id, type, occurred_at from activity where lead_id = any(?)", Rescoring.collect(activities),
                    (Object) leads.stream().map(Lead::id).toArray(Long[]::new));
        }
        return activities;
    }
}
