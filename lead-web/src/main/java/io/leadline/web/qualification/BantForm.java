package io.leadline.web.qualification;

import io.leadline.core.qualification.BantCriterion;
import io.leadline.core.qualification.BantStatus;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.validation.BindingResult;

/**
 * The BANT card of the lead page: for each criterion its status, the evidence in the rep's words and, for the
 * timeline, the months to a decision. A status that is not one of the choices or months that are not a whole number
 * fail binding for that criterion alone (the others can still be saved).
 */
record BantForm(
        BantStatus budgetStatus,
        String budgetEvidence,
        Integer budgetMonths,
        BantStatus authorityStatus,
        String authorityEvidence,
        Integer authorityMonths,
        BantStatus needStatus,
        String needEvidence,
        Integer needMonths,
        BantStatus timelineStatus,
        String timelineEvidence,
        Integer timelineMonths) {

    /** One criterion's part of the form; a status not sent reads unknown. */
    record Part(BantStatus status, String evidence, Integer months) {}

    Part of(BantCriterion criterion) {
        return switch (criterion) {
            case BUDGET -> part(budgetStatus, budgetEvidence, budgetMonths);
            case AUTHORITY -> part(authorityStatus, authorityEvidence, authorityMonths);
            case NEED -> part(needStatus, needEvidence, needMonths);
            case TIMELINE -> part(timelineStatus, timelineEvidence, timelineMonths);
        };
    }

    private static Part part(BantStatus status, String evidence, Integer months) {
        return new Part(status == null ? BantStatus.UNKNOWN : status, evidence, months);
    }

    /** The form's field names for a criterion: {@code budgetStatus}, {@code budgetEvidence}, {@code budgetMonths}. */
    static String field(BantCriterion criterion, String part) {
        return criterion.name().toLowerCase(Locale.ROOT) + part;
    }

    /** The criterion's field that failed binding ({@code Status} or {@code Months}), {@code null} when none did. */
    static String failed(BindingResult binding, BantCriterion criterion) {
        for (String part : new String[] {"Status", "Months"}) {
            if (binding.hasFieldErrors(field(criterion, part))) {
                return part;
            }
        }
        return null;
    }

    /** What the rep typed, as typed (a value that failed binding too), to show again beside the errors. */
    static Map<String, String> asTyped(BindingResult binding) {
        Map<String, String> typed = new HashMap<>();
        for (BantCriterion criterion : BantCriterion.values()) {
            for (String part : new String[] {"Status", "Evidence", "Months"}) {
                Object value = binding.getFieldValue(field(criterion, part));
                typed.put(field(criterion, part), value == null ? null : value.toString());
            }
        }
        return typed;
    }
}
