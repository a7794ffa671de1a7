package io.leadline.core.scoring;

import io.leadline.core.activity.ActivityType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Which stored scores a change of model can move, so that a small edit rewrites only the leads it moves: nobody (a
 * rule renamed, rules reordered), the leads with activities of the types whose engagement rules changed (a lead
 * without one scores the same under both models, whatever the caps), or everyone (anything else: fit and
 * disqualifying rules, caps, decay, grades, the threshold). Time-driven change (decay, windows) is not a model change:
 * the nightly pass rescores everyone.
 */
public sealed interface RescoreScope {

    /** No score can differ: nothing to read or write. */
    record Nobody() implements RescoreScope {
    }

    /** Only leads with at least one activity of these types can score differently. */
    record LeadsWithActivities(Set<ActivityType> types) implements RescoreScope {
        public LeadsWithActivities {
            types = Set.copyOf(types);
            if (types.isEmpty()) {
                throw new IllegalArgumentException("name at least one activity type (no type: nobody)");
            }
        }
    }

    /** Every lead is read and scored again (writing still only the scores that differ). */
    record Everyone() implements RescoreScope {
    }

    /** What rescoring from {@code before} (the model the stored scores came from; null: unknown) to {@code after} must read. */
    static RescoreScope between(ScoringModel before, ScoringModel after) {
        Objects.requireNonNull(after, "after");
        if (before == null || !sameOutsideEngagement(before, after)) {
            return new Everyone();
        }
        Map<List<Object>, Integer> was = counts(before.engagementRules(), RescoreScope::engagementKey);
        Map<List<Object>, Integer> is = counts(after.engagementRules(), RescoreScope::engagementKey);
        Set<ActivityType> changed = new HashSet<>();
        Set<List<Object>> keys = new HashSet<>(was.keySet());
        keys.addAll(is.keySet());
        for (List<Object> key : keys) {
            if (!Objects.equals(was.get(key), is.get(key))) {
                changed.add((ActivityType) key.getFirst());
            }
        }
        return changed.isEmpty() ? new Nobody() : new LeadsWithActivities(changed);
    }

    private static boolean sameOutsideEngagement(ScoringModel before, ScoringModel after) {
        // Fit points are a sum: the rules' order and names change nothing. Disqualifying rules stay in order (the first
        // that matches names the reason).
        return counts(before.fitRules(), r -> List.of(r.when(), r.points()))
                        .equals(counts(after.fitRules(), r -> List.of(r.when(), r.points())))
                && before.disqualifyingRules().stream().map(r -> List.of(r.when(), r.reason())).toList()
                        .equals(after.disqualifyingRules().stream().map(r -> List.of(r.when(), r.reason())).toList())
                && before.caps().equals(after.caps())
                && before.decay().equals(after.decay())
                && before.gradeBands().equals(after.gradeBands())
                && before.mqlThreshold().equals(after.mqlThreshold());
    }

    private static List<Object> engagementKey(EngagementRule rule) {
        return java.util.Arrays.asList(rule.type(), rule.pointsEach(), rule.cap(), rule.withinDays());
    }

    private static <T> Map<List<Object>, Integer> counts(List<T> rules, Function<T, List<Object>> key) {
        Map<List<Object>, Integer> counts = new HashMap<>();
        rules.forEach(rule -> counts.merge(key.apply(rule), 1, Integer::sum));
        return counts;
    }
}
