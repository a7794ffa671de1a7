package io.leadline.core.bulk;

import io.leadline.core.Refusal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What to do to each selected lead: assign it to a rep, disqualify it with a reason, recycle it until a date, or add
 * it to or take it out of a segment list. A move is made through the same service as a single action would make it,
 * so rules, events and the audit apply and a lead that cannot take the move is refused with the reason, not forced.
 */
public record BulkAction(Kind kind, String rep, String reasonCode, String note, LocalDate revisitOn, Long segmentId) {

    public enum Kind {
        ASSIGN("Assign to a rep"),
        DISQUALIFY("Disqualify"),
        RECYCLE("Recycle to nurture"),
        ADD_TO_SEGMENT("Add to a segment"),
        REMOVE_FROM_SEGMENT("Remove from a segment");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether it moves leads through the sales services (a segment's membership is not a move). */
        public boolean move() {
            return this == ASSIGN || this == DISQUALIFY || this == RECYCLE;
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
                    throw new Refusal("bulk.rep", "Choose the rep who gets the leads.");
                }
            }
            case DISQUALIFY -> {
                if (reasonCode == null) {
                    throw new Refusal("bulk.reason", "Choose the reason the leads are disqualified.");
                }
            }
            case RECYCLE -> {
                if (revisitOn == null) {
                    throw new Refusal("bulk.revisit", "Choose the date to revisit the leads.");
                }
            }
            case ADD_TO_SEGMENT, REMOVE_FROM_SEGMENT -> {
                if (segmentId == null) {
                    throw new Refusal("bulk.segment", "Choose the segment, or name a new one.");
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
            case ADD_TO_SEGMENT, REMOVE_FROM_SEGMENT -> "segment " + segmentId;
        };
        return kind.label() + " (" + what + ")";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
