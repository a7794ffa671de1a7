package io.leadline.persistence.scoring;

import io.leadline.core.lead.Lead;
import io.leadline.core.scoring.Score;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;

/**
 * The new scores as arrays, read by the update as the relation {@code r} through {@code unnest}: one statement,
 * no temporary table (whose DDL, COPY and ANALYZE cost more than the arrays at every chunk size measured).
 */
final class NewScores {
    private final long[] ids;
    private final long[] readVersions;
    private final int[] versions;
    private final int[] totals;
    private final int[] fit;
    private final int[] engagement;
    private final String[] grades;
    private final int[] priorities;

    NewScores(List<Lead> leads, long[] readVersions, List<Score> scores) {
        int n = leads.size();
        this.readVersions = readVersions;
        ids = new long[n];
        versions = new int[n];
        totals = new int[n];
        fit = new int[n];
        engagement = new int[n];
        grades = new String[n];
        priorities = new int[n];
        for (int i = 0; i < n; i++) {
            Score score = scores.get(i);
            ids[i] = leads.get(i).id();
            versions[i] = score.modelVersion();
            totals[i] = score.total();
            fit[i] = score.fitPoints();
            engagement[i] = score.engagementPoints();
            grades[i] = score.grade().name();
            priorities[i] = score.priority();
        }
    }

    String relation() {
        return "unnest(?::bigint[], ?::bigint[], ?::int[], ?::int[], ?::int[], ?::int[], ?::text[], ?::int[]) "
                + "as r(lead_id, read_version, model_version, score, fit_points, engagement_points, grade, priority)";
    }

    /**
     * Binds {@code then} (the statement's parameters before the relation), then the arrays; answers the statement.
     * The number arrays go as primitive arrays in binary (the statement is prepared on the server at once), not as
     * text for Postgres to parse.
     */
    PreparedStatement bind(Connection con, PreparedStatement ps, Object... then) throws SQLException {
        ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
        PGConnection pg = con.unwrap(PGConnection.class);
        int p = 1;
        for (Object value : then) {
            ps.setObject(p++, value);
        }
        ps.setArray(p++, pg.createArrayOf("int8", ids));
        ps.setArray(p++, pg.createArrayOf("int8", readVersions));
        ps.setArray(p++, pg.createArrayOf("int4", versions));
        ps.setArray(p++, pg.createArrayOf("int4", totals));
        ps.setArray(p++, pg.createArrayOf("int4", fit));
        ps.setArray(p++, pg.createArrayOf("int4", engagement));
        ps.setArray(p++, pg.createArrayOf("text", grades));
        ps.setArray(p, pg.createArrayOf("int4", priorities));
        return ps;
    }
}
