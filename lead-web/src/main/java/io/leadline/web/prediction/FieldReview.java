package io.leadline.web.prediction;

import io.leadline.core.lead.LeadList;
import io.leadline.core.prediction.Example;
import io.leadline.core.prediction.FieldHistory;
import io.leadline.core.prediction.LeadFeatures;
import io.leadline.core.prediction.LikelihoodTrainer;
import io.leadline.core.scoring.ModelComparison;
import io.leadline.persistence.scoring.ScoringSamples;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The leads a training learns from, and the fields' review before any training: each field's fill rate on won, other
 * and open leads, how well it ranks the outcome alone, and why the leak guard would flag it.
 */
@Component
class FieldReview {

    /** Leads read for a training or a review at most (an even spread beyond). */
    static final int MAX_LEADS = 100_000;

    private final ScoringSamples samples;
    private final LeadList leads;
    private final Clock clock;

    FieldReview(ScoringSamples samples, LeadList leads, Clock clock) {
        this.samples = samples;
        this.leads = leads;
        this.clock = clock;
    }

    /** Leads with a known outcome ({@code known}, as examples in the same order) and open leads, as of {@code now}. */
    record Drawn(
            List<ModelComparison.Sample> known, List<Example> examples, List<Example> open, FieldHistory history) {}

    /** {@code note}: why there is nothing to show, or {@code null}. */
    record Result(List<LikelihoodTrainer.FieldCheck> fields, String note) {}

    Drawn draw(Instant now) {
        var drawn = samples.draw(MAX_LEADS, new TreeSet<>(leads.customFields()), now);
        List<ModelComparison.Sample> known =
                drawn.samples().stream().filter(s -> s.won() != null).toList();
        List<Example> examples = known.stream()
                .map(s -> LeadFeatures.of(s.profile(), s.activities(), now, s.won()))
                .toList();
        // Open leads show which fields are filled only once a lead is resolved (the leak guard reads their fill rates).
        List<Example> open = drawn.samples().stream()
                .filter(s -> s.won() == null)
                .map(s -> LeadFeatures.of(s.profile(), s.activities(), now, false))
                .toList();
        return new Drawn(known, examples, open, samples.fieldHistory());
    }

    Result now() {
        Drawn drawn = draw(Instant.now(clock));
        long won = drawn.examples().stream().filter(Example::won).count();
        long others = drawn.examples().size() - won;
        if (won < 2 || others < 2) {
            return new Result(
                    List.of(),
                    "The fields can be checked once at least two leads are won and two lost or " + "disqualified (now "
                            + won + " won and " + others + " others).");
        }
        List<LikelihoodTrainer.FieldCheck> checks =
                LikelihoodTrainer.review(
                                drawn.examples(), drawn.open(), LikelihoodTrainer.Settings.defaults(), drawn.history())
                        .stream()
                        .sorted(Comparator.comparing(LikelihoodTrainer.FieldCheck::leaking)
                                .reversed()
                                .thenComparing(Comparator.comparingDouble(LikelihoodTrainer.FieldCheck::aloneAuc)
                                        .reversed()))
                        .toList();
        return new Result(checks, null);
    }
}
