package io.leadline.persistence.lead;

import io.leadline.core.lead.FieldFilter;
import io.leadline.core.lead.FieldKey;
import io.leadline.core.lead.LeadField;
import io.leadline.core.lead.LeadList;
import io.leadline.core.lead.LeadSearch;
import io.leadline.core.lead.LifecycleStage;
import io.leadline.core.lead.SearchWords;
import io.leadline.core.scoring.FitGrade;
import io.leadline.persistence.prediction.LiveLikelihoodSql;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lead list: every filter a bound parameter, keyset pagination on (id) or (score, id), both backed by an
 * index (the primary key, {@code lead_score_score_idx}).
 */
@Repository
class JdbcLeadList implements LeadList {

    /** A row of the list; the name as Lead.displayName() gives it. */
    private static final String ROW = """
            select l.id, """ + LeadSql.DISPLAY_NAME + """
                   as name, l.email, l.company, l.job_title,
                   l.source, l.stage, coalesce(sc.score, 0) as score, coalesce(sc.grade, 'D') as grade, l.owner, l.created_at, l.consent, l.do_not_contact,
                   lk.probability as likelihood
            """;

    private static final String LIKELIHOOD_JOIN = LiveLikelihoodSql.JOIN;
    private static final String LIKELIHOOD_KEY = LiveLikelihoodSql.SORT_KEY;

    private final JdbcClient jdbc;

    JdbcLeadList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Row> page(LeadSearch search, After after, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = sql(search, after, params) + " limit :size";
        params.put("size", size);
        return jdbc.sql(sql).params(params).query(JdbcLeadList::row).list();
    }

    @Override
    public List<Long> ids(LeadSearch search, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("limit", limit);
        return jdbc.sql("select id from (" + sql(search, null, params) + " limit :limit) selected")
                .params(params)
                .query(Long.class)
                .list();
    }

