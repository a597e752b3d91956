package org.cinn4knime.engine.domain;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Point-mass bands: the dequantisation of rows that sit exactly on a bound (or a composition part / remainder that is
 * exactly 0). A row on the bound a is moved to v = a − δ·(1 − e^{−W·U}), U ~ U(0, 1) redrawn every epoch (U = ½ when
 * scoring), which lies uniformly in [log δ − W, log δ) of log(v − a + δ), right below the continuous part; W is
 * {@link Domains#BAND_LOG_WIDTH} nats and the offset δ (column units) the {@link Domains#BAND_OFFSET_QUANTILE} quantile
 * of the other rows' positive distances from the bound. Stateless.
 */
final class PointMassBand {
    private PointMassBand() {
    }

    /**
     * A bound holds a point mass when at least this many training rows sit exactly on it (and at least
     * {@link #MIN_SHARE} of them): one or two rows on a bound are rounding (a fraction printed as 1.0000), not a share
     * of exact values the designs should reproduce; a share below 1 % would hardly show in the designs anyway.
     */
    static final int MIN_ROWS = 3;
    /** See {@link #MIN_ROWS}: the least share of the rows on a bound for a point mass (1 %). */
    static final double MIN_SHARE = 0.01;

    /** Whether column j has a point mass at {@code bound}: at least {@link #MIN_ROWS} rows and {@link #MIN_SHARE}. */
    static boolean isPointMass(double[][] x, int j, double bound) {
        double s = share(x, j, bound);
        return Math.round(s * x.length) >= MIN_ROWS && s >= MIN_SHARE;
    }

    /** Distance beyond the bound of a point-mass row: δ·(1 − e^{−W·U}), U a draw or ½ when scoring (rnd null). */
    static double depth(double offset, SplittableRandom rnd) {
        return -offset * Math.expm1(-Domains.BAND_LOG_WIDTH * (rnd == null ? 0.5 : open01(rnd)));
    }

    /** log of the probability-per-density factor of a band at its scoring point: log(δ·e^{−W/2}·W). */
    static double logWidth(double offset) {
        return Math.log(offset) - 0.5 * Domains.BAND_LOG_WIDTH + Math.log(Domains.BAND_LOG_WIDTH);
    }

    /** A draw from (0, 1), never 0 or 1. */
    static double open01(SplittableRandom rnd) {
        return ((rnd.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    /** Share of the rows (0…1) whose column j equals {@code bound} exactly; 0 for an absent (NaN) bound. */
    static double share(double[][] x, int j, double bound) {
        if (Double.isNaN(bound)) {
            return 0;
        }
        int c = 0;
        for (double[] row : x) {
            if (row[j] == bound) {
                c++;
            }
        }
        return (double) c / x.length;
    }

    /**
     * Point-mass offset δ at {@code bound} for column j (column units): 0 when no row sits exactly on it, else the
     * {@link Domains#BAND_OFFSET_QUANTILE} quantile of the other rows' distances from the bound, so that the band lies
     * right below the bulk of the continuous part in log(x − a + δ).
     *
     * @param side +1 for a lower bound (rows above it), −1 for an upper bound
     */
    static double offset(double[][] x, int j, double bound, int side) {
        if (Double.isNaN(bound)) {
            return 0;
        }
        double[] dist = new double[x.length];
        int k = 0;
        boolean on = false;
        for (double[] row : x) {
            double dd = side * (row[j] - bound);
            if (dd == 0) {
                on = true;
            } else {
                dist[k++] = dd;
            }
        }
        return on ? quantileOffset(Arrays.copyOf(dist, k)) : 0;
    }

    /** The offset δ from the positive distances (sorted in place); 1 when there are none. */
    static double quantileOffset(double[] positive) {
        Arrays.sort(positive);
        return positive.length == 0 ? 1
                : positive[(int) Math.floor(Domains.BAND_OFFSET_QUANTILE * (positive.length - 1))];
    }
}
