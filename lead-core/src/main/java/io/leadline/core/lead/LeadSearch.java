package io.leadline.core.lead;

import io.leadline.core.Refusal;
import io.leadline.core.scoring.FitGrade;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * What the marketer's lead list shows: free text over name, email and company, and filters. {@code null}
 * fields do not filter. {@code minGrade} keeps that fit grade and better ("fit A–B" is {@code minGrade = B});
 * {@code withinDays} keeps leads created in the last so many days, counted when the search runs (so a saved
 * segment "last 30 days" stays the last 30 days). {@code minLikelihood} (a percentage) keeps leads whose stored
 * likelihood to close is at least that. {@code field} filters on one custom field (its value or a range).
 */
public record LeadSearch(
        String text,
        LifecycleStage stage,
        String source,
        FitGrade grade,
        FitGrade minGrade,
        String owner,
        Integer minScore,
        Integer maxScore,
        LocalDate createdFrom,
        LocalDate createdTo,
        Integer withinDays,
        Order order,
        Integer minLikelihood,
        FieldFilter field,
        Long segment,
        List<Long> ids) {

    /** Newest first, best score first, or most likely to close first (leads without a likelihood last); all page by keyset. */
    public enum Order {
        NEWEST,
        SCORE,
        LIKELIHOOD
    }

    /** Without a segment list or ticked leads. */
    public LeadSearch(
            String text,
            LifecycleStage stage,
            String source,
            FitGrade grade,
            FitGrade minGrade,
            String owner,
            Integer minScore,
            Integer maxScore,
            LocalDate createdFrom,
            LocalDate createdTo,
            Integer withinDays,
            Order order,
            Integer minLikelihood,
            FieldFilter field,
            Long segment) {
        this(
                text,
                stage,
                source,
                grade,
                minGrade,
                owner,
                minScore,
                maxScore,
                createdFrom,
                createdTo,
                withinDays,
                order,
                minLikelihood,
                field,
                segment,
                null);
    }

    /** Without a segment list. */
    public LeadSearch(
            String text,
            LifecycleStage stage,
            String source,
            FitGrade grade,
            FitGrade minGrade,
            String owner,
            Integer minScore,
            Integer maxScore,
            LocalDate createdFrom,
            LocalDate createdTo,
            Integer withinDays,
            Order order,
            Integer minLikelihood,
            FieldFilter field) {
        this(
                text,
                stage,
                source,
                grade,
                minGrade,
                owner,
                minScore,
                maxScore,
                createdFrom,
                createdTo,
                withinDays,
                order,
                minLikelihood,
                field,
                null);
    }

    /** Without a likelihood filter. */
    public LeadSearch(
            String text,
            LifecycleStage stage,
            String source,
            FitGrade grade,
            FitGrade minGrade,
            String owner,
            Integer minScore,
            Integer maxScore,
            LocalDate createdFrom,
            LocalDate createdTo,
            Integer withinDays,
            Order order) {
        this(
                text,
                stage,
                source,
                grade,
                minGrade,
                owner,
                minScore,
                maxScore,
                createdFrom,
                createdTo,
                withinDays,
                order,
                null);
    }

    /** Without a custom-field filter. */
    public LeadSearch(
            String text,
            LifecycleStage stage,
            String source,
            FitGrade grade,
            FitGrade minGrade,
            String owner,
            Integer minScore,
            Integer maxScore,
            LocalDate createdFrom,
            LocalDate createdTo,
            Integer withinDays,
            Order order,
            Integer minLikelihood) {
        this(
                text,
                stage,
                source,
                grade,
                minGrade,
                owner,
                minScore,
                maxScore,
                createdFrom,
                createdTo,
                withinDays,
                order,
                minLikelihood,
                null);
    }

    public LeadSearch {
        text = blankToNull(text);
        source = source == null || source.isBlank() ? null : LeadSources.key(source);
        owner = blankToNull(owner);
        order = order == null ? Order.NEWEST : order;
        ids = ids == null || ids.isEmpty() ? null : List.copyOf(ids);
        if (minScore != null && maxScore != null && minScore > maxScore) {
            throw new Refusal("search.score", "The lowest score is above the highest.");
        }
        if (minLikelihood != null && (minLikelihood < 0 || minLikelihood > 100)) {
            throw new Refusal("likelihood.percent", "The likelihood is a percentage from 0 to 100.");
        }
        if (withinDays != null && withinDays < 1) {
            throw new Refusal("search.days", "The number of days must be at least 1.");
        }
        if (createdFrom != null && createdTo != null && createdFrom.isAfter(createdTo)) {
            throw new Refusal("search.dates", "The first date is after the last.");
        }
    }

    public static LeadSearch everything() {
        return new LeadSearch(
                null, null, null, null, null, null, null, null, null, null, null, Order.NEWEST, null, null, null, null);
    }

    /** The same search narrowed to these leads (the ones ticked on a page). */
    public LeadSearch only(Collection<Long> leadIds) {
        return new LeadSearch(
                text,
                stage,
                source,
                grade,
                minGrade,
                owner,
                minScore,
                maxScore,
                createdFrom,
                createdTo,
                withinDays,
                order,
                minLikelihood,
                field,
                segment,
                List.copyOf(leadIds));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
