package io.leadline.persistence.scoring;

import io.leadline.core.activity.ActivityType;
import io.leadline.core.lead.LeadField;
import io.leadline.core.scoring.LeadCondition;
import io.leadline.core.scoring.RescoreScope;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The leads a bounded model change can move ({@link RescoreScope.Bounded}), in id order: those with an activity of the
 * changed engagement types (from the activity type index), and those meeting a changed fit condition. Whether a lead
 * meets a condition is lead-core's to say: SQL only narrows the leads sent to Java by a test every such lead passes
 * ({@link #prefilter}), and only the fields the conditions read are sent. No second spelling of a condition can
 * disagree with the first, and the read is a fraction of rescoring everyone (no activities, score rows, stage
 * history, nothing scored or written).
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

    /** The ids, sorted, without repeats (each query's rows come in the order cheapest for it, sorted here). */
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
        jdbc.query(
                con -> {
                    var ps = con.prepareStatement("select distinct lead_id from activity where type = any(?)");
                    ps.setArray(1, con.createArrayOf("text", types));
                    return ps;
                },
                rs -> {
                    ids.add(rs.getLong(1));
                });
        return ids.toArray();
    }

    private long[] meeting(RescoreScope.Bounded scope) {
        List<Object> params = new ArrayList<>();
        String where = prefilter(scope.conditions(), params);
        return tight(scope.conditions()) ? selectedInSql(where, params) : judgedInJava(scope, where, params);
    }

    /**
     * The test in SQL selects these leads closely enough (a few more at most: rescoring them writes nothing): their ids
     * in one row, from a query Postgres may run on several cores (a cursor never does).
     */
    private long[] selectedInSql(String where, List<Object> params) {
        Long[] selected = jdbc.query(
                con -> bind(
                        con.prepareStatement("select coalesce(array_agg(lead.id), '{}') from lead where " + where),
                        1,
                        params),
                rs -> {
                    rs.next();
                    return (Long[]) rs.getArray(1).getArray();
                });
        return Arrays.stream(selected).mapToLong(Long::longValue).toArray();
    }

    /** The leads passing the test in SQL, each judged by lead-core's conditions on the fields they read. */
    private long[] judgedInJava(RescoreScope.Bounded scope, String where, List<Object> params) {
        String[] keys = scope.customAttributes().stream().sorted().toArray(String[]::new);
        Set<String> read = new HashSet<>();
        scope.conditions().forEach(c -> read.add(c.field()));
        // Only the fields the conditions read come over the wire; the others are sent as nulls.
        StringBuilder columns = new StringBuilder("lead.id");
        for (LeadField field : LeadField.values()) {
            columns.append(", ")
                    .append(
                            read.contains(field.key())
                                    ? "lead." + field.key()
                                    : (field == LeadField.COMPANY_SIZE ? "null::integer as " : "null::text as ")
                                            + field.key());
        }
        columns.append(LeadRows.attributeColumns(keys));
        LongList ids = new LongList();
        // A cursor (fetch size inside a transaction): a million profiles are never held at once.
        readOnly.executeWithoutResult(status -> jdbc.query(
                con -> {
                    var ps = con.prepareStatement(
                            "select " + columns + " from lead where " + where); // in any order: sorted below
                    ps.unwrap(PGStatement.class).setPrepareThreshold(-1); // binary rows, as rescoring reads them
                    ps.setFetchSize(FETCH);
                    return bind(ps, LeadRows.bindAttributeKeys(ps, keys), params);
                },
                rs -> {
                    if (scope.meetsACondition(LeadRows.profile(rs, keys))) {
                        ids.add(rs.getLong(1));
                    }
                }));
        return ids.toArray();
    }

    /** Binds the prefilter's parameters from {@code first} on; answers the statement. */
    private static PreparedStatement bind(PreparedStatement ps, int first, List<Object> params) throws SQLException {
        int next = first;
        for (Object param : params) {
            ps.setObject(next++, param);
        }
        return ps;
    }

    /**
     * Whether {@link #prefilter} selects the leads meeting the conditions closely: a range on the company size exactly,
     * an email domain as the email's ending (with the rare other domain that ends alike, {@code notgmail.com}).
     */
    static boolean tight(Set<LeadCondition> conditions) {
        return conditions.stream()
                .allMatch(c -> c instanceof LeadCondition.EmailDomain
                        || c instanceof LeadCondition.NumericRange range
                                && LeadField.COMPANY_SIZE.key().equals(range.field()));
    }

    /**
     * A test in SQL that every lead meeting one of the conditions passes ({@code true} when one of them cannot be
     * bounded): only leads that pass are sent to Java, which decides. A condition that needs a value (all but
     * {@link LeadCondition.Missing}) needs its column not null; a range on the company size is the range itself; an
     * email domain is the email's ending. Nothing here decides that a lead meets a condition.
     */
    static String prefilter(Set<LeadCondition> conditions, List<Object> params) {
        List<String> tests = new ArrayList<>();
        for (LeadCondition condition : conditions) {
            String column = LeadField.byKey(condition.field())
                    .map(f -> "lead." + f.key())
                    .orElse(null);
            String value = column != null ? column : "(lead.attributes ->> ?)";
            switch (condition) {
                case LeadCondition.Missing missing -> {
                    params.clear(); // a blank field: no test narrows it
                    return "true";
                }
                case LeadCondition.NumericRange range
                when LeadField.COMPANY_SIZE.key().equals(range.field()) -> {
                    tests.add("lead.company_size between ? and ?");
                    params.add(range.min() == null ? Long.MIN_VALUE : range.min());
                    params.add(range.max() == null ? Long.MAX_VALUE : range.max());
                }
                case LeadCondition.EmailDomain domains -> {
                    tests.add("lead.email like any(?)"); // stored as EmailAddress normalises it: lower case
                    params.add(domains.domains().stream()
                            .map(d -> "%"
                                    + d.replace("\\", "\\\\")
                                            .replace("%", "\\%")
                                            .replace("_", "\\_"))
                            .toArray(String[]::new));
                }
                default -> {
                    tests.add(value + " is not null");
                    if (column == null) {
                        params.add(condition.field());
                    }
                }
            }
        }
        return tests.isEmpty() ? "true" : "(" + String.join(" or ", tests) + ")";
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
