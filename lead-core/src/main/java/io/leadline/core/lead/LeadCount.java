package io.leadline.core.lead;

import java.util.Locale;

/**
 * A number of leads as pages show it: counted exactly up to {@value #UP_TO}, beyond that only "more" (a page that
 * says "10,000+" need not count a million). Pass {@link #CAP} to the count.
 */
public record LeadCount(long counted) {

    public static final long UP_TO = 10_000;
    /** What a count asks for at most: one past {@link #UP_TO}, to tell "exactly 10,000" from "more". */
    public static final long CAP = UP_TO + 1;

    public boolean more() {
        return counted > UP_TO;
    }

    public boolean one() {
        return counted == 1;
    }

    /** "1,718", or "10,000+". */
    public String figure() {
        return more() ? String.format(Locale.ROOT, "%,d+", UP_TO) : String.format(Locale.ROOT, "%,d", counted);
    }

    /** "1 lead", "1,718 leads", "more than 10,000 leads". */
    public String leads() {
        if (more()) {
            return String.format(Locale.ROOT, "more than %,d leads", UP_TO);
        }
        return one() ? "1 lead" : figure() + " leads";
    }
}
