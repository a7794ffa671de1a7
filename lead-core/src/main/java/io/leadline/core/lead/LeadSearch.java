package io.leadline.core.lead;

import io.leadline.core.scoring.FitGrade;
import java.time.LocalDate;

/**
 * What the marketer's lead list shows: free text over name, email and company, and filters. {@code null}
 * fields do not filter. {@code minGrade} keeps that fit grade and better ("fit A–B" is {@code minGrade = B});
 * {@code withinDays} keeps leads created in the last so many days, counted when the search runs (so a saved
 * segment "last 30 days" stays the last 30 days).
 */
public record LeadSearch(String text, LifecycleStage stage, String source, FitGrade grade, FitGrade minGrade, String owner,
                         Integer minScore, Integer maxScore, LocalDate createdFrom, LocalDate createdTo, Integer withinDays,
                         Order order) {

    /** Newest first, or best score first; both page by keyset. */
    public enum Order { NEWEST, SCORE }

    public LeadSearch {
        text = blankToNull(text);
        source = source == null || source.isBlank() ? null : io.leadline.core.lead.LeadSources.key(source);
        owner = blankToNull(owner);
        order = order == null ? Order.NEWEST : order;
        if (minScore != null && maxScore != null && minScore > maxScore) {
            throw new IllegalArgumentException("The lowest score is above the highest.");
        }
        if (withinDays != null && withinDays < 1) {
            throw new IllegalArgumentException("The number of days must be at least 1.");
        }
        if (createdFrom != null && createdTo != null && createdFrom.isAfter(createdTo)) {
            throw new IllegalArgumentException("The first date is after the last.");
        }
    }

    public static LeadSearch everything() {
        return new LeadSearch(null, null, null, null, null, null, null, null, null, null, null, Order.NEWEST);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
