package io.leadline.core.inbox;

import java.time.Instant;
import java.util.Objects;

/** One notice in a user's inbox: what happened to which lead, when, and whether the user has read it. */
public record InboxItem(long id, String username, Kind kind, long leadId, String text, Instant at, Instant readAt) {

    public enum Kind {
        ASSIGNED("New lead"),
        HAND_RAISED("Hand raised");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
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
