package io.leadline.persistence.lead;

import io.leadline.core.activity.ActivitiesRecorded;
import io.leadline.core.activity.Activity;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Activities arriving in batches from integrations: the leads they belong to are found, and their score rows locked
 * in id order (so concurrent batches never deadlock, and a lead's score is never computed from a view that misses
 * another batch's activities); the batch is stored in one statement.
 */
@Repository
public class ActivityIngest {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    ActivityIngest(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * The leads found, by the id and by the address asked for (a merged lead's id or address maps to its survivor);
     * their score rows are locked until the transaction ends.
     */
    public record Found(Map<Long, Long> byId, Map<String, Long> byEmail) {}

    public Found lock(Collection<Long> ids, Collection<String> emails) {
        Map<Long, Long> byId = new HashMap<>();
        Map<String, Long> byEmail = new HashMap<>();
        if (ids.isEmpty() && emails.isEmpty()) {
            return new Found(byId, byEmail);
        }
        jdbc.query(
                con -> {
                    var ps = con.prepareStatement("select id, email from lead where id = any(?) or email = any(?)");
                    ps.setArray(1, con.createArrayOf("bigint", ids.toArray(Long[]::new)));
                    ps.setArray(2, con.createArrayOf("text", emails.toArray(String[]::new)));
                    return ps;
                },
                rs -> {
                    byId.put(rs.getLong(1), rs.getLong(1));
                    byEmail.put(rs.getString(2), rs.getLong(1));
                });
        followMerges(ids, emails, byId, byEmail);
        // The lock is taken on the leads' score rows, which rescoring rewrites next anyway: locking the lead rows too
        // would dirty a second random page per lead.
        Long[] found = Stream.concat(byId.values().stream(), byEmail.values().stream())
                .distinct()
                .sorted()
                .toArray(Long[]::new);
        jdbc.query(
                con -> {
                    var ps = con.prepareStatement(
                            "select lead_id from lead_score where lead_id = any(?) order by lead_id for no key update");
                    ps.setArray(1, con.createArrayOf("bigint", found));
                    return ps;
                },
                rs -> {});
        return new Found(byId, byEmail);
    }

    /**
     * Ids and addresses of leads merged into others, asked for but not found, found as their survivors: an event for a
     * merged lead is the survivor's. Only asked when something was not found.
     */
    private void followMerges(
            Collection<Long> ids, Collection<String> emails, Map<Long, Long> byId, Map<String, Long> byEmail) {
        Long[] missingIds = ids.stream().filter(id -> !byId.containsKey(id)).toArray(Long[]::new);
        String[] missingEmails =
                emails.stream().filter(e -> !byEmail.containsKey(e)).toArray(String[]::new);
        if (missingIds.length == 0 && missingEmails.length == 0) {
            return;
        }
        jdbc.query(
                con -> {
                    var ps = con.prepareStatement("select merged_id, merged_email, survivor_id from merged_lead "
                            + "where merged_id = any(?) or merged_email = any(?) order by merged_at");
                    ps.setArray(1, con.createArrayOf("bigint", missingIds));
                    ps.setArray(2, con.createArrayOf("text", missingEmails));
                    return ps;
                },
                rs -> {
                    long survivor = rs.getLong(3);
                    if (Arrays.asList(missingIds).contains(rs.getLong(1))) {
                        byId.put(rs.getLong(1), survivor);
                    }
                    String email = rs.getString(2);
                    if (email != null && Arrays.asList(missingEmails).contains(email)) {
                        byEmail.put(email, survivor);
                    }
                });
    }

    /** One activity of one lead. */
    public record LeadActivity(long leadId, Activity activity) {}

    /** Stores the activities in one statement, and announces them ({@link ActivitiesRecorded}) in the same transaction. */
    public void insertAll(List<LeadActivity> activities) {
        if (activities.isEmpty()) {
            return;
        }
        Long[] leadIds = new Long[activities.size()];
        String[] types = new String[activities.size()];
        Timestamp[] at = new Timestamp[activities.size()];
        String[] details = new String[activities.size()];
        for (int i = 0; i < activities.size(); i++) {
            LeadActivity a = activities.get(i);
            leadIds[i] = a.leadId();
            types[i] = a.activity().type().key();
            at[i] = Timestamp.from(a.activity().at());
            details[i] = a.activity().detail();
        }
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into activity (lead_id, type, occurred_at, detail)
                    select * from unnest(?::bigint[], ?::text[], ?::timestamptz[], ?::text[])""");
            ps.setArray(1, con.createArrayOf("bigint", leadIds));
            ps.setArray(2, con.createArrayOf("text", types));
            ps.setArray(3, con.createArrayOf("timestamptz", at));
            ps.setArray(4, con.createArrayOf("text", details));
            return ps;
        });
        events.publishEvent(new ActivitiesRecorded(activities.stream()
                .map(a -> new ActivitiesRecorded.Recorded(
                        a.leadId(), a.activity().type().key(), a.activity().at()))
                .toList()));
    }
}
