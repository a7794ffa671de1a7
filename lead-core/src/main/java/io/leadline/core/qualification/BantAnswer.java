package io.leadline.core.qualification;

import io.leadline.core.Refusal;
import java.time.Instant;
import java.util.Objects;

/**
 * A rep's answer to one BANT criterion, with the evidence ("CFO approved 40k for Q3"), who and when.
 * {@code monthsToDecision} is for TIMELINE: how many months until the lead decides, when known.
 */
public record BantAnswer(
        BantCriterion criterion, BantStatus status, String evidence, Integer monthsToDecision, String by, Instant at) {

    public BantAnswer {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(status, "status");
        evidence = evidence == null ? "" : evidence.strip();
        if (status != BantStatus.UNKNOWN && evidence.isEmpty()) {
            throw new Refusal(
                    "bant.evidence",
                    criterion.label() + " marked " + status.label()
                            + " needs evidence: say what you learned and from whom",
                    new Refusal.Word("bant." + criterion.name(), criterion.label()),
                    new Refusal.Word("bant.status." + status.name(), status.label()));
        }
        if (monthsToDecision != null && (criterion != BantCriterion.TIMELINE || monthsToDecision < 0)) {
            throw new Refusal("bant.months", "months to decision belong to the Timeline and cannot be negative");
        }
    }

    public static BantAnswer unknown(BantCriterion criterion) {
        return new BantAnswer(criterion, BantStatus.UNKNOWN, "", null, null, null);
    }
}
