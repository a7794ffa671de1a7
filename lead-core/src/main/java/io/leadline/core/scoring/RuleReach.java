package io.leadline.core.scoring;

import java.util.ArrayList;
import java.util.List;

/**
 * How many of the previewed leads each fit and disqualifying rule of a draft matches, with a warning for a rule that
 * matches none of them (a field name or value that no lead has: usually a slip) or every one of them (it ranks nobody
 * above anybody). Only a disqualifying rule with nothing listed yet (an empty domain list) is left out.
 */
public final class RuleReach {

    /** Below this many leads a rule that matches them all says little. */
    static final int FEWEST_FOR_EVERY = 20;

    private RuleReach() {}

    public static List<String> warnings(ScoringModel draft, List<ModelComparison.Sample> samples) {
        List<String> warnings = new ArrayList<>();
        if (samples.isEmpty()) {
            return warnings;
        }
        for (FitRule rule : draft.fitRules()) {
            warn(rule.name(), rule.when(), samples, warnings);
        }
        for (DisqualifyingRule rule : draft.disqualifyingRules()) {
            if (!(rule.when() instanceof LeadCondition.EmailDomain d
                    && d.domains().isEmpty())) {
                warn(rule.name(), rule.when(), samples, warnings);
            }
        }
        return warnings;
    }

    private static void warn(
            String name, LeadCondition when, List<ModelComparison.Sample> samples, List<String> warnings) {
        int matched = 0;
        for (ModelComparison.Sample sample : samples) {
            if (when.evidence(sample.profile()).isPresent()) {
                matched++;
            }
        }
        String condition = ConditionText.describe(when);
        if (matched == 0) {
            warnings.add("\u201c" + name + "\u201d (" + condition + ") matches none of the " + samples.size()
                    + " leads: check the field's name and its values.");
        } else if (matched == samples.size() && samples.size() >= FEWEST_FOR_EVERY) {
            warnings.add("\u201c" + name + "\u201d (" + condition + ") matches every one of the " + samples.size()
                    + " leads: it ranks nobody above anybody.");
        }
    }
}
