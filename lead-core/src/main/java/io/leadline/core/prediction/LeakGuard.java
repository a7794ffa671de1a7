package io.leadline.core.prediction;

import io.leadline.core.lead.StageWords;
import io.leadline.core.lead.FieldKey;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The signs, beyond a near-perfect ranking, that a field was entered by sales once the lead's fate was known, as real
 * CRMs show them: values that read like outcomes or call statuses ({@code Closed Won}, {@code Not interested},
 * {@code Ringing}); a field filled on resolved leads and rarely on open ones; and (see {@link LikelihoodTrainer}) a
 * field the model leans on far more than on any other. Each sign answers the reason shown beside the field.
 */
public final class LeakGuard {

    /** Words of call and sales statuses that are no lifecycle stage (those come from {@link StageWords}). */
    private static final Set<String> STATUS_WORDS = Set.of("ringing", "revert", "reverted", "not_interested", "interested",
            "call_back", "callback", "no_answer", "not_reachable", "busy", "switched_off", "wrong_number", "sold", "sale",
            "closed", "will_enroll_later", "enrolled", "payment_done", "lost_to_competitor", "in_conversation");

    /** How many of a field's values (or what share of the filled leads) must read like outcomes. */
    static final int STATUS_VALUES = 2;
    static final double STATUS_SHARE = 0.2;

    private LeakGuard() {
    }

    /** Whether the value reads like an outcome or a sales status. */
    static boolean readsLikeStatus(String value) {
        String key = FieldKey.of(value);
        return STATUS_WORDS.contains(key) || StageWords.stageOf(value).isPresent() && !key.equals("new") && !key.equals("open")
                && !key.equals("lead");
    }

    /** The field's values read like outcomes or sales statuses (on enough of the leads that have it). */
    static Optional<String> statusValues(String field, List<Example> training) {
        Set<String> statuses = new HashSet<>();
        long filled = 0;
        long status = 0;
        for (Example e : training) {
            String value = e.categorical().get(field);
            if (value == null) {
                continue;
            }
            filled++;
            if (readsLikeStatus(value)) {
                status++;
                statuses.add(value);
            }
        }
        if (statuses.size() >= STATUS_VALUES || filled > 0 && statuses.size() >= 1 && status >= STATUS_SHARE * filled) {
            List<String> shown = statuses.stream().sorted().limit(4).toList();
            return Optional.of("its values read like outcomes or sales statuses (" + String.join(", ", shown)
                    + "): probably entered by sales as the lead was worked");
        }
        return Optional.empty();
    }

    /** The least open leads the fill-rate sign needs. */
    static final int FEWEST_OPEN = 30;

    /** Filled on at least half of the resolved leads, and on at most a quarter as many of the open ones. */
    static Optional<String> resolvedOnly(String field, double filledResolved, Double filledOpen, int openLeads) {
        if (filledOpen == null || openLeads < FEWEST_OPEN || filledResolved < 0.5 || filledOpen > filledResolved / 4) {
            return Optional.empty();
        }
        return Optional.of(String.format(java.util.Locale.ROOT, "filled in for %.0f %% of won or lost leads but %.0f %% of "
                + "open ones: probably recorded as the deal closes", 100 * filledResolved, 100 * filledOpen));
    }

    /** The share of the leads that have the field. */
    static double filled(String field, List<Example> leads) {
        if (leads.isEmpty()) {
            return 0;
        }
        long filled = leads.stream().filter(e -> e.categorical().containsKey(field) || e.numeric().containsKey(field)).count();
        return filled / (double) leads.size();
    }
}
