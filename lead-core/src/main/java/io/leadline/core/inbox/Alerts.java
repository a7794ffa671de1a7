package io.leadline.core.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Mail alerts for inbox notices: each user's address and {@link AlertMode}, and the notices owed to them by mail.
 * Implemented by lead-persistence.
 */
public interface Alerts {

    /** How long an hourly digest collects notices before it goes. */
    Duration DIGEST = Duration.ofHours(1);

    /**
     * A user's alert address ({@code null}: none), mode, and the kinds of notice they want by mail (the others stay in
     * the inbox only).
     */
    record Preference(String email, AlertMode mode, Set<InboxItem.Kind> kinds) {

        public Preference {
            kinds = kinds == null || kinds.isEmpty() ? EnumSet.allOf(InboxItem.Kind.class) : Set.copyOf(kinds);
        }

        /** Every kind by mail. */
        public Preference(String email, AlertMode mode) {
            this(email, mode, null);
        }
    }

    /** The notices one mail carries, to one user. */
    record Mail(String username, String email, AlertMode mode, List<InboxItem> items) {}

    Preference preference(String username);

    void save(String username, Preference preference);

    /**
     * Takes the mails due at {@code now}, up to {@code limit} notices in all, for the caller until {@code leaseUntil}
     * (another instance takes none of them meanwhile): a notice each for users who want them at once, and one digest
     * for a user who wants hourly ones once their oldest unmailed notice is {@link #DIGEST} old.
     */
    List<Mail> takeDue(Instant now, Instant leaseUntil, int limit);

    /** The notices went out: never mailed again. */
    void mailed(List<Long> itemIds, Instant at);
}
