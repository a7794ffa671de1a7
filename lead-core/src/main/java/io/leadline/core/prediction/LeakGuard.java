package io.leadline.core.prediction;

import io.leadline.core.lead.FieldKey;
import io.leadline.core.lead.StageWords;
import io.leadline.core.prediction.LikelihoodTrainer.FieldCheck;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The signs, beyond a near-perfect ranking, that a field was entered by sales once the lead's fate was known, as real
 * CRMs show them: values that read like outcomes or call statuses ({@code Closed Won}, {@code Not interested},
 * {@code Ringing}); a field filled on resolved leads and rarely on open ones; and ({@link #dominance}) a
 * field the model leans on far more than on any other ({@link #dominance}). Each sign answers the reason shown beside the field.
 */
public final class LeakGuard {

    /** Words of call and sales statuses that are no lifecycle stage (those come from {@link StageWords}). */
    private static final Set<String> STATUS_WORDS = Set.of(
            "ringing",
            "revert",
            "reverted",
            "not_interested",
            "interested",
            "call_back",
            "callback",
            "no_answer",
            "not_reachable",
            "busy",
            "switched_off",
            "wrong_number",
            "sold",
            "sale",
            "closed",
            "will_enroll_later",
            "enrolled",
            "payment_done",
            "lost_to_competitor",
            "in_conversation");

    /** How many of a field's values (or what share of the filled leads) must read like outcomes. */
    static final int STATUS_VALUES = 2;

    static final double STATUS_SHARE = 0.2;

    private LeakGuard() {}

    /** Whether the value reads like an outcome or a sales status. */
    static boolean readsLikeStatus(String value) {
        String key = FieldKey.of(value);
        return STATUS_WORDS.contains(key)
                || StageWords.stageOf(value).isPresent()
                        && !key.equals("new")
                        && !key.equals("open")
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
    /** A field is flagged when at least this share of the resolved leads that have it got it after becoming an MQL. */
    static final double AFTER_MQL_SHARE = 0.5;

    static final int FEWEST_AFTER_MQL = 10;

    /**
     * Filled in after the lead became an MQL (an import that brought the field came after the move), for most of the
     * resolved leads that have it: recorded while sales worked the lead, so not known for a new one.
     */
    static Optional<String> capturedAfterMql(String field, FieldHistory history) {
        long[] counts = history.filledAfterMql().get(field);
        if (counts == null || counts[0] < FEWEST_AFTER_MQL || counts[0] < AFTER_MQL_SHARE * counts[1]) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                "filled in only after the lead became an MQL for %d of the %d resolved leads that "
                        + "have it: probably recorded by sales while working the lead",
                counts[0], counts[1]));
    }

    static Optional<String> resolvedOnly(String field, double filledResolved, Double filledOpen, int openLeads) {
        if (filledOpen == null || openLeads < FEWEST_OPEN || filledResolved < 0.5 || filledOpen > filledResolved / 4) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "filled in for %.0f %% of won or lost leads but %.0f %% of "
                        + "open ones: probably recorded as the deal closes",
                100 * filledResolved,
                100 * filledOpen));
    }

    /** The share of the leads that have the field. */
    static double filled(String field, List<Example> leads) {
        if (leads.isEmpty()) {
            return 0;
        }
        long filled = leads.stream()
                .filter(e -> e.categorical().containsKey(field) || e.numeric().containsKey(field))
                .count();
        return filled / (double) leads.size();
    }

    /**
     * A field whose removal costs the model at least this much held-out AUC, three times what removing any other costs,
     * while the others still rank at least {@link #OTHERS_RANK} without it, dominates it. (A field that is the data's only
     * signal is not flagged: without it nothing ranks at all.)
     */
    static final double DOMINANT_DROP = 0.1;

    static final double OTHERS_RANK = 0.6;
    /** How many of the strongest fields (alone) are tried out of the model. */
    static final int DOMINANCE_CANDIDATES = 3;

    /**
     * The field the model leans on far more than on any other: of the strongest used fields (alone), the one whose removal
     * costs the held-out AUC at least {@link #DOMINANT_DROP} and three times what removing any other costs, the rest still
     * ranking without it. Flagged like
     * a leak (a call's duration, a quality rating given by sales); left out unless included knowingly.
     */
    static List<FieldCheck> dominance(
            List<Example> training,
            List<Example> heldOut,
            List<FieldCheck> checks,
            Set<String> includeAnyway,
            LikelihoodTrainer.Settings settings) {
        List<String> used = checks.stream()
                .filter(c -> c.used() && !c.leaking())
                .map(FieldCheck::field)
                .toList();
        if (used.size() < DOMINANCE_CANDIDATES) {
            return checks;
        }
        double full = heldOutAuc(training, heldOut, used, settings);
        List<FieldCheck> strongest = checks.stream()
                .filter(c -> used.contains(c.field()))
                .sorted(Comparator.comparingDouble(FieldCheck::aloneAuc).reversed())
                .limit(DOMINANCE_CANDIDATES)
                .toList();
        String top = null;
        double topDrop = 0;
        double nextDrop = 0;
        double without = full;
        for (FieldCheck c : strongest) {
            double auc = heldOutAuc(
                    training,
                    heldOut,
                    used.stream().filter(f -> !f.equals(c.field())).toList(),
                    settings);
            double drop = full - auc;
            if (drop > topDrop) {
                nextDrop = topDrop;
                topDrop = drop;
                top = c.field();
                without = auc;
            } else {
                nextDrop = Math.max(nextDrop, drop);
            }
        }
        if (top == null
                || topDrop < DOMINANT_DROP
                || topDrop < 3 * Math.max(nextDrop, 0.005)
                || without < OTHERS_RANK) {
            return checks;
        }
        String why = String.format(
                Locale.ROOT,
                "the model leans on it far more than on any other field (held-out AUC "
                        + "%.2f with it, %.2f without; no other field costs more than %.2f): probably known only once the outcome is",
                full,
                without,
                nextDrop);
        String dominant = top;
        return checks.stream()
                .map(c -> !c.field().equals(dominant)
                        ? c
                        : new FieldCheck(
                                c.field(),
                                c.aloneAuc(),
                                c.filledWhenWon(),
                                c.filledOtherwise(),
                                c.filledWhenOpen(),
                                true,
                                why,
                                includeAnyway.contains(c.field())))
                .toList();
    }

    private static double heldOutAuc(
            List<Example> training, List<Example> heldOut, List<String> fields, LikelihoodTrainer.Settings settings) {
        PredictiveModel model =
                LikelihoodTrainer.fit(training, ModelColumns.of(training, fields, settings.minCount()), settings);
        double[] p = new double[heldOut.size()];
        boolean[] y = new boolean[heldOut.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = model.likelihood(heldOut.get(i));
            y[i] = heldOut.get(i).won();
        }
        Double auc = RankingQuality.auc(p, y);
        return auc == null ? 0.5 : auc;
    }
}
