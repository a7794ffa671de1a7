package io.leadline.core.scoring;

import io.leadline.core.lead.LeadField;
import io.leadline.core.lead.LeadProfile;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which unknown fields are worth asking a lead next: those whose answer can move the score most, biggest
 * first. A returning visitor is asked these instead of the same fields again.
 */
public final class ProgressiveProfiling {

    private ProgressiveProfiling() {}

    /** A field to ask for, and the most points its answer can move (up or down). */
    public record FieldToAsk(String field, String label, int pointsAtStake) {}

    public static List<FieldToAsk> nextFields(ScoringModel model, LeadProfile lead, int howMany) {
        Map<String, Integer> stake = new LinkedHashMap<>();
        for (FitRule rule : model.fitRules()) {
            String field = rule.when().field();
            if (rule.when() instanceof LeadCondition.Missing
                    || lead.value(field).isPresent()) {
                continue;
            }
            stake.merge(field, Math.abs(rule.points()), Math::max);
        }
        return stake.entrySet().stream()
                .map(e -> new FieldToAsk(
                        e.getKey(),
                        LeadField.byKey(e.getKey()).map(LeadField::label).orElse(e.getKey()),
                        e.getValue()))
                .sorted(Comparator.comparingInt(FieldToAsk::pointsAtStake)
                        .reversed()
                        .thenComparing(FieldToAsk::field))
                .limit(howMany)
                .toList();
    }
}
