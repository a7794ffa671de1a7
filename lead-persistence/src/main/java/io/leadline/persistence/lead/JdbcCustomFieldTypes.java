package io.leadline.persistence.lead;

import io.leadline.core.importing.FieldTypes;
import io.leadline.core.lead.CustomFieldTypes;
import io.leadline.core.lead.FieldType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Custom field types in {@code custom_field}, checked on a sample of leads (the type of a column, not of each cell). */
@Repository
class JdbcCustomFieldTypes implements CustomFieldTypes {

    /** Leads sampled per check, and values kept per field. */
    static final int SAMPLE_LEADS = 20_000;

    static final int VALUES_PER_FIELD = 2_000;

    private final JdbcClient jdbc;

    JdbcCustomFieldTypes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, FieldType> known() {
        Map<String, FieldType> types = new TreeMap<>();
        jdbc.sql("select key, type from custom_field").query(rs -> {
            types.put(rs.getString(1), FieldType.valueOf(rs.getString(2)));
        });
        return types;
    }

    @Override
    @Transactional
    public void checkImport(long importJobId, Instant at) {
        check("""
                (select attributes from lead where import_job_id = :job limit :leads)
                union all
                (select l.attributes from import_update u join lead l on l.id = u.lead_id where u.job_id = :job limit :leads)""", Map.of("job", importJobId, "leads", SAMPLE_LEADS), at);
    }

    @Override
    @Transactional
    public Map<String, FieldType> checkAll(Instant at) {
        return check("select attributes from lead order by id desc limit :leads", Map.of("leads", SAMPLE_LEADS), at);
    }

    private Map<String, FieldType> check(String leads, Map<String, Object> params, Instant at) {
        Map<String, List<String>> values = new HashMap<>();
        jdbc.sql("select k.key, k.value from (" + leads + ") l cross join lateral jsonb_each_text(l.attributes) k")
                .params(params)
                .query(rs -> {
                    List<String> kept = values.computeIfAbsent(rs.getString(1), key -> new ArrayList<>());
                    if (kept.size() < VALUES_PER_FIELD) {
                        kept.add(rs.getString(2));
                    }
                });
        Map<String, FieldType> types = new TreeMap<>();
        values.forEach((key, sample) -> types.put(key, FieldTypes.detect(sample)));
        types.forEach((key, type) ->
                jdbc.sql("""
                        insert into custom_field (key, type, checked_at) values (?, ?, ?)
                        on conflict (key) do update set type = excluded.type, checked_at = excluded.checked_at""").params(key, type.name(), Timestamp.from(at)).update());
        return types;
    }
}
