package io.leadline.web.settings;

import io.leadline.core.lead.FieldKey;
import io.leadline.core.lead.LeadField;
import io.leadline.core.prediction.Example;
import io.leadline.core.prediction.LeadFeatures;
import io.leadline.core.prediction.LikelihoodTrainer;
import io.leadline.core.scoring.ModelComparison;
import io.leadline.core.scoring.ScoringModel;
import io.leadline.core.scoring.SuggestedRules;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * A points model suggested by the outcomes of the leads drawn for a preview: the fields the leak guard flags left out
 * (a rating sales gives once a deal is closed would make a points model look good and rank nothing new), then
 * {@link SuggestedRules} on the rest.
 */
@Component
class ModelSuggestions {

    /** The suggestion with its evidence and a note for the version list. */
    record Suggested(ScoringModel model, List<String> evidence, int leads, String note) {}

    Optional<Suggested> suggest(
            List<ModelComparison.Sample> drawn, Set<String> customFields, ScoringModel base, int version, Instant now) {
        List<ModelComparison.Sample> labelled =
                drawn.stream().filter(s -> s.won() != null).toList();
        long won = labelled.stream().filter(ModelComparison.Sample::won).count();
        if (won < 2 || labelled.size() - won < 2) {
            return Optional.empty();
        }
        List<Example> examples = labelled.stream()
                .map(s -> LeadFeatures.of(s.profile(), s.activities(), now, s.won()))
                .toList();
        List<Example> open = drawn.stream()
                .filter(s -> s.won() == null)
                .map(s -> LeadFeatures.of(s.profile(), s.activities(), now, false))
                .toList();
        Map<String, String> flagged = LikelihoodTrainer.flagged(examples, open, LikelihoodTrainer.Settings.defaults());
        Set<String> fields = new TreeSet<>(List.of(
                LeadField.SOURCE.key(),
                LeadField.COUNTRY.key(),
                LeadField.JOB_TITLE.key(),
                LeadField.COMPANY_SIZE.key()));
        customFields.stream().map(FieldKey::of).filter(k -> !k.isEmpty()).forEach(fields::add);
        Set<String> leftOut = new TreeSet<>();
        flagged.keySet().forEach(name -> {
            if (fields.remove(FieldKey.of(name))) {
                leftOut.add(FieldKey.of(name));
            }
        });
        var suggestion = SuggestedRules.from(labelled, fields, base, version);
        String note = "suggested from " + suggestion.leads() + " leads with outcomes (" + suggestion.won() + " won)"
                + (leftOut.isEmpty() ? "" : "; left out as likely leaks: " + String.join(", ", leftOut));
        return Optional.of(new Suggested(suggestion.model(), suggestion.evidence(), suggestion.leads(), note));
    }
}
