package io.leadline.core.qualification;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The current answer to each BANT criterion of one lead; unanswered criteria are UNKNOWN. Immutable. */
public final class BantAssessment {

    private final Map<BantCriterion, BantAnswer> answers;

    private BantAssessment(Map<BantCriterion, BantAnswer> answers) {
        this.answers = Collections.unmodifiableMap(answers);
    }

    public static BantAssessment empty() {
        return new BantAssessment(new EnumMap<>(BantCriterion.class));
    }

    public static BantAssessment of(BantAnswer... answers) {
        BantAssessment assessment = empty();
        for (BantAnswer answer : answers) {
            assessment = assessment.with(answer);
        }
        return assessment;
    }

    /** This assessment with one answer replaced. */
    public BantAssessment with(BantAnswer answer) {
        EnumMap<BantCriterion, BantAnswer> next = new EnumMap<>(BantCriterion.class);
        next.putAll(answers);
        next.put(answer.criterion(), answer);
        return new BantAssessment(next);
    }

    public BantAnswer answer(BantCriterion criterion) {
        return answers.getOrDefault(criterion, BantAnswer.unknown(criterion));
    }

    public boolean isMet(BantCriterion criterion) {
        return answer(criterion).status() == BantStatus.MET;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BantAssessment other && answers.equals(other.answers);
    }

    @Override
    public int hashCode() {
        return answers.hashCode();
    }
}
