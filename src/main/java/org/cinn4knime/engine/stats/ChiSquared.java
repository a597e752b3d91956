package org.cinn4knime.engine.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * χ² distribution with k degrees of freedom, from commons-math3 ({@link ChiSquaredDistribution}: CDF through the
 * regularised incomplete gamma function, quantile by Brent's root finder), with the quantile solved to an absolute
 * accuracy of {@value #QUANTILE_ACCURACY} rather than commons-math3's default 1e-9.
 */
public final class ChiSquared {

    /** Absolute accuracy of {@link #quantile}. */
    static final double QUANTILE_ACCURACY = 1e-14;

    private ChiSquared() {
    }

    private static ChiSquaredDistribution distribution(final int k) {
        if (k < 1) {
            throw new IllegalArgumentException("Degrees of freedom must be at least 1, but are " + k);
        }
        // no random generator: we never sample from it (the default constructor would seed a Well19937c)
        return new ChiSquaredDistribution(null, k, QUANTILE_ACCURACY);
    }

    /**
     * @param x the value
     * @param k the degrees of freedom, at least 1
     * @return P(X ≤ x) for X ~ χ²(k); 0 for x ≤ 0
     */
    public static double cdf(final double x, final int k) {
        return x <= 0 ? 0 : distribution(k).cumulativeProbability(x);
    }

    /**
     * @param q the level, 0 &lt; q &lt; 1
     * @param k the degrees of freedom, at least 1
     * @return the q-quantile of χ²(k)
     * @throws IllegalArgumentException if q is outside (0, 1) or k &lt; 1
     */
    public static double quantile(final double q, final int k) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("Quantile level must be in (0, 1), but is " + q);
        }
        return distribution(k).inverseCumulativeProbability(q);
    }
}