    @Override
    public long countUpTo(LeadSearch search, long cap) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("cap", cap);
        return jdbc.sql("select count(*) from (" + sql(search, null, params) + " limit :cap) selected")
                .params(params)
                .query(Long.class)
                .single();
    }

    @Override
    public List<Row> colleagues(long leadId, int size) {
        return jdbc.sql(ROW + """
                        from lead me join lead l on l.account_id = me.account_id and l.id <> me.id
                        left join lead_score sc on sc.lead_id = l.id
                        """ + LIKELIHOOD_JOIN + """
                        where me.id = ? and me.account_id is not null
                        order by sc.score desc nulls last, l.id desc limit ?""")
                .params(leadId, size)
                .query(JdbcLeadList::row)
                .list();
    }

    @Override
    public void each(LeadSearch search, List<String> customFields, BiConsumer<Row, List<String>> each) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < customFields.size(); i++) {
            fields.append(", l.attributes ->> :field")
                    .append(i)
                    .append(" as field")
                    .append(i)
                    .append('\n');
            params.put("field" + i, FieldKey.of(customFields.get(i)));
        }
        jdbc.sql(sql(search, null, params, fields.toString())).params(params).query(rs -> {
            List<String> values = new ArrayList<>(customFields.size());
            for (int i = 0; i < customFields.size(); i++) {
                values.add(rs.getString("field" + i));
            }
            each.accept(row(rs, 0), values);
        });
    }

    /**
     * A custom field's value (ignoring case and surrounding spaces) or range. A range reads a value as a number when
     * it is written plainly ({@code 1200}, {@code -3.5}, {@code 3,5}); other values are outside any range.
     */
    private static void fieldFilter(FieldFilter f, StringBuilder sql, Map<String, Object> params) {
        params.put("fieldKey", f.field());
        if (f.value() != null) {
            sql.append(" and lower(btrim(l.attributes ->> :fieldKey)) = lower(:fieldValue)");
            params.put("fieldValue", f.value());
        }
        String number = "(case when btrim(l.attributes ->> :fieldKey) ~ '^-?[0-9]+([.,][0-9]+)?$' "
                + "then replace(btrim(l.attributes ->> :fieldKey), ',', '.')::numeric end)";
        if (f.min() != null) {
            sql.append(" and ").append(number).append(" >= :fieldMin");
            params.put("fieldMin", BigDecimal.valueOf(f.min()));
        }
        if (f.max() != null) {
            sql.append(" and ").append(number).append(" <= :fieldMax");
            params.put("fieldMax", BigDecimal.valueOf(f.max()));
        }
    }

    @Override
    public List<String> customFields() {
        return jdbc.sql(
                        "select distinct jsonb_object_keys(attributes) as k from (select attributes from lead limit 100000) l order by k")
                .query(String.class)
                .list();
    }

    @Override
    public List<ValueCount> valueCounts(String field, int limit) {
        String key = FieldKey.of(field);
        String column = LeadField.byKey(key)
                .map(f -> switch (f) {
                    case COMPANY_SIZE -> "company_size::text";
                    default -> f.key();
                })
                .orElse("attributes ->> :key");
        return jdbc.sql("""
                        select v, count(*) as leads,
                               count(*) filter (where outcome = 'WON' or stage = 'WON') as won,
                               count(*) filter (where (outcome = 'LOST' or stage in ('LOST', 'DISQUALIFIED'))
                                                  and outcome is distinct from 'WON' and stage <> 'WON') as lost
                        from (select %s as v, outcome, stage from lead) x where v is not null
                        group by v order by count(*) desc, v limit :limit""".formatted(column))
                .param("key", key)
                .param("limit", limit)
                .query((rs, n) -> new ValueCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    private static String sql(LeadSearch s, After after, Map<String, Object> params) {
        return sql(s, after, params, "");
    }

    private static String sql(LeadSearch s, After after, Map<String, Object> params, String extraColumns) {
        StringBuilder sql = new StringBuilder(ROW + extraColumns
                + "from lead l left join lead_score sc on sc.lead_id = l.id\n" + LIKELIHOOD_JOIN + "where true");
        if (s.text() != null) {
            // Every word somewhere in name, email or company, in any order, accents and case folded (V38).
            List<String> words = SearchWords.of(s.text());
            for (int i = 0; i < words.size(); i++) {
                sql.append(" and l.search_text like ('%' || leadline_fold(:word")
                        .append(i)
                        .append(") || '%')");
                params.put(
                        "word" + i,
                        words.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
            }
        }
        if (s.field() != null) {
            fieldFilter(s.field(), sql, params);
        }
        if (s.stage() != null) {
            sql.append(" and l.stage = :stage");
            params.put("stage", s.stage().name());
        }
        if (s.source() != null) {
            sql.append(" and l.source = :source");
            params.put("source", s.source());
        }
        if (s.grade() != null) {
            sql.append(" and sc.grade = :grade");
            params.put("grade", s.grade().name());
        }
        if (s.minGrade() != null) {
            sql.append(" and sc.grade in (:grades)");
            params.put(
                    "grades",
                    Arrays.stream(FitGrade.values())
                            .filter(g -> g.rank() >= s.minGrade().rank())
                            .map(Enum::name)
                            .toList());
        }
        if (s.withinDays() != null) {
            sql.append(" and l.created_at >= now() - make_interval(days => :withinDays)");
            params.put("withinDays", s.withinDays());
        }
        if (s.owner() != null) {
            sql.append(" and l.owner = :owner");
            params.put("owner", s.owner());
        }
        if (s.minScore() != null) {
            sql.append(" and sc.score >= :minScore");
            params.put("minScore", s.minScore());
        }
        if (s.maxScore() != null) {
            sql.append(" and sc.score <= :maxScore");
            params.put("maxScore", s.maxScore());
        }
        if (s.ids() != null) {
            sql.append(" and l.id = any(:ids)");
            params.put("ids", s.ids().toArray(Long[]::new));
        }
        if (s.segment() != null) {
            sql.append(" and l.id in (select lead_id from segment_member where segment_id = :segment)");
            params.put("segment", s.segment());
        }
        if (s.minLikelihood() != null) {
            sql.append(" and lk.probability >= :minLikelihood");
            params.put("minLikelihood", s.minLikelihood() / 100.0);
        }
        if (s.createdFrom() != null) {
            sql.append(" and l.created_at >= :from");
            params.put("from", Timestamp.from(s.createdFrom().atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (s.createdTo() != null) {
            sql.append(" and l.created_at < :to");
            params.put(
                    "to",
                    Timestamp.from(s.createdTo().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (s.order() == LeadSearch.Order.SCORE) {
            if (after != null) {
                sql.append(" and (sc.score, l.id) < (:afterValue, :afterId)");
                params.put("afterValue", (int) after.sortValue());
                params.put("afterId", after.id());
            }
            sql.append(" order by sc.score desc nulls last, l.id desc");
        } else if (s.order() == LeadSearch.Order.LIKELIHOOD) {
            if (after != null) {
                sql.append(" and (" + LIKELIHOOD_KEY + ", l.id) < (:afterValue, :afterId)");
                params.put("afterValue", after.sortValue());
                params.put("afterId", after.id());
            }
            sql.append(" order by " + LIKELIHOOD_KEY + " desc, l.id desc");
        } else {
            if (after != null) {
                sql.append(" and l.id < :afterId");
                params.put("afterId", after.id());
            }
            sql.append(" order by l.id desc");
        }
        return sql.toString();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("company"),
                rs.getString("job_title"),
                rs.getString("source"),
                LifecycleStage.valueOf(rs.getString("stage")),
                rs.getInt("score"),
                FitGrade.valueOf(rs.getString("grade").strip()),
                rs.getString("owner"),
                rs.getTimestamp("created_at").toInstant(),
                (Double) rs.getObject("likelihood"),
                rs.getString("consent"),
                rs.getBoolean("do_not_contact"));
    }
}
