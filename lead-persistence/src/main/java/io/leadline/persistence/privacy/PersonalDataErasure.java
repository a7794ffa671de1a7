package io.leadline.persistence.privacy;

import io.leadline.core.privacy.PersonalData;
import io.leadline.core.privacy.PersonalData.Erasure;
import io.leadline.core.privacy.PersonalData.Person;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases one person, in the caller's transaction: the rows that link to their leads, the rows elsewhere that name
 * them (by an identifier, case aside), the stored uploads their rows came in, and the leads themselves (whose foreign
 * keys cascade to activities, stage history, BANT answers, scores, likelihoods, inbox items, held submissions, import
 * history and duplicate pairs). Audit entries are kept with the person's identifiers replaced by
 * {@value PersonalData#TOMBSTONE}. A test searches every text column for the identifiers afterwards.
 */
@Component
class PersonalDataErasure {

    private final JdbcClient jdbc;

    PersonalDataErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Erasure erase(Person person, String[] patterns, String by, Instant at) {
        Long[] leads = person.leadIds().toArray(Long[]::new);
        Map<String, Long> removed = new LinkedHashMap<>();
        List<String> uploads =
                jdbc.sql("""
                        select stored_file from import_job j
                         where j.status in ('DONE', 'FAILED') and j.file_deleted_at is null and j.stored_file is not null
                           and (j.id in (select import_job_id from lead where id = any(?::bigint[]))
                                or j.id in (select job_id from import_update where lead_id = any(?::bigint[]))
                                or j.id in (select job_id from import_rejection where raw ilike any(?::text[])))""").params(leads, leads, patterns).query(String.class).list();
        count(
                removed,
                "tracking_hit",
                "delete from tracking_hit where visitor_id in (select id from tracked_visitor where lead_id = any(?::bigint[]))",
                (Object) leads);
        count(removed, "tracked_visitor", "delete from tracked_visitor where lead_id = any(?::bigint[])", (Object)
                leads);
        count(
                removed,
                "webhook_delivery",
                "delete from webhook_delivery where lead_id = any(?::bigint[]) or body ilike any(?::text[])",
                leads,
                patterns);
        count(removed, "api_request", "delete from api_request where response_body ilike any(?::text[])", (Object)
                patterns);
        count(removed, "import_rejection", "delete from import_rejection where raw ilike any(?::text[])", (Object)
                patterns);
        count(removed, "import_warning", "delete from import_warning where reason ilike any(?::text[])", (Object)
                patterns);
        count(
                removed,
                "inbox_item",
                "delete from inbox_item where lead_id = any(?::bigint[]) or text ilike any(?::text[])",
                leads,
                patterns);
        count(removed, "pending_submission", "delete from pending_submission where lead_id = any(?::bigint[])", (Object)
                leads);
        count(
                removed,
                "event_publication",
                "delete from event_publication where completion_date is not null and serialized_event ilike any(?::text[])",
                (Object) patterns);
        count(
                removed,
                "spring_session_attributes",
                "delete from spring_session_attributes where "
                        + String.join(
                                " or ",
                                person.identifiers().stream()
                                        .map(i -> "position(convert_to(?, 'UTF8') in attribute_bytes) > 0")
                                        .toList()),
                person.identifiers().toArray());
        count(removed, "lead", "delete from lead where id = any(?::bigint[])", (Object) leads);
        long audit = 0;
        long pending = 0;
        for (String identifier : person.identifiers()) {
            audit += jdbc.sql("""
                            update audit_event set detail = regexp_replace(detail, '***=' || ?, ?, 'gi'),
                                   target = regexp_replace(target, '***=' || ?, ?, 'gi'), actor = regexp_replace(actor, '***=' || ?, ?, 'gi')
                             where position(lower(?) in lower(detail || ' ' || coalesce(target, '') || ' ' || actor)) > 0""")
                    .params(
                            identifier,
                            PersonalData.TOMBSTONE,
                            identifier,
                            PersonalData.TOMBSTONE,
                            identifier,
                            PersonalData.TOMBSTONE,
                            identifier)
                    .update();
            // Events still to be delivered keep their shape, with the identifier out of their text.
            pending += jdbc.sql("""
                            update event_publication set serialized_event = regexp_replace(serialized_event, '***=' || ?, ?, 'gi')
                             where position(lower(?) in lower(serialized_event)) > 0""")
                    .params(identifier, PersonalData.TOMBSTONE, identifier)
                    .update();
        }
        removed.put("audit_event (tombstoned)", audit);
        removed.put("event_publication (tombstoned)", pending);
        long files = 0;
        for (String upload : uploads) {
            try {
                files += Files.deleteIfExists(Path.of(upload)) ? 1 : 0;
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "The stored upload " + upload + " could not be deleted; nothing was erased.", e);
            }
        }
        jdbc.sql("update import_job set file_deleted_at = ? where stored_file = any(?::text[])")
                .params(Timestamp.from(at), uploads.toArray(String[]::new))
                .update();
        removed.put("stored uploads", files);
        removed.values().removeIf(n -> n == 0);
        long id = jdbc.sql("insert into erasure (erased_by, erased_at, removed) values (?, ?, ?::jsonb) returning id")
                .params(by, Timestamp.from(at), json(removed))
                .query(Long.class)
                .single();
        return new Erasure(id, by, at, removed);
    }

    private void count(Map<String, Long> removed, String table, String sql, Object... params) {
        removed.merge(table, (long) jdbc.sql(sql).params(params).update(), Long::sum);
    }

    /** The counts as a JSON object; the keys are table names of ours, with nothing to escape. */
    private static String json(Map<String, Long> removed) {
        StringBuilder json = new StringBuilder("{");
        removed.forEach((table, n) -> json.append(json.length() > 1 ? ", " : "")
                .append('"')
                .append(table)
                .append("\": ")
                .append(n));
        return json.append('}').toString();
    }

    Map<String, Long> counts(long erasureId) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("select key, value::bigint from erasure, jsonb_each_text(removed) where id = ?")
                .param(erasureId)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }
}
