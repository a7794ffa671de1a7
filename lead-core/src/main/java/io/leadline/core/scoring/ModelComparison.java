package io.leadline.core.scoring;

import io.leadline.core.activity.Activity;
import io.leadline.core.lead.LeadProfile;
import io.leadline.core.prediction.RankingQuality;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What-if: the same leads scored by the live model and by a draft, side by side, before the draft goes live.
 * Score distribution, MQL count, the leads that would enter or leave MQL, and — where outcomes are known — a
 * back-test: win rate by score band and ranking quality (AUC: the chance that a random won lead outscores a
 * random lost one; 0.5 is a coin toss).
 */
public record ModelComparison(
        Side current,
        Side draft,
        List<Long> entering,
        List<Long> leaving,
        List<Bucket> histogram,
        int leads,
        int labelled) {

    /** One lead to score: its profile, activities and outcome ({@code null} when unknown). */
    public record Sample(long leadId, LeadProfile profile, List<Activity> activities, Boolean won) {}

    /** One model's figures. {@code auc} is {@code null} without both won and lost leads. */
    public record Side(int version, int mqls, Double auc, List<Band> winRates) {

        /**
         * Why the back-test is not to be read as a result, empty when it can be: a ranking worse than a coin toss (the
         * outcomes are likely recorded the wrong way round, or too few), or bands that all win at the same rate.
         */
        public Optional<String> warning() {
            if (auc == null) {
                return Optional.empty();
            }
            if (auc < 0.5) {
                return Optional.of(String.format(
                        Locale.ROOT,
                        "The back-test ranks won leads below the "
                                + "others (AUC %.3f, worse than a coin toss): check how outcomes are recorded before trusting it.",
                        auc));
            }
            var rates = winRates.stream()
                    .filter(b -> b.leads() > 0)
                    .map(Band::winRate)
                    .distinct()
                    .toList();
            if (rates.size() == 1 && (rates.getFirst() == 0.0 || rates.getFirst() == 1.0)) {
                return Optional.of("Every score band has a win rate of " + Math.round(rates.getFirst() * 100)
                        + " %: the known outcomes are all of one kind, so the back-test says nothing.");
            }
            return Optional.empty();
        }
    }

    /** A score range and how many leads each model puts there. */
    public record Bucket(String label, int current, int draft) {}

    /** Win rate of the labelled leads a model scores in a band. */
    public record Band(String label, int leads, int won) {
        public Double winRate() {
            return leads == 0 ? null : (double) won / leads;
        }
    }

    static final int[] BAND_EDGES = {20, 40, 60};
    static final int BUCKET = 10;
    static final int LOWEST = -50;
    static final int HIGHEST = 150;

    public static ModelComparison of(
            ScoringModel current, ScoringModel draft, List<Sample> samples, Instant now, int listLimit) {
        int n = samples.size();
        int[] a = new int[n];
        int[] b = new int[n];
        boolean[] mqlA = new boolean[n];
        boolean[] mqlB = new boolean[n];
        List<Long> entering = new ArrayList<>();
        List<Long> leaving = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Sample s = samples.get(i);
            Score sa = current.score(s.profile(), s.activities(), now);
            Score sb = draft.score(s.profile(), s.activities(), now);
            a[i] = sa.total();
            b[i] = sb.total();
            mqlA[i] = sa.reachesMql();
            mqlB[i] = sb.reachesMql();
            if (!mqlA[i] && mqlB[i] && entering.size() < listLimit) {
                entering.add(s.leadId());
            } else if (mqlA[i] && !mqlB[i] && leaving.size() < listLimit) {
                leaving.add(s.leadId());
            }
        }
        int labelled = (int) samples.stream().filter(s -> s.won() != null).count();
        return new ModelComparison(
                side(current.version(), a, mqlA, samples),
                side(draft.version(), b, mqlB, samples),
                entering,
                leaving,
                histogram(a, b),
                n,
                labelled);
    }

    private static Side side(int version, int[] scores, boolean[] mql, List<Sample> samples) {
        int mqls = 0;
        for (boolean m : mql) {
            mqls += m ? 1 : 0;
        }
        List<Band> bands = new ArrayList<>();
        for (int band = 0; band <= BAND_EDGES.length; band++) {
            int from = band == 0 ? Integer.MIN_VALUE : BAND_EDGES[band - 1];
            int to = band == BAND_EDGES.length ? Integer.MAX_VALUE : BAND_EDGES[band];
            int leads = 0;
            int won = 0;
            for (int i = 0; i < scores.length; i++) {
                Boolean outcome = samples.get(i).won();
                if (outcome != null && scores[i] >= from && scores[i] < to) {
                    leads++;
                    won += outcome ? 1 : 0;
                }
            }
            String label = band == 0
                    ? "below " + BAND_EDGES[0]
                    : band == BAND_EDGES.length
                            ? BAND_EDGES[band - 1] + " and above"
                            : BAND_EDGES[band - 1] + "–" + (BAND_EDGES[band] - 1);
            bands.add(new Band(label, leads, won));
        }
        return new Side(version, mqls, auc(scores, samples), bands);
    }

    /** Area under the ROC curve over the leads with a known outcome (see {@link RankingQuality#auc}). */
    static Double auc(int[] scores, List<Sample> samples) {
        List<Integer> labelled = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (samples.get(i).won() != null) {
                labelled.add(i);
            }
        }
        double[] x = new double[labelled.size()];
        boolean[] won = new boolean[labelled.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = scores[labelled.get(k)];
            won[k] = samples.get(labelled.get(k)).won();
        }
        return RankingQuality.auc(x, won);
    }

    private static List<Bucket> histogram(int[] a, int[] b) {
        List<Bucket> buckets = new ArrayList<>();
        for (int from = LOWEST; from < HIGHEST; from += BUCKET) {
            int ca = 0;
            int cb = 0;
            for (int i = 0; i < a.length; i++) {
                ca += inBucket(a[i], from) ? 1 : 0;
                cb += inBucket(b[i], from) ? 1 : 0;
            }
            String label = from == LOWEST
                    ? "< " + (from + BUCKET)
                    : from + BUCKET >= HIGHEST ? from + "+" : Integer.toString(from);
            buckets.add(new Bucket(label, ca, cb));
        }
        return buckets;
    }

    private static boolean inBucket(int score, int from) {
        if (from == LOWEST) {
            return score < from + BUCKET;
        }
        if (from + BUCKET >= HIGHEST) {
            return score >= from;
        }
        return score >= from && score < from + BUCKET;
    }
}
