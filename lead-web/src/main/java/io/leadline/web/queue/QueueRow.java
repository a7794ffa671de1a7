package io.leadline.web.queue;

/**
 * One row of the queue page as it is shown: every text already in the reader's language and zone, every link already
 * made, so that the template prints properties and decides nothing (the page has up to 75 rows; worked out in the
 * template, each row cost about twenty expressions, four message lookups and a fragment insertion).
 *
 * @param rowClass    {@code "hot"} for a hand-raiser, else {@code null}
 * @param likelihood  "23 %", "—" without one, {@code null} while no likelihood model is live (no column)
 * @param hotBadge    "Hot · 1 h ago" for a hand-raiser, else {@code null}
 * @param lateTitle   why the SLA badge shows, {@code null} when the lead is not late
 * @param claimAction where the claim button posts, {@code null} when there is no button
 */
record QueueRow(
        String rowClass,
        String href,
        String name,
        boolean doNotContact,
        String email,
        String company,
        String jobTitle,
        String source,
        int score,
        String grade,
        String gradeClass,
        String likelihood,
        String stage,
        String stageClass,
        String waiting,
        String since,
        String hotBadge,
        String lateTitle,
        String owner,
        String claimAction,
        String claimLabel,
        boolean unassignedNote) {}
