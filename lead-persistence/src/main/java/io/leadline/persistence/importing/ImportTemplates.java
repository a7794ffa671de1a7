package io.leadline.persistence.importing;

import io.leadline.core.importing.ColumnMapping;
import io.leadline.core.importing.DateFormat;
import io.leadline.core.importing.ImportField;
import io.leadline.core.importing.StageMapping;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.persistence.PostgresArrays;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Column mappings (with date formats and what each status value means) kept by name, found again for a file with the same headers. */
@Repository
public class ImportTemplates {

    private final JdbcClient jdbc;

    ImportTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the name is taken */
    public boolean save(String name, ColumnMapping mapping, String by, Instant at) {
        List<String> headers =
                mapping.columns().stream().map(ColumnMapping.Column::header).toList();
        List<String> fields =
                mapping.columns().stream().map(c -> c.field().name()).toList();
        List<String> dateFormats = mapping.columns().stream()
                .map(c -> c.dateFormat() == null ? "" : c.dateFormat().name())
                .toList();
        List<String> stageValues = new ArrayList<>();
        List<String> stageTargets = new ArrayList<>();
        mapping.stages().chosen().forEach((value, stage) -> {
            stageValues.add(value);
            stageTargets.add(stage.name());
        });
        mapping.stages().ignored().forEach(value -> {
            stageValues.add(value);
            stageTargets.add("");
        });
        try {
            jdbc.sql("""
                            insert into import_template (name, headers, fields, date_formats, stage_values, stage_targets, empty_values,
                                                         created_by, created_at)
                            values (?, ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?, ?)""")
                    .params(
                            name.strip(),
                            PostgresArrays.literal(headers),
                            PostgresArrays.literal(fields),
                            PostgresArrays.literal(dateFormats),
                            PostgresArrays.literal(stageValues),
                            PostgresArrays.literal(stageTargets),
                            PostgresArrays.literal(List.copyOf(mapping.emptyValues())),
                            by,
                            Timestamp.from(at))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** The newest template made for exactly these headers, in this order. */
    public Optional<Named> forHeaders(List<String> headers) {
        return jdbc.sql(
                        "select name, headers, fields, date_formats, stage_values, stage_targets, empty_values from import_template where headers = ?::text[] order by created_at desc limit 1")
                .param(PostgresArrays.literal(headers))
                .query((rs, n) -> {
                    String[] h = PostgresArrays.strings(rs.getArray("headers"));
                    String[] f = PostgresArrays.strings(rs.getArray("fields"));
                    String[] d = rs.getArray("date_formats") == null
                            ? new String[h.length]
                            : PostgresArrays.strings(rs.getArray("date_formats"));
                    List<ColumnMapping.Column> columns = new ArrayList<>();
                    for (int i = 0; i < h.length; i++) {
                        columns.add(new ColumnMapping.Column(
                                h[i],
                                ImportField.valueOf(f[i]),
                                d[i] == null || d[i].isEmpty() ? null : DateFormat.valueOf(d[i])));
                    }
                    String[] values = PostgresArrays.strings(rs.getArray("stage_values"));
                    String[] targets = PostgresArrays.strings(rs.getArray("stage_targets"));
                    Map<String, LifecycleStage> chosen = new HashMap<>();
                    Set<String> ignored = new HashSet<>();
                    for (int i = 0; i < values.length; i++) {
                        if (targets[i] == null || targets[i].isEmpty()) {
                            ignored.add(values[i]);
                        } else {
                            chosen.put(values[i], LifecycleStage.valueOf(targets[i]));
                        }
                    }
                    return new Named(
                            rs.getString("name"),
                            new ColumnMapping(
                                    columns,
                                    new StageMapping(chosen, ignored),
                                    Set.of(PostgresArrays.strings(rs.getArray("empty_values")))));
                })
                .optional();
    }

    public record Named(String name, ColumnMapping mapping) {}
}
