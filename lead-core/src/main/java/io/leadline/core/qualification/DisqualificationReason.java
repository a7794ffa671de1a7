package io.leadline.core.qualification;

import java.util.List;

/** Why a lead is ruled out. {@code needsNote}: the rep must say more (e.g. "other"). */
public record DisqualificationReason(String code, String label, boolean needsNote) {

    public static final DisqualificationReason COMPETITOR =
            new DisqualificationReason("competitor", "Competitor", false);
    public static final DisqualificationReason VENDOR =
            new DisqualificationReason("vendor", "Vendor or partner", false);
    public static final DisqualificationReason STUDENT =
            new DisqualificationReason("student", "Student or job seeker", false);
    public static final DisqualificationReason NO_BUDGET = new DisqualificationReason("no_budget", "No budget", false);
    public static final DisqualificationReason NO_NEED = new DisqualificationReason("no_need", "No need", false);
    public static final DisqualificationReason NO_AUTHORITY =
            new DisqualificationReason("no_authority", "No authority", false);
    public static final DisqualificationReason BAD_TIMING =
            new DisqualificationReason("bad_timing", "Bad timing", false);
    public static final DisqualificationReason UNREACHABLE =
            new DisqualificationReason("unreachable", "Unreachable", false);
    public static final DisqualificationReason INVALID_CONTACT =
            new DisqualificationReason("invalid_contact", "Invalid contact data", false);
    public static final DisqualificationReason DUPLICATE = new DisqualificationReason("duplicate", "Duplicate", false);
    public static final DisqualificationReason OTHER = new DisqualificationReason("other", "Other", true);

    /** The reasons a fresh installation offers; admins may configure their own list. */
    public static final List<DisqualificationReason> STANDARD = List.of(
            COMPETITOR,
            VENDOR,
            STUDENT,
            NO_BUDGET,
            NO_NEED,
            NO_AUTHORITY,
            BAD_TIMING,
            UNREACHABLE,
            INVALID_CONTACT,
            DUPLICATE,
            OTHER);

    public DisqualificationReason {
        if (code == null || !code.matches("[a-z0-9_]{1,40}")) {
            throw new IllegalArgumentException("a reason code is 1 to 40 lower-case letters, digits or underscores");
        }
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("reason '" + code + "' needs a label");
        }
    }
}
