package io.leadline.core.privacy;

import io.leadline.core.lead.EmailAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything Leadline holds about one person, found by their email address: to show it to them (access) and to
 * erase it (erasure). The person is the leads whose address is theirs (the same mailbox: +tags and Gmail's dots aside)
 * or was merged into one; what names them elsewhere is found by their identifiers (addresses, name, phone numbers,
 * external ids). Implemented by lead-persistence.
 */
public interface PersonalData {

    /** What identifies the person, and the leads that are theirs. */
    record Person(EmailAddress email, List<Long> leadIds, List<String> identifiers) {

        public Person {
            leadIds = List.copyOf(leadIds);
            identifiers = List.copyOf(identifiers);
        }
    }

    Person find(EmailAddress email);

    /**
     * Everything held about the person, section by section (profile, activities, website visits, stage history, BANT
     * answers, held submissions, rejected import rows, webhook deliveries, audit entries that name them); each section
     * a list of records, each record its fields by name, in a stable order.
     */
    Map<String, List<Map<String, Object>>> export(Person person);

    /**
     * Erases the person: their leads and everything that links to them or names them, and audit entries' mentions of
     * them replaced by {@value #TOMBSTONE}. The erasure is recorded with who and when, never whom; answers what was removed,
     * by table.
     */
    Erasure erase(Person person, String by, Instant at);

    String TOMBSTONE = "[erased]";

    /** A recorded erasure: how many rows each table lost (no identifier of the person). */
    record Erasure(long id, String by, Instant at, Map<String, Long> removed) {

        public Erasure {
            removed = Map.copyOf(removed);
        }

        public long total() {
            return removed.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The latest erasures, newest first. */
    List<Erasure> latestErasures(int limit);
}
