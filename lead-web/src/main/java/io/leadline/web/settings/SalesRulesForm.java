package io.leadline.web.settings;

import io.leadline.core.qualification.BantCriterion;
import io.leadline.core.qualification.BantPolicy;
import java.util.EnumSet;
import java.util.Set;

/**
 * The sales rules form of the settings page: the response-time SLA and the BANT policy. Numbers that are not whole
 * numbers fail binding (the page says so); the ranges are lead-core's ({@code ResponseSla}, {@link BantPolicy}).
 *
 * @param slaHours       the response-time SLA in hours
 * @param required       the BANT criteria that must be met (the ticked boxes)
 * @param minimumMet     how many criteria at least must be met; none sent reads 0
 * @param timelineMonths the timeline a lead must buy within, {@code null} for any
 */
record SalesRulesForm(Integer slaHours, Set<BantCriterion> required, Integer minimumMet, Integer timelineMonths) {

    SalesRulesForm {
        required =
                required == null || required.isEmpty() ? EnumSet.noneOf(BantCriterion.class) : EnumSet.copyOf(required);
        minimumMet = minimumMet == null ? 0 : minimumMet;
    }

    /** The policy asked for; lead-core refuses one out of range. */
    BantPolicy policy() {
        return new BantPolicy(required, minimumMet, timelineMonths);
    }

    /** What the audit trail says was saved. */
    String summary() {
        return "SLA " + slaHours + " h; BANT required " + required + ", at least " + minimumMet + " met, timeline "
                + (timelineMonths == null ? "any" : "within " + timelineMonths + " months");
    }
}
