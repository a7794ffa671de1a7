package io.leadline.core.prediction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** How well scores rank won leads above the others, and how well probabilities match what happened. */
public final class RankingQuality {

    private RankingQuality() {}

    /**
     * Area under the ROC curve: the chance that a random won lead scores above a random other one, ties counted half
     * (Mann–Whitney, from ranks). {@code null} without both won and other leads.
     */
    public static Double auc(double[] scores, boolean[] won) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(scores[x], scores[y]));
        long positives = 0;
        for (boolean w : won) {
            positives += w ? 1 : 0;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return null;
        }
        double rankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && scores[order[j]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                if (won[order[k]]) {
                    rankSum += averageRank;
                }
            }
            i = j;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }

    /** Mean squared difference between the predicted probability and what happened (0 is perfect, 0.25 a coin). */
    public static double brier(double[] probabilities, boolean[] won) {
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double d = probabilities[i] - (won[i] ? 1 : 0);
            sum += d * d;
        }
        return probabilities.length == 0 ? Double.NaN : sum / probabilities.length;
    }

    /** One tenth of the leads, by predicted probability: how many, the mean prediction, and the share actually won. */
    public record Decile(int decile, int leads, double predicted, double observed) {}

    /** Calibration: the leads in ten equal groups by predicted probability (the last ones take the remainder). */
    public static List<Decile> deciles(double[] probabilities, boolean[] won) {
        int n = probabilities.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(probabilities[x], probabilities[y]));
        List<Decile> deciles = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            int from = (int) ((long) n * d / 10);
            int to = (int) ((long) n * (d + 1) / 10);
            if (to <= from) {
                continue;
            }
            double predicted = 0;
            int wins = 0;
            for (int k = from; k < to; k++) {
                predicted += probabilities[order[k]];
                wins += won[order[k]] ? 1 : 0;
            }
            deciles.add(new Decile(d + 1, to - from, predicted / (to - from), wins / (double) (to - from)));
        }
        return deciles;
    }
}
