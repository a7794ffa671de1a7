package io.leadline.core.scoring;

import io.leadline.core.lead.LeadProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One immutable version of the rules that turn what we know about a lead into a score. Scoring is a pure
 * function: the same lead and model always give the same score.
 */
public record ScoringModel(int version, List<FitRule> fitRules, GradeBands gradeBands, int mqlThreshold) {

    public ScoringModel {
        fitRules = List.copyOf(fitRules);
        Objects.requireNonNull(gradeBands, "gradeBands");
        if (version < 1) {
            throw new IllegalArgumentException("model versions start at 1");
        }
    }

    public Score score(LeadProfile lead) {
        List<ReceiptLine> receipt = new ArrayList<>();
        int fit = 0;
        for (FitRule rule : fitRules) {
            var evidence = rule.evidence(lead);
            if (evidence.isPresent()) {
                receipt.add(new ReceiptLine(rule.name(), evidence.get(), rule.points()));
                fit += rule.points();
            }
        }
        return new Score(version, fit, 0, gradeBands.grade(fit), mqlThreshold, receipt);
    }
}
