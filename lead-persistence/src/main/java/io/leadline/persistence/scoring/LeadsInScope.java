package io.leadline.persistence.scoring;

import io.leadline.core.activity.ActivityType;
import io.leadline.core.scoring.RescoreScope;
import java.util.Arrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The leads a bounded model change can move ({@link RescoreScope.Bounded}), in id order: those with an activity of the
 * changed engagement types (from the activity type index), and those meeting a changed fit condition. The conditions
 * are lead-core's own, run in Java over a narrow read of every lead's profile (the standard fields and only the custom
 * attributes they read): no second, SQL spelling of a condition that could disagree with the first, and the read is
 * a fraction of rescoring everyone (no activities, no score rows, no stage history, nothing scored or written).
 */
@Component
public class LeadsInScope {

    /** Rows fetched per round trip while streaming the profiles. */
    private static final int FETCH = 10_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    LeadsInScope(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The ids, sorted, without repeats. */
    public long[] of(RescoreScope.Bounded scope) {
        long[] active = withActivities(scope);
        long[] meeting = scope.conditions().isEmpty() ? new long[0] : meeting(scope);
        return union(active, meeting);
    }

    private long[] withActivities(RescoreScope.Bounded scope) {
        if (scope.types().isEmpty()) {
            return new long[0];
        }
        String[] types = scope.types().stream().map(ActivityType::key).toArray(String[]::new);
        LongList ids = new LongList();
        jdbc.query(con -> {
            var ps = con.prepareStatement("select distinct lead_id from activity where type = any(?) order by lead_id");
            ps.setArray(1, con.createArrayOf("text", types));
            return ps;
        }, rs -> {
            ids.add(rs.getLong(1));
        });
        return ids.toArray();
    }

    private long[] meeting(RescoreScope.Bounded scope) {
        String[] keys = scope.customAttributes().stream().sorted().toArray(String[]::new);
        String columns = "lead.id, lead.full_name, lead.email, lead.company, lead.job_title, lead.company_size, lead.country, "
                + "lead.source" + Rescoring.attributeColumns(keys);
        LongList ids = new LongList();
        // A cursor (fetch size inside a transaction): a million profiles are never held at once.
        readOnly.executeWithoutResult(status -> jdbc.query(con -> {
            var ps = con.prepareStatement("select " + columns + " from lead order by id");
            ps.setFetchSize(FETCH);
            Rescoring.bindAttributeKeys(ps, keys);
            return ps;
        }, rs -> {
            if (scope.meetsACondition(Rescoring.profile(rs, keys))) {
                ids.add(rs.getLong(1));
            }
        }));
        return ids.toArray();
    }

    static long[] union(long[] a, long[] b) {
        long[] all = new long[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        Arrays.sort(all);
        return Arrays.stream(all).distinct().toArray();
    }

    /** A growable array of longs (a million ids boxed would be a million objects). */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
