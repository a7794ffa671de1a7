package io.leadline.core.inbox;

import java.time.Instant;
import java.util.Objects;

/** One notice in a user's inbox: what happened to which lead, when, and whether the user has read it. */
public record InboxItem(long id, String username, Kind kind, long leadId, String text, Instant at, Instant readAt) {

    public enum Kind {
        ASSIGNED("New lead", "assigned"),
        HAND_RAISED("Hand raised", "hot"),
        SLA_AT_RISK("Response time running out", "hot"),
        SLA_BREACHED("Response time passed", "late"),
        BACK_FROM_NURTURE("Back from nurture", "hot"),
        /** For an account's owner: the account became an MQA (the notice's lead is its best contact). */
        ACCOUNT_MQA("Account is an MQA", "hot"),
        /** For admins: an endpoint was turned off (the notice's lead is the one whose event could not be delivered). */
        WEBHOOK_OFF("Webhook turned off", "late", false);

        private final String label;
        private final String tone;
        private final boolean aboutLead;

        Kind(String label, String tone) {
            this(label, tone, true);
        }

        Kind(String label, String tone, boolean aboutLead) {
            this.label = label;
            this.tone = tone;
            this.aboutLead = aboutLead;
        }

        /** Whether opening the notice opens its lead (otherwise it opens the settings it is about). */
        public boolean aboutLead() {
            return aboutLead;
        }

        /** How urgent it looks: assigned, hot or late (the badge's style). */
        public String tone() {
            return tone;
        }

        public String label() {
            return label;
        }
    }

    /** The longest notice text kept; a longer one is shortened with an ellipsis. */
    public static final int MAX_TEXT = 500;

    /** The text as a notice keeps it: at most {@link #MAX_TEXT} characters. */
    public static String fitted(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    public InboxItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }

    public boolean unread() {
        return readAt == null;
    }
}
