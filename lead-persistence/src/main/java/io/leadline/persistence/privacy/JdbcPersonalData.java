package io.leadline.persistence.privacy;

import io.leadline.core.duplicates.MergePlan;
import io.leadline.core.lead.EmailAddress;
import io.leadline.core.privacy.PersonalData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link PersonalData} on the lead tables: the person's leads by address (their mailbox key, or an address merged into
 * a lead), and their identifiers as the leads hold them. Export reads section by section; erasure is
 * {@link PersonalDataErasure}'s.
 */
@Repository
class JdbcPersonalData implements PersonalData {

    /** Phone-like attributes, as the duplicate phone key reads them (V49). */
    static final List<String> PHONE_FIELDS = List.of(
            "phone", "phone_number", "mobile", "mobile_phone", "mobile_number", "telephone", "work_phone", "whatsapp");
    /** Shorter names and ids than this are not searched for in free text: "Ana" or "17" would match strangers. */
    private static final int SEARCHABLE = 5;

    private final JdbcClient jdbc;
    private final PersonalDataErasure erasure;

    JdbcPersonalData(JdbcClient jdbc, PersonalDataErasure erasure) {
        this.jdbc = jdbc;
        this.erasure = erasure;
    }

    @Override
    public Person find(EmailAddress email) {
        List<Long> ids = new ArrayList<>();
        Set<String> identifiers = new LinkedHashSet<>();
        identifiers.add(email.value());
        jdbc.sql("""
                        select id, email, full_name, external_id, attributes::text as attributes_text, attributes ->> ? as other_emails,
                               array[%s] as phones
                          from lead
                         where email = ? or email in (coalesce(leadline_email_key(?), ?)) or email_key = coalesce(leadline_email_key(?), ?)
                            or position(? in lower(attributes ->> ?)) > 0
                            or id in (select survivor_id from merged_lead where merged_email = ?)
                         order by id""".formatted(String.join(
                        ", ",
                        PHONE_FIELDS.stream()
                                .map(f -> "attributes ->> '" + f + "'")
                                .toList())))
                .params(
                        MergePlan.OTHER_EMAILS,
                        email.value(),
                        email.value(),
                        email.value(),
                        email.value(),
                        email.value(),
                        email.value(),
                        MergePlan.OTHER_EMAILS,
                        email.value())
                .query(rs -> {
                    ids.add(rs.getLong("id"));
                    add(identifiers, rs.getString("email"));
                    add(identifiers, rs.getString("full_name"));
                    add(identifiers, rs.getString("external_id"));
                    String others = rs.getString("other_emails");
                    if (others != null) {
                        for (String other : others.split(",")) {
                            add(identifiers, other.strip());
                        }
                    }
                    for (Object phone : (Object[]) rs.getArray("phones").getArray()) {
                        add(identifiers, (String) phone);
                    }
                });
        return new Person(email, ids, List.copyOf(identifiers));
    }

    private static void add(Set<String> identifiers, String value) {
        if (value != null && value.strip().length() >= SEARCHABLE) {
            identifiers.add(value.strip());
        }
    }

    /** {@code ilike} patterns for the identifiers, their wildcards escaped. */
    static String[] patterns(Person person) {
        return person.identifiers().stream()
                .map(i -> "%" + i.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .toArray(String[]::new);
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(Person person) {
        Long[] leads = person.leadIds().toArray(Long[]::new);
        String[] patterns = patterns(person);
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        sections.put("profile", rows("""
                select id, email, full_name, company, job_title, company_size, country, source, external_id, attributes::text as attributes,
                       stage, owner, revisit_on, outcome, outcome_at, outcome_reason, created_at, updated_at
                  from lead where id = any(?::bigint[]) order by id""", (Object) leads));
        sections.put(
                "score",
                rows(
                        "select lead_id, score, priority, stage, scored_at from lead_score where lead_id = any(?::bigint[]) order by lead_id",
                        (Object) leads));
        sections.put(
                "activities",
                rows(
                        "select lead_id, type, occurred_at, detail from activity where lead_id = any(?::bigint[]) order by occurred_at, id",
                        (Object) leads));
        sections.put("website_visits", rows("""
                select v.lead_id, h.received_at, h.kind, h.url, h.title, h.referrer, h.utm_source, h.utm_medium, h.utm_campaign, h.millis
                  from tracked_visitor v join tracking_hit h on h.visitor_id = v.id
                 where v.lead_id = any(?::bigint[]) order by h.received_at""", (Object) leads));
        sections.put("stage_history", rows("""
                select lead_id, from_stage, to_stage, changed_at, actor, reason_code, reason from stage_change
                 where lead_id = any(?::bigint[]) order by changed_at, id""", (Object) leads));
        sections.put("bant_answers", rows("""
                select lead_id, criterion, status, evidence, months_to_decision, answered_by, answered_at from bant_answer
                 where lead_id = any(?::bigint[]) order by lead_id, criterion""", (Object) leads));
        sections.put("held_form_submissions", rows("""
                select lead_id, submitted_at, campaign, full_name, company, job_title, company_size, country, source, attributes::text as attributes
                  from pending_submission where lead_id = any(?::bigint[]) order by id""", (Object) leads));
        sections.put("rejected_import_rows", rows("""
                select job_id, row_number, reason, raw from import_rejection where raw ilike any(?::text[]) order by job_id, row_number""", (Object) patterns));
        sections.put("webhook_deliveries", rows("""
                select lead_id, event, created_at, status, delivered_at from webhook_delivery
                 where lead_id = any(?::bigint[]) order by id""", (Object) leads));
        sections.put(
                "audit_entries",
                rows(
                        """
                select at, actor, action, target, detail from audit_event
                 where target = any(?::text[]) or detail ilike any(?::text[]) or target ilike any(?::text[]) order by at, id""",
                        person.leadIds().stream().map(id -> "lead " + id).toArray(String[]::new),
                        patterns,
                        patterns));
        return sections;
    }

    private List<Map<String, Object>> rows(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query((rs, n) -> row(rs)).list();
    }

    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            row.put(
                    meta.getColumnLabel(i),
                    value instanceof Timestamp t
                            ? t.toInstant().toString()
                            : value == null || value instanceof Number || value instanceof Boolean
                                    ? value
                                    : value.toString());
        }
        return row;
    }

    @Override
    @Transactional
    public Erasure erase(Person person, String by, Instant at) {
        return erasure.erase(person, patterns(person), by, at);
    }

    @Override
    public List<Erasure> latestErasures(int limit) {
        record Row(long id, String by, Instant at) {}
        return jdbc
                .sql("select id, erased_by, erased_at from erasure order by id desc limit ?")
                .param(limit)
                .query((rs, n) -> new Row(
                        rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list()
                .stream()
                .map(row -> new Erasure(row.id(), row.by(), row.at(), erasure.counts(row.id())))
                .toList();
    }
}
