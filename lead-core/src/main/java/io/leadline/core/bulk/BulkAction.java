package io.leadline.core.bulk;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to do to each selected lead: assign it to a rep, disqualify it with a reason, or recycle it until a date. Each
 * lead is then moved through the same service as a single action would be, so rules, events and the audit apply and a
 * lead that cannot take the move is refused with the reason, not forced.
 */
public record BulkAction(Kind kind, String rep, String reasonCode, String note, LocalDate revisitOn) {

    public enum Kind {
        ASSIGN("Assign to a rep"),
        DISQUALIFY("Disqualify"),
        RECYCLE("Recycle to nurture");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether only an admin may run it on many leads (giving leads to reps is an admin's call). */
        public boolean adminOnly() {
            return this == ASSIGN;
        }
    }

    /** The most leads one bulk action takes; a larger selection is narrowed first. */
    public static final int MAX_LEADS = 100_000;

    public BulkAction {
        Objects.requireNonNull(kind, "kind");
        rep = blankToNull(rep);
        reasonCode = blankToNull(reasonCode);
        note = note == null ? "" : note.strip();
        switch (kind) {
            case ASSIGN -> {
                if (rep == null) {
                    throw new IllegalArgumentException("Choose the rep who gets the leads.");
                }
            }
            case DISQUALIFY -> {
                if (reasonCode == null) {
                    throw new IllegalArgumentException("Choose the reason the leads are disqualified.");
                }
            }
            case RECYCLE -> {
                if (revisitOn == null) {
                    throw new IllegalArgumentException("Choose the date to revisit the leads.");
                }
            }
        }
    }

    /** "Disqualify (No budget: frozen)", "Assign to a rep (rita)", "Recycle to nurture (until 2027-03-01)". */
    public String describe() {
        String what = switch (kind) {
            case ASSIGN -> rep;
            case DISQUALIFY -> reasonCode + (note.isEmpty() ? "" : ": " + note);
            case RECYCLE -> "until " + revisitOn + (note.isEmpty() ? "" : ": " + note);
        };
        return kind.label() + " (" + what + ")";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
