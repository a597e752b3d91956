package org.cinn4knime.engine.stats;

import java.util.Arrays;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Calibration of sampled posteriors as used on the inverse-kinematics benchmark (Kruse et al., "Benchmarking
 * Invertible Architectures on Inverse Problems"): for every level α on the grid 0.01 … 0.99, the fraction of true
 * values that fall inside the central α-interval of the model's samples for their target, per dimension, pooled over
 * rows and dimensions; the calibration error is the median over α of |fraction − α|. A calibrated model scores 0
 * up to the noise of a finite test set; over-confident (too narrow) or under-confident (too wide) samples score up to
 * 0.5.
 *
 * <p>The interval ends are the sample quantiles of R's type 6 (Weibull plotting positions: the p-quantile sits at
 * position p·(n + 1) of the n sorted samples, linear between order statistics; commons-math3 {@link Percentile}).
 * The true value and the n samples of a calibrated model are exchangeable, so the true value falls between the i-th
 * and j-th order statistics with probability (j − i)/(n + 1); the type-6 interval of level α spans α·(n + 1)
 * positions, which makes the measure exact where its ends fall on whole positions and leaves only the small error
 * of interpolating inside one gap elsewhere (for 100 samples of a calibrated Gaussian model, simulated: median error
 * over α 0.0009). The type-7 quantiles (position p·(n − 1) + 1, used up to 0.1.x) span α·(n − 1) positions, so a
 * calibrated model found only α·(n − 1)/(n + 1) of the true values inside: with 100 samples per target it scored
 * 0.0100 (2α/(n + 1) at α = 0.5), and samples about 2 % too wide looked better calibrated than the true posterior.
 * Type 6 clamps positions below 1 or above n to the extreme samples, which only affects levels
 * α &gt; (n − 1)/(n + 1) (α &gt; 0.98 for 100 samples).
 *
 * <p>Unlike the flow calibration of {@code Scorer} (‖z‖² against χ²), this needs no density and stays meaningful when
 * p(x | y) lives on a lower-dimensional manifold.
 */
public final class PosteriorCalibration {

    /** Levels α = 0.01, 0.02, …, 0.99. */
    public static final int LEVELS = 99;

    /** Where the sample quantiles sit among the sorted samples (see the class comment). */
    public enum Quantiles {
        /** R type 6, position p·(n + 1): exact at whole positions, nearly unbiased between them; the default. */
        TYPE_6(EstimationType.R_6),
        /** R type 7, position p·(n − 1) + 1: as measured up to 0.1.x, biased by −2α/(n + 1); for comparisons. */
        TYPE_7(EstimationType.R_7);

        final EstimationType estimation;

        Quantiles(EstimationType estimation) {
            this.estimation = estimation;
        }
    }

    private PosteriorCalibration() {
    }

    /**
     * @param trueX true design per row, [rows][D]
     * @param samples samples per row, [rows][samples][D] (at least 2 samples per row)
     * @return per level α_k = (k+1)/100 the fraction of true values inside the central α-interval
     */
    public static double[] insideFractions(double[][] trueX, double[][][] samples) {
        return insideFractions(trueX, samples, Quantiles.TYPE_6);
    }

    /**
     * As {@link #insideFractions(double[][], double[][][])} with the given quantile positions.
     *
     * @param trueX true design per row, [rows][D]
     * @param samples samples per row, [rows][samples][D] (at least 2 samples per row)
     * @param type where the interval ends sit among the sorted samples
     * @return per level α_k = (k+1)/100 the fraction of true values inside the central α-interval
     */
    public static double[] insideFractions(double[][] trueX, double[][][] samples, Quantiles type) {
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
                Percentile quantiles = quantiles(v, type);
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
        return error(insideFractions(trueX, samples));
    }

    /** Median over α of |f[k] − α_k| for the fractions of {@link #insideFractions}. */
    public static double error(double[] f) {
        double[] err = new double[LEVELS];
        for (int k = 0; k < LEVELS; k++) {
            err[k] = Math.abs(f[k] - (k + 1) / 100.0);
        }
        Arrays.sort(err);
        return err[LEVELS / 2];
    }

    /** The sample quantiles of {@code values} (R's type 6, see the class comment); kept as a copy of {@code values}. */
    static Percentile quantiles(double[] values) {
        return quantiles(values, Quantiles.TYPE_6);
    }

    private static Percentile quantiles(double[] values, Quantiles type) {
        Percentile p = new Percentile().withEstimationType(type.estimation);
        p.setData(values);
        return p;
    }

    /** The central α-interval {lo, hi} = the (1 − α)/2 and (1 + α)/2 quantiles, 0 &lt; α &lt; 1. */
    static double[] centralInterval(Percentile quantiles, double alpha) {
        return new double[] {quantiles.evaluate(100 * (1 - alpha) / 2), quantiles.evaluate(100 * (1 + alpha) / 2)};
    }
}
