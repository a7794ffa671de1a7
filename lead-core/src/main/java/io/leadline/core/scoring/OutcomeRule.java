package io.leadline.core.scoring;

import java.time.Duration;
import java.time.Instant;

/**
 * Which leads count as won and which as not won when a model is judged (the back-test) or trained. A recorded outcome
 * (won, lost, disqualified) always counts. Many CRMs record only their wins: then an open lead older than
 * {@code staleAfterDays} without a win counts as not won, and younger open leads are left out. Losses are taken as
 * recorded only when there are enough of them ({@link #lossesRecorded}), so one disqualified lead among 842 wins does
 * not switch the rule off and leave a back-test with a single loss.
 */
public record OutcomeRule(int staleAfterDays) {

    public static final int DEFAULT_STALE_AFTER_DAYS = 90;

    /** Fewer recorded losses than this (or than a tenth of the wins) and the CRM is taken to record only wins. */
    static final int FEWEST_RECORDED_LOSSES = 10;

    public OutcomeRule {
        if (staleAfterDays < 1 || staleAfterDays > 3650) {
            throw new IllegalArgumentException(
                    "a lead counts as not won after 1 to 3650 days without a win, not " + staleAfterDays);
        }
    }

    public static OutcomeRule defaults() {
        return new OutcomeRule(DEFAULT_STALE_AFTER_DAYS);
    }

    /** Whether the data records losses, judged from how many won and how many not-won outcomes it holds. */
    public static boolean lossesRecorded(long won, long notWon) {
        return notWon >= Math.max(FEWEST_RECORDED_LOSSES, won / 10);
    }

    /**
     * The outcome a lead counts with: {@code true} won, {@code false} not won, {@code null} left out.
     *
     * @param recordedWon the recorded outcome, {@code null} for an open lead
     */
    public Boolean outcome(Boolean recordedWon, Instant createdAt, Instant now, boolean lossesRecorded) {
        if (recordedWon != null) {
            return recordedWon;
        }
        if (lossesRecorded || createdAt == null) {
            return null;
        }
        return Duration.between(createdAt, now).toDays() >= staleAfterDays ? Boolean.FALSE : null;
    }

    /** How the leads were judged, in words for the page; empty when only recorded outcomes count. */
    public String describe(boolean lossesRecorded) {
        return lossesRecorded
                ? ""
                : "few losses are recorded, so open leads older than " + staleAfterDays
                        + " days without a win count as not won (newer ones are left out)";
    }
}
