package io.leadline.core.qualification;

import java.time.Instant;
import java.util.List;

/** A rep recorded BANT answers for a lead: which criteria changed, and what they say now. */
public record BantAnswered(long leadId, String by, List<BantAnswer> answers, Instant at) {

    public BantAnswered {
        answers = List.copyOf(answers);
    }

    /** "budget: confirmed (approved for Q3); timeline: …" */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (BantAnswer answer : answers) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(answer.criterion().name().toLowerCase())
                    .append(": ")
                    .append(answer.status().name().toLowerCase());
            if (!answer.evidence().isBlank()) {
                text.append(" (").append(answer.evidence().strip()).append(')');
            }
        }
        return text.toString();
    }
}
