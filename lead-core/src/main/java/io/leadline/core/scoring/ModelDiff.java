package io.leadline.core.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** A readable list of what changed between two versions of the scoring model. */
public final class ModelDiff {

    private ModelDiff() {}

    public static List<String> between(ScoringModel before, ScoringModel after) {
        List<String> changes = new ArrayList<>();
        for (FitRule rule : after.fitRules()) {
            before.fitRules().stream()
                    .filter(r -> r.name().equals(rule.name()))
                    .findFirst()
                    .ifPresentOrElse(
                            old -> {
                                if (old.points() != rule.points()) {
                                    changes.add(rule.name() + ": " + old.points() + " → " + rule.points() + " points");
                                }
                                if (!old.when().equals(rule.when())
                                        && !(old.when() instanceof LeadCondition.EmailDomain)) {
                                    changes.add(rule.name() + ": " + old.when().describe() + " → "
                                            + rule.when().describe());
                                }
                            },
                            () -> changes.add("new fit rule " + rule.name() + " (" + rule.points() + " points): "
                                    + rule.when().describe()));
        }
        before.fitRules().stream()
                .filter(r -> after.fitRules().stream().noneMatch(a -> a.name().equals(r.name())))
                .forEach(r -> changes.add("fit rule " + r.name() + " removed"));
        for (EngagementRule rule : after.engagementRules()) {
            before.engagementRules().stream()
                    .filter(r -> r.name().equals(rule.name()))
                    .findFirst()
                    .ifPresentOrElse(
                            old -> {
                                if (old.pointsEach() != rule.pointsEach()) {
                                    changes.add(rule.name() + ": " + old.pointsEach() + " → " + rule.pointsEach()
                                            + " points each");
                                }
                                if (!Objects.equals(old.cap(), rule.cap())) {
                                    changes.add(rule.name() + ": cap " + text(old.cap()) + " → " + text(rule.cap()));
                                }
                                if (!Objects.equals(old.withinDays(), rule.withinDays())) {
                                    changes.add(rule.name() + ": counting " + days(old.withinDays()) + " → "
                                            + days(rule.withinDays()));
                                }
                                if (!Objects.equals(old.pages(), rule.pages())) {
                                    changes.add(rule.name() + ": pages " + (old.pages() == null ? "any" : old.pages())
                                            + " → " + (rule.pages() == null ? "any" : rule.pages()));
                                }
                            },
                            () -> changes.add(
                                    "new engagement rule " + rule.name() + " (" + rule.pointsEach() + " points each)"));
        }
        before.engagementRules().stream()
                .filter(r ->
                        after.engagementRules().stream().noneMatch(a -> a.name().equals(r.name())))
                .forEach(r -> changes.add("engagement rule " + r.name() + " removed"));
        for (DisqualifyingRule rule : after.disqualifyingRules()) {
            before.disqualifyingRules().stream()
                    .filter(r -> r.name().equals(rule.name()))
                    .findFirst()
                    .ifPresentOrElse(
                            old -> {
                                if (old.when() instanceof LeadCondition.EmailDomain o
                                        && rule.when() instanceof LeadCondition.EmailDomain n
                                        && !o.domains().equals(n.domains())) {
                                    changes.add(rule.name() + " domains: " + domains(o) + " → " + domains(n));
                                } else if (!old.when().equals(rule.when())) {
                                    changes.add(rule.name() + ": condition changed");
                                }
                            },
                            () -> changes.add("new disqualifying rule " + rule.name()));
        }
        for (FitRule rule : after.fitRules()) {
            before.fitRules().stream()
                    .filter(r -> r.name().equals(rule.name()))
                    .findFirst()
                    .filter(old -> old.when() instanceof LeadCondition.EmailDomain
                            && rule.when() instanceof LeadCondition.EmailDomain)
                    .filter(old -> !old.when().equals(rule.when()))
                    .ifPresent(old ->
                            changes.add(rule.name() + " domains: " + domains((LeadCondition.EmailDomain) old.when())
                                    + " → " + domains((LeadCondition.EmailDomain) rule.when())));
        }
        compare(
                changes,
                "MQL threshold",
                before.mqlThreshold().points(),
                after.mqlThreshold().points());
        compare(
                changes,
                "MQL needs fit grade at least",
                before.mqlThreshold().minimumGrade(),
                after.mqlThreshold().minimumGrade());
        compare(
                changes,
                "Grade A from",
                before.gradeBands().minimumForA(),
                after.gradeBands().minimumForA());
        compare(
                changes,
                "Grade B from",
                before.gradeBands().minimumForB(),
                after.gradeBands().minimumForB());
        compare(
                changes,
                "Grade C from",
                before.gradeBands().minimumForC(),
                after.gradeBands().minimumForC());
        compare(changes, "Fit cap", text(before.caps().fit()), text(after.caps().fit()));
        compare(
                changes,
                "Engagement cap",
                text(before.caps().engagement()),
                text(after.caps().engagement()));
        compare(
                changes,
                "Total cap",
                text(before.caps().total()),
                text(after.caps().total()));
        compare(changes, "Decay", describe(before.decay()), describe(after.decay()));
        return changes;
    }

    private static void compare(List<String> changes, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(what + ": " + before + " → " + after);
        }
    }

    private static String domains(LeadCondition.EmailDomain condition) {
        return condition.domains().isEmpty() ? "none" : String.join(", ", new TreeSet<>(condition.domains()));
    }

    private static String text(Integer cap) {
        return cap == null ? "none" : cap.toString();
    }

    private static String describe(Decay decay) {
        return switch (decay) {
            case Decay.None n -> "none";
            case Decay.HalfLife h -> "half-life " + h.days() + " days";
            case Decay.Stepped s -> "stepped " + s.text();
        };
    }

    private static String days(Integer days) {
        return days == null ? "all time" : "the last " + days + " days";
    }
}
