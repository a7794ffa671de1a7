package io.leadline.core.qualification;

import io.leadline.core.Refusal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When a lead is ready to become an SQL: every {@code required} criterion met, at least {@code minimumMet}
 * criteria met in all, and, when {@code timelineWithinMonths} is set, a met Timeline that decides within
 * that many months. E.g. "Need and Authority met and Timeline within 6 months", or "any 3 of 4".
 */
public record BantPolicy(Set<BantCriterion> required, int minimumMet, Integer timelineWithinMonths) {

    public BantPolicy {
        required = required.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(required));
        if (minimumMet < 0 || minimumMet > BantCriterion.values().length) {
            throw new Refusal("bant.minimum", "the minimum of criteria met is between 0 and 4");
        }
        if (timelineWithinMonths != null && timelineWithinMonths < 0) {
            throw new Refusal("bant.timeline", "the timeline window cannot be negative");
        }
    }

    /** The default: Need and Authority met and a Timeline within 6 months. */
    public static BantPolicy standard() {
        return new BantPolicy(Set.of(BantCriterion.NEED, BantCriterion.AUTHORITY), 0, 6);
    }

    public static BantPolicy anyOf(int n) {
        return new BantPolicy(Set.of(), n, null);
    }

    public Verdict evaluate(BantAssessment assessment) {
        List<String> missing = new ArrayList<>();
        for (BantCriterion criterion : BantCriterion.values()) {
            if (required.contains(criterion) && !assessment.isMet(criterion)) {
                missing.add(criterion.label() + " must be met");
            }
        }
        if (timelineWithinMonths != null) {
            BantAnswer timeline = assessment.answer(BantCriterion.TIMELINE);
            if (timeline.status() != BantStatus.MET || timeline.monthsToDecision() == null) {
                missing.add("Timeline must be met with a decision date");
            } else if (timeline.monthsToDecision() > timelineWithinMonths) {
                missing.add("Timeline must be within " + timelineWithinMonths + " months (it is "
                        + timeline.monthsToDecision() + ")");
            }
        }
        long met =
                Arrays.stream(BantCriterion.values()).filter(assessment::isMet).count();
        if (met < minimumMet) {
            missing.add("at least " + minimumMet + " of Budget, Authority, Need and Timeline must be met (" + met
                    + (met == 1 ? " is" : " are") + ")");
        }
        return new Verdict(missing.isEmpty(), List.copyOf(missing));
    }

    /** Whether the lead is sales-ready, and if not, what is missing. */
    public record Verdict(boolean ready, List<String> missing) {}
}
