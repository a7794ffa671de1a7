package db.migration;

import io.leadline.core.lead.FieldKey;
import io.leadline.core.lead.LeadSources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Custom attributes move to their {@link FieldKey} ({@code Lead Quality} → {@code lead_quality}) and sources to their
 * folded form ({@code Organic Search} → {@code organic_search}), the names lead-core now stores and looks up. Written in
 * Java so the keys are exactly the ones {@link FieldKey} makes (Postgres' character classes depend on the locale); the
 * rewriting itself is set-based: only the distinct names are read, and only leads holding one that changes are updated.
 * Where two spellings of one name meet on a lead, the value that is not blank wins, then the one already keyed.
 */
public class V22__Attributes_by_field_key_and_sources_folded extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute(
                    "create temporary table attribute_key_map (old_key text primary key, new_key text not null) on commit drop");
            statement.execute(
                    "create temporary table source_map (old_source text primary key, new_source text not null) on commit drop");
        }
        Map<String, String> keys = renamed(connection, "select distinct jsonb_object_keys(attributes) from lead", true);
        Map<String, String> sources =
                renamed(connection, "select distinct source from lead where source is not null", false);
        fill(connection, "insert into attribute_key_map values (?, ?)", keys);
        fill(connection, "insert into source_map values (?, ?)", sources);
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    update lead l set attributes = (
                        select coalesce(jsonb_object_agg(k, v), '{}'::jsonb) from (
                            select distinct on (coalesce(m.new_key, e.key)) coalesce(m.new_key, e.key) as k, e.value as v
                            from jsonb_each(l.attributes) e left join attribute_key_map m on m.old_key = e.key
                            order by coalesce(m.new_key, e.key), e.value = '""'::jsonb, m.new_key is not null, e.key) keyed)
                    where exists (select 1 from jsonb_object_keys(l.attributes) k join attribute_key_map m on m.old_key = k)""");
            statement.execute(
                    "update lead l set source = m.new_source from source_map m where l.source = m.old_source");
        }
    }

    /** The names the query lists whose key differs from them, each with its key. */
    private static Map<String, String> renamed(Connection connection, String query, boolean attributes)
            throws SQLException {
        Map<String, String> renamed = new LinkedHashMap<>();
        List<String> unnamed = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                var rs = statement.executeQuery(query)) {
            while (rs.next()) {
                String name = rs.getString(1);
                String key = attributes ? FieldKey.of(name) : name.isBlank() ? name : LeadSources.key(name);
                if (attributes && key.isEmpty()) {
                    unnamed.add(name);
                } else if (!key.equals(name)) {
                    renamed.put(name, key);
                }
            }
        }
        // A header with neither letters nor digits ("#", "?") still held values: they stay, under a name of their own.
        for (int i = 0; i < unnamed.size(); i++) {
            renamed.put(unnamed.get(i), "unnamed_" + (i + 1));
        }
        return renamed;
    }

    private static void fill(Connection connection, String insert, Map<String, String> pairs) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(insert)) {
            for (var pair : pairs.entrySet()) {
                ps.setString(1, pair.getKey());
                ps.setString(2, pair.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
