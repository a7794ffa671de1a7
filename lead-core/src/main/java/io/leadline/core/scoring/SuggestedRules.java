package io.leadline.core.scoring;

import io.leadline.core.lead.FieldKey;
import io.leadline.core.lead.LeadField;
import io.leadline.core.stats.LogisticRegression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A points model suggested by the won/lost outcomes: per field, the values (or, for a number, the decile ranges) and
 * "unknown" whose win rate differs from the base rate (shrunk towards it by {@link #PRIOR_LEADS} leads), each as a fit
 * rule; the points of all rules are then fitted together (a logistic regression over which rules a lead matches), so
 * that rules saying the same thing do not each count in full. With its
 * evidence: how many leads and how many of them won. Engagement and disqualifying rules are the base model's; the MQL
 * threshold is set so that the best fifth of the leads reach it. Fields the leak guard flags are left to the caller
 * to leave out.
 */
public final class SuggestedRules {

    static final double POINTS_PER_WIN_RATE = 100;
    static final double POINTS_PER_LOG_ODDS = 10;
    static final double PRIOR_LEADS = 20;
    static final int MAX_POINTS = 100;
    static final int RULES_PER_FIELD = 100;
    static final int MAX_RULES = 300;
    static final int FEW_NUMBERS = 100;

    /** The suggestion and, for each rule, its evidence in words. */
    public record Suggestion(ScoringModel model, List<String> evidence, int leads, int won) {}

    private record Candidate(FitRule rule, String evidence, double weight) {}

    private SuggestedRules() {}

    /**
     * @param labelled leads with a known outcome ({@code won} not null)
     * @param fields   the fields to learn from: standard field keys and custom attribute keys
     */
    public static Suggestion from(
            List<ModelComparison.Sample> labelled, Set<String> fields, ScoringModel base, int version) {
        int n = labelled.size();
        int won = (int) labelled.stream().filter(ModelComparison.Sample::won).count();
        if (won == 0 || won == n) {
            throw new IllegalArgumentException(
                    "Suggesting rules needs won and not-won leads; there are " + won + " won of " + n + ".");
        }
        double baseRate = won / (double) n;
        int minLeads = Math.max(5, n / 2000);
        List<Candidate> candidates = new ArrayList<>();
        for (String field : new TreeSet<>(fields)) {
            if (field.equals(LeadField.EMAIL.key())
                    || field.equals(LeadField.FULL_NAME.key())
                    || field.equals(LeadField.COMPANY.key())) {
                continue; // who the person is, not what kind of lead
            }
            List<Candidate> forField = numeric(field, labelled)
                    ? ranges(field, labelled, baseRate, minLeads)
                    : values(field, labelled, baseRate, minLeads);
            forField.stream()
                    .sorted(Comparator.comparingDouble(Candidate::weight).reversed())
                    .limit(RULES_PER_FIELD)
                    .forEach(candidates::add);
        }
        List<Candidate> kept = refit(
                candidates.stream()
                        .sorted(Comparator.comparingDouble(Candidate::weight).reversed())
                        .limit(MAX_RULES)
                        .toList(),
                labelled,
                baseRate);
        List<FitRule> rules = kept.stream().map(Candidate::rule).toList();
        ScoringModel draft = new ScoringModel(
                version,
                rules,
                base.engagementRules(),
                base.disqualifyingRules(),
                new ScoreCaps(null, base.caps().engagement(), null),
                base.decay(),
                new GradeBands(20, 10, 0),
                new MqlThreshold(1, FitGrade.D));
        int threshold = topFifth(draft, labelled);
        ScoringModel model = new ScoringModel(
                version,
                rules,
                base.engagementRules(),
                base.disqualifyingRules(),
                draft.caps(),
                base.decay(),
                new GradeBands(Math.max(threshold, 3), Math.max(threshold / 2, 2), 1),
                new MqlThreshold(threshold, FitGrade.D));
        return new Suggestion(model, kept.stream().map(Candidate::evidence).toList(), n, won);
    }

    /**
     * The points from a logistic regression over which rules each lead matches, {@value #POINTS_PER_LOG_ODDS} points
     * per unit of log-odds: rules that say the same thing (days since the last campaign, the number of earlier
     * contacts, the earlier campaign's outcome) share their weight instead of each adding its full lift. Rules left at
     * 0 points are dropped.
     */
    private static List<Candidate> refit(
            List<Candidate> chosen, List<ModelComparison.Sample> labelled, double baseRate) {
        int n = labelled.size();
        int[][] index = new int[n][];
        double[][] value = new double[n][];
        boolean[] won = new boolean[n];
        int[][] counts = new int[chosen.size()][2];
        for (int i = 0; i < n; i++) {
            var sample = labelled.get(i);
            List<Integer> matched = new ArrayList<>();
            for (int j = 0; j < chosen.size(); j++) {
                if (chosen.get(j).rule().when().evidence(sample.profile()).isPresent()) {
                    matched.add(j);
                    counts[j][0]++;
                    counts[j][1] += sample.won() ? 1 : 0;
                }
            }
            index[i] = matched.stream().mapToInt(Integer::intValue).toArray();
            value[i] = new double[index[i].length];
            Arrays.fill(value[i], 1);
            won[i] = sample.won();
        }
        double[] w = LogisticRegression.fit(index, value, won, chosen.size(), 0.001, 300);
        List<Candidate> out = new ArrayList<>();
        for (int j = 0; j < chosen.size(); j++) {
            int points = (int) Math.round(Math.max(-MAX_POINTS, Math.min(MAX_POINTS, POINTS_PER_LOG_ODDS * w[j])));
            if (points != 0 && counts[j][0] > 0) {
                FitRule rule = chosen.get(j).rule();
                out.add(new Candidate(
                        new FitRule(rule.name(), rule.when(), points),
                        evidence(rule.name(), points, counts[j], baseRate),
                        Math.abs(points) * Math.sqrt(counts[j][0])));
            }
        }
        return out;
    }

    private static String evidence(String ruleName, int points, int[] counts, double baseRate) {
        return String.format(
                Locale.ROOT,
                "%s (%+d): %,d leads, %.1f %% won (all leads: %.1f %%)",
                ruleName,
                points,
                counts[0],
                100.0 * counts[1] / counts[0],
                100 * baseRate);
    }

    private static boolean numeric(String field, List<ModelComparison.Sample> leads) {
        int present = 0;
        int numbers = 0;
        Set<Long> distinct = new HashSet<>();
        for (ModelComparison.Sample s : leads) {
            var value = s.profile().value(field);
            if (value.isPresent()) {
                present++;
                Long number = whole(value.get());
                if (number != null) {
                    numbers++;
                    if (distinct.size() <= FEW_NUMBERS) {
                        distinct.add(number);
                    }
                }
            }
        }
        // A number of few distinct values (a day of the month, a count of calls) reads best value by value.
        return present > 0 && numbers >= 0.95 * present && distinct.size() > FEW_NUMBERS;
    }

    private static Long whole(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One rule per frequent value, and one for "unknown". */
    private static List<Candidate> values(
            String field, List<ModelComparison.Sample> leads, double baseRate, int minLeads) {
        Map<String, int[]> byValue = new LinkedHashMap<>();
        int[] missing = new int[2];
        for (ModelComparison.Sample s : leads) {
            var value = s.profile().value(field);
            int[] counts = value.isPresent()
                    ? byValue.computeIfAbsent(FieldKey.foldValue(value.get()), k -> new int[2])
                    : missing;
            counts[0]++;
            counts[1] += s.won() ? 1 : 0;
        }
        List<Candidate> out = new ArrayList<>();
        String label = label(field);
        byValue.forEach((value, c) -> candidate(
                        label + " is " + value, new LeadCondition.OneOf(field, Set.of(value)), c, baseRate, minLeads)
                .ifPresent(out::add));
        if (byValue.size() > 1 || !byValue.isEmpty() && missing[0] > 0) {
            candidate(label + " unknown", new LeadCondition.Missing(field), missing, baseRate, minLeads)
                    .ifPresent(out::add);
        }
        return out;
    }

    /** A rule per decile range of a whole-number field, and one for "unknown". */
    private static List<Candidate> ranges(
            String field, List<ModelComparison.Sample> leads, double baseRate, int minLeads) {
        List<Long> numbers = new ArrayList<>();
        for (ModelComparison.Sample s : leads) {
            s.profile().value(field).map(SuggestedRules::whole).ifPresent(numbers::add);
        }
        long[] sorted = numbers.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] edges = Arrays.stream(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9})
                .mapToLong(q -> sorted[(int) Math.floor(q * (sorted.length - 1))])
                .distinct()
                .toArray();
        List<Candidate> out = new ArrayList<>();
        String label = label(field);
        for (int b = 0; b <= edges.length; b++) {
            Long min = b == 0 ? null : edges[b - 1] + 1;
            Long max = b == edges.length ? null : edges[b];
            if (min != null && max != null && min > max) {
                continue;
            }
            int[] counts = new int[2];
            int[] missing = new int[2];
            for (ModelComparison.Sample s : leads) {
                Long v = s.profile().value(field).map(SuggestedRules::whole).orElse(null);
                if (v == null) {
                    missing[0]++;
                    missing[1] += s.won() ? 1 : 0;
                } else if ((min == null || v >= min) && (max == null || v <= max)) {
                    counts[0]++;
                    counts[1] += s.won() ? 1 : 0;
                }
            }
            LeadCondition.NumericRange range = new LeadCondition.NumericRange(field, min, max);
            candidate(
                            label + " "
                                    + range.describe()
                                            .substring(range.describe().indexOf(" is ") + 4),
                            range,
                            counts,
                            baseRate,
                            minLeads)
                    .ifPresent(out::add);
            if (b == edges.length) {
                candidate(label + " unknown", new LeadCondition.Missing(field), missing, baseRate, minLeads)
                        .ifPresent(out::add);
            }
        }
        return out;
    }

    private static Optional<Candidate> candidate(
            String name, LeadCondition when, int[] counts, double baseRate, int minLeads) {
        if (counts[0] < minLeads) {
            return Optional.empty();
        }
        double rate = (counts[1] + PRIOR_LEADS * baseRate) / (counts[0] + PRIOR_LEADS);
        int points =
                (int) Math.round(Math.max(-MAX_POINTS, Math.min(MAX_POINTS, POINTS_PER_WIN_RATE * (rate - baseRate))));
        if (points == 0) {
            return Optional.empty();
        }
        String ruleName = name.length() > 100 ? name.substring(0, 97) + "…" : name;
        return Optional.of(new Candidate(
                new FitRule(ruleName, when, points),
                evidence(ruleName, points, counts, baseRate),
                Math.abs(points) * Math.sqrt(counts[0])));
    }

    private static String label(String field) {
        return LeadField.byKey(field).map(LeadField::label).orElse(field);
    }

    /** The total the best fifth of the leads reach under the draft (at least 1). */
    private static int topFifth(ScoringModel draft, List<ModelComparison.Sample> leads) {
        int[] totals = leads.stream()
                .mapToInt(s -> draft.score(s.profile()).total())
                .sorted()
                .toArray();
        return Math.max(1, totals[(int) Math.floor(0.8 * (totals.length - 1))]);
    }
}
