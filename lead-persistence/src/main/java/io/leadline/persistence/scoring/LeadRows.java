package io.leadline.persistence.scoring;

import io.leadline.core.lead.EmailAddress;
import io.leadline.core.lead.Lead;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.persistence.lead.StageHistory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Leads as the scoring reads them (rescoring, previews, the leads in a change's scope): the columns to select, with
 * only the custom attributes the model reads, and the row back as a {@link Lead} or its {@link LeadProfile}.
 */
final class LeadRows {

    private LeadRows() {}

    /**
     * The columns {@link #lead} reads, each custom attribute in {@code keys} as a column of its own (its key a parameter):
     * one text value a lead is far cheaper to send and read than an array of them.
     */
    static String leadColumns(String[] keys) {
        return "lead.id, lead.version, lead.external_id, lead.full_name, lead.email, "
                + "lead.company, lead.job_title, lead.company_size, lead.country, lead.source, lead.stage, lead.owner, "
                + "lead.revisit_on, lead.created_at, " + StageHistory.STAGE_BY_SCORE + attributeColumns(keys);
    }

    /** The custom attributes of {@link #profile}: a column each, or two aligned arrays for more than {@value #WIDE}. */
    static String attributeColumns(String[] keys) {
        StringBuilder columns = new StringBuilder();
        if (keys.length > WIDE) {
            // Postgres takes at most 1,664 columns: many keys come as two aligned arrays instead.
            columns.append(
                            ", array(select key from jsonb_each_text(lead.attributes) where key = any(?) order by key) as attr_keys")
                    .append(
                            ", array(select value from jsonb_each_text(lead.attributes) where key = any(?) order by key) as attr_values");
            return columns.toString();
        }
        for (int i = 0; i < keys.length; i++) {
            columns.append(", lead.attributes ->> ? as attr_").append(i);
        }
        return columns.toString();
    }

    /** More custom attributes than this are read as arrays rather than a column each. */
    static final int WIDE = 100;

    /** Binds the attribute keys of {@link #leadColumns}; answers the next parameter's index. */
    static int bindAttributeKeys(PreparedStatement ps, String[] keys) throws SQLException {
        if (keys.length > WIDE) {
            var array = ps.getConnection().createArrayOf("text", keys);
            ps.setArray(1, array);
            ps.setArray(2, array);
            return 3;
        }
        for (int i = 0; i < keys.length; i++) {
            ps.setString(i + 1, keys[i]);
        }
        return keys.length + 1;
    }

    /** A lead from the columns of {@link #leadColumns}. */
    static Lead lead(ResultSet rs, String[] keys) throws SQLException {
        var revisit = rs.getDate("revisit_on");
        return new Lead(
                rs.getLong("id"),
                rs.getLong("version"),
                rs.getString("external_id"),
                profile(rs, keys),
                LifecycleStage.valueOf(rs.getString("stage")),
                rs.getString("owner"),
                revisit == null ? null : revisit.toLocalDate(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("stage_by_score"));
    }

    /** The profile columns of {@link #leadColumns} (names, email, company, title, size, country, source, the attributes). */
    static LeadProfile profile(ResultSet rs, String[] keys) throws SQLException {
        Map<String, String> attributes = keys.length == 0 ? Map.of() : new LinkedHashMap<>();
        if (keys.length > WIDE) {
            String[] names = (String[]) rs.getArray("attr_keys").getArray();
            String[] values = (String[]) rs.getArray("attr_values").getArray();
            for (int i = 0; i < names.length; i++) {
                attributes.put(names[i], values[i]);
            }
        }
        for (int i = 0; i < keys.length && keys.length <= WIDE; i++) {
            String value = rs.getString("attr_" + i);
            if (value != null) {
                attributes.put(keys[i], value);
            }
        }
        String email = rs.getString("email");
        return new LeadProfile(
                rs.getString("full_name"),
                email == null ? null : new EmailAddress(email),
                rs.getString("company"),
                rs.getString("job_title"),
                (Integer) rs.getObject("company_size"),
                rs.getString("country"),
                rs.getString("source"),
                attributes);
    }
}
