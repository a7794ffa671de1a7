package io.leadline.core.stats;

import java.util.Arrays;

/**
 * L2-regularised logistic regression fitted by Adam on the mean log-loss (the intercept is not regularised), over
 * sparse rows: row {@code i} has the values {@code value[i]} in the columns {@code index[i]}, all others are 0. Used
 * by the likelihood model and by the suggested points model (which turns the weights into points).
 */
public final class LogisticRegression {

    private LogisticRegression() {}

    /** The weights of the {@code columns} columns, then the intercept (at {@code columns}). */
    public static double[] fit(int[][] index, double[][] value, boolean[] won, int columns, double l2, int iterations) {
        int n = won.length;
        int m = columns;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = won[i] ? 1 : 0;
        }
        double rate =
                Math.min(1 - 1e-6, Math.max(1e-6, Arrays.stream(y).average().orElse(0.5)));
        double[] w = new double[m + 1];
        w[m] = Math.log(rate / (1 - rate));
        double[] first = new double[m + 1];
        double[] second = new double[m + 1];
        double step = 0.05;
        double beta1 = 0.9;
        double beta2 = 0.999;
        for (int t = 1; t <= iterations; t++) {
            double[] g = new double[m + 1];
            for (int i = 0; i < n; i++) {
                double z = w[m];
                for (int k = 0; k < index[i].length; k++) {
                    z += w[index[i][k]] * value[i][k];
                }
                double error = 1 / (1 + Math.exp(-z)) - y[i];
                for (int k = 0; k < index[i].length; k++) {
                    g[index[i][k]] += error * value[i][k];
                }
                g[m] += error;
            }
            for (int j = 0; j <= m; j++) {
                double grad = g[j] / n + (j < m ? l2 * w[j] : 0);
                first[j] = beta1 * first[j] + (1 - beta1) * grad;
                second[j] = beta2 * second[j] + (1 - beta2) * grad * grad;
                double correctedFirst = first[j] / (1 - Math.pow(beta1, t));
                double correctedSecond = second[j] / (1 - Math.pow(beta2, t));
                w[j] -= step * correctedFirst / (Math.sqrt(correctedSecond) + 1e-8);
            }
        }
        return w;
    }
}
