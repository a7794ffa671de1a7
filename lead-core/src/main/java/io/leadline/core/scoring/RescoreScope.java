package io.leadline.core.scoring;

import io.leadline.core.activity.ActivityType;
import io.leadline.core.lead.LeadField;
import io.leadline.core.lead.LeadProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which stored scores a change of model can move, so that a small edit rewrites only the leads it moves: nobody (a
 * rule renamed, rules reordered), the leads that meet the condition of a fit rule added, removed or re-weighted, or
 * have an activity of a type whose engagement rules changed (any other lead scores the same under both models,
 * whatever the caps: its matching fit rules and counted activities are the same), or everyone (anything else:
 * disqualifying rules, caps, decay, grades, the threshold). Time-driven change (decay, windows) is not a model change:
 * the nightly pass rescores everyone.
 */
public sealed interface RescoreScope {

    /** No score can differ: nothing to read or write. */
    record Nobody() implements RescoreScope {}

    /**
     * Only leads that meet one of the conditions (of the fit rules that changed, before or after) or have at least one
     * activity of one of the types can score differently.
     */
    record Bounded(Set<LeadCondition> conditions, Set<ActivityType> types) implements RescoreScope {
        public Bounded {
            conditions = Set.copyOf(conditions);
            types = Set.copyOf(types);
            if (conditions.isEmpty() && types.isEmpty()) {
                throw new IllegalArgumentException("name a condition or an activity type (neither: nobody)");
            }
        }

        /** Whether the lead meets one of the conditions (its activities aside). */
        public boolean meetsACondition(LeadProfile lead) {
            for (LeadCondition condition : conditions) {
                if (condition.evidence(lead).isPresent()) {
                    return true;
                }
            }
            return false;
        }

        /** The custom attributes the conditions read (the standard fields aside). */
        public Set<String> customAttributes() {
            return conditions.stream()
                    .map(LeadCondition::field)
                    .filter(f -> LeadField.byKey(f).isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        }

        /** "leads meeting 1 changed fit condition or with demo_request activities" */
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (!conditions.isEmpty()) {
                parts.add("meeting " + conditions.size() + " changed fit condition"
                        + (conditions.size() == 1 ? "" : "s"));
            }
            if (!types.isEmpty()) {
                parts.add("with "
                        + types.stream().map(ActivityType::key).sorted().collect(Collectors.joining(", "))
                        + " activities");
            }
            return "leads " + String.join(" or ", parts);
        }
    }

    /** Every lead is read and scored again (writing still only the scores that differ). */
    record Everyone() implements RescoreScope {}

    /** What rescoring from {@code before} (the model the stored scores came from; null: unknown) to {@code after} must read. */
    static RescoreScope between(ScoringModel before, ScoringModel after) {
        Objects.requireNonNull(after, "after");
        if (before == null || !sameOutsideRules(before, after)) {
            return new Everyone();
        }
        // Fit points and engagement points are sums: the rules' order and names change nothing; a rule whose
        // (condition, points) or (type, points, cap, window) is not as often in both models changed.
        Set<LeadCondition> conditions = new HashSet<>();
        changedKeys(counts(before.fitRules(), RescoreScope::fitKey), counts(after.fitRules(), RescoreScope::fitKey))
                .forEach(key -> conditions.add((LeadCondition) key.getFirst()));
        Set<ActivityType> types = new HashSet<>();
        changedKeys(
                        counts(before.engagementRules(), RescoreScope::engagementKey),
                        counts(after.engagementRules(), RescoreScope::engagementKey))
                .forEach(key -> types.add((ActivityType) key.getFirst()));
        return conditions.isEmpty() && types.isEmpty() ? new Nobody() : new Bounded(conditions, types);
    }

    private static Set<List<Object>> changedKeys(Map<List<Object>, Integer> was, Map<List<Object>, Integer> is) {
        Set<List<Object>> keys = new HashSet<>(was.keySet());
        keys.addAll(is.keySet());
        keys.removeIf(key -> Objects.equals(was.get(key), is.get(key)));
        return keys;
    }

    private static boolean sameOutsideRules(ScoringModel before, ScoringModel after) {
        // Disqualifying rules stay in order (the first that matches names the reason).
        return before.disqualifyingRules().stream()
                        .map(r -> List.of(r.when(), r.reason()))
                        .toList()
                        .equals(after.disqualifyingRules().stream()
                                .map(r -> List.of(r.when(), r.reason()))
                                .toList())
                && before.caps().equals(after.caps())
                && before.decay().equals(after.decay())
                && before.gradeBands().equals(after.gradeBands())
                && before.mqlThreshold().equals(after.mqlThreshold());
    }

    private static List<Object> fitKey(FitRule rule) {
        return List.of(rule.when(), rule.points());
    }

    private static List<Object> engagementKey(EngagementRule rule) {
        return Arrays.asList(rule.type(), rule.pointsEach(), rule.cap(), rule.withinDays(), rule.pages());
    }

    private static <T> Map<List<Object>, Integer> counts(List<T> rules, Function<T, List<Object>> key) {
        Map<List<Object>, Integer> counts = new HashMap<>();
        rules.forEach(rule -> counts.merge(key.apply(rule), 1, Integer::sum));
        return counts;
    }
}
