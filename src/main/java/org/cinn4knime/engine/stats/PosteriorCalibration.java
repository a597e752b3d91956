package org.cinn4knime.engine.stats;

import java.util.Arrays;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Calibration of sampled posteriors as used on the inverse-kinematics benchmark (Kruse et al., "Benchmarking
 * Invertible Architectures on Inverse Problems"): for every level α on the grid 0.01 … 0.99, the fraction of true
 * values that fall inside the central α-interval of the model's samples for their target, per dimension, pooled over
 * rows and dimensions; the calibration error is the median over α of |fraction − α|. A calibrated model scores 0;
 * over-confident (too narrow) or under-confident (too wide) samples score up to 0.5. The interval ends are the
 * sample quantiles of R's type 7 (linear interpolation between order statistics; commons-math3 {@link Percentile}).
 *
 * <p>Unlike the flow calibration of {@code Scorer} (‖z‖² against χ²), this needs no density and stays meaningful when
 * p(x | y) lives on a lower-dimensional manifold.
 */
public final class PosteriorCalibration {

    /** Levels α = 0.01, 0.02, …, 0.99. */
    public static final int LEVELS = 99;

    private PosteriorCalibration() {
    }

    /**
     * @param trueX true design per row, [rows][D]
     * @param samples samples per row, [rows][samples][D] (at least 2 samples per row)
     * @return per level α_k = (k+1)/100 the fraction of true values inside the central α-interval
     */
    public static double[] insideFractions(double[][] trueX, double[][][] samples) {
        if (trueX.length == 0 || trueX.length != samples.length) {
            throw new IllegalArgumentException("Need the same positive number of true rows and sample sets, got "
                    + trueX.length + " and " + samples.length + ".");
        }
        int d = trueX[0].length;
        long[] inside = new long[LEVELS];
        long total = 0;
        for (int r = 0; r < trueX.length; r++) {
            int n = samples[r].length;
            if (n < 2) {
                throw new IllegalArgumentException("Row " + r + " has " + n + " sample(s); at least 2 are needed.");
            }
            double[] v = new double[n];
            for (int j = 0; j < d; j++) {
                for (int i = 0; i < n; i++) {
                    v[i] = samples[r][i][j];
                }
                Percentile quantiles = quantiles(v);
                for (int k = 0; k < LEVELS; k++) {
                    double[] interval = centralInterval(quantiles, (k + 1) / 100.0);
                    if (trueX[r][j] >= interval[0] && trueX[r][j] <= interval[1]) {
                        inside[k]++;
                    }
                }
                total++;
            }
        }
        double[] f = new double[LEVELS];
        for (int k = 0; k < LEVELS; k++) {
            f[k] = (double) inside[k] / total;
        }
        return f;
    }

    /** Median over α of |fraction inside the central α-interval − α| (see the class comment). */
    public static double error(double[][] trueX, double[][][] samples) {
        double[] f = insideFractions(trueX, samples);
        double[] err = new double[LEVELS];
        for (int k = 0; k < LEVELS; k++) {
            err[k] = Math.abs(f[k] - (k + 1) / 100.0);
        }
        Arrays.sort(err);
        return err[LEVELS / 2];
    }

    /** The sample quantiles of {@code values} (R's type 7); kept as a copy of {@code values}. */
    static Percentile quantiles(double[] values) {
        Percentile p = new Percentile().withEstimationType(EstimationType.R_7);
        p.setData(values);
        return p;
    }

    /** The central α-interval {lo, hi} = the (1 − α)/2 and (1 + α)/2 quantiles, 0 &lt; α &lt; 1. */
    static double[] centralInterval(Percentile quantiles, double alpha) {
        return new double[] {quantiles.evaluate(100 * (1 - alpha) / 2), quantiles.evaluate(100 * (1 + alpha) / 2)};
    }
}
