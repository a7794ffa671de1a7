package io.leadline.core.queue;

import io.leadline.core.queue.AssignmentRule.NewMql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who gets a new MQL: the first assignment rule that matches and whose rep is active with room under their capacity;
 * else, with round-robin on, the next rep in the rotation ({@link RoundRobin}); else nobody — the lead waits in the
 * queue for a rep to claim it.
 */
public record LeadRouting(List<AssignmentRule> rules, boolean roundRobin) {

    public LeadRouting {
        rules = List.copyOf(rules);
    }

    /** A lead given to {@code rep}; {@code because} says which rule (or the rotation) chose them, for the audit. */
    public record Decision(NewMql lead, String rep, String because) {}

    /** The rep for this lead with the reps loaded as they are, or empty when it stays unassigned. */
    public Optional<Decision> route(NewMql lead, Collection<RepLoad> reps) {
        Map<String, RepLoad> byName = new LinkedHashMap<>();
        reps.forEach(r -> byName.put(r.username(), r));
        for (int i = 0; i < rules.size(); i++) {
            AssignmentRule rule = rules.get(i);
            if (rule.matches(lead)) {
                RepLoad rep = byName.get(rule.repFor(lead));
                if (rep != null && rep.hasRoom()) {
                    return Optional.of(new Decision(lead, rep.username(), "rule " + (i + 1) + ": " + rule.describe()));
                }
            }
        }
        if (!roundRobin) {
            return Optional.empty();
        }
        return RoundRobin.nextRep(reps).map(rep -> new Decision(lead, rep, "round-robin"));
    }

    /**
     * The decisions for these leads in turn, each one counted in the reps' loads before the next (the preview of who
     * gets the next leads; the listener routes one lead at a time the same way).
     */
    public List<Decision> plan(List<NewMql> leads, Collection<RepLoad> reps, Instant at) {
        Map<String, RepLoad> loads = new LinkedHashMap<>();
        reps.forEach(r -> loads.put(r.username(), r));
        List<Decision> decisions = new ArrayList<>();
        Instant turn = at;
        for (NewMql lead : leads) {
            Optional<Decision> decision = route(lead, loads.values());
            if (decision.isPresent()) {
                decisions.add(decision.get());
                turn = turn.plusMillis(1);
                Instant next = turn;
                loads.computeIfPresent(decision.get().rep(), (name, load) -> load.given(next));
            } else {
                decisions.add(new Decision(lead, null, roundRobin ? "no rep has room" : "waits to be claimed"));
            }
        }
        return decisions;
    }
}
