package org.cinn4knime.engine.domain;

import java.util.SplittableRandom;

import org.cinn4knime.engine.CinnDataException;

/**
 * The per-column bijection between a design value x (user units) and its network coordinate u, with its
 * log-Jacobian: lower bound a only u = softplus⁻¹((v − a')/s); upper bound b only u = −softplus⁻¹((b' − v)/s);
 * both u = logit((v − a')/(b' − a')), where a', b' are the bounds widened by the point-mass bands
 * ({@link PointMassBand}) and s &gt; 0 the column's {@link ColumnDomain#scale() scale} (column units). The scaled
 * softplus x = a' + s·softplus(u) is log-like near the bound and linear far from it, so designs for targets far
 * outside the training targets extrapolate linearly (not exponentially) and never overflow; no bound (a whole-number
 * column without bounds) u = v. Here v is x dequantised (whole numbers: v = x + U[0, 1), Theis, van den Oord &amp; Bethge, ICLR 2016; on a
 * point-mass bound: inside its band). Stateless.
 */
final class ScalarBijection {
    private ScalarBijection() {
    }

    /**
     * Writes u[k] for the value x of column c.
     *
     * @param rnd dequantisation noise for training; null for scoring
     * @return log|du/dx|, plus the band's log width when scoring a value on a point-mass bound
     * @throws CinnDataException when x lies outside the domain (naming row); a value on a bound without a point mass
     *         is mapped from {@link #insideBound}
     */
    static double forward(ColumnDomain c, double x, double[] u, int k, SplittableRandom rnd,
            String row) throws CinnDataException {
        if (c.isIdentity()) {
            u[k] = x;
            return 0;
        }
        if (c.hasLower() && x < c.lower() || c.hasUpper() && x > c.upper()) {
            // numExact: 100.0000001 must not read as the bound 100
            throw new CinnDataException("Column '" + c.name() + "' has the value " + Domains.numExact(x) + " in row "
                    + row
                    + ", outside its domain (" + c.describe() + ").");
        }
        double v = x;
        double extra = 0;
        if (c.wholeNumber()) {
            if (x != Math.rint(x)) {
                throw new CinnDataException("Column '" + c.name() + "' holds whole numbers in this model, but row "
                        + row + " has " + Domains.num(x) + ".");
            }
            v = x + (rnd == null ? 0.5 : PointMassBand.open01(rnd));
        } else {
            if (c.hasLower() && x == c.lower()) {
                if (c.massAtLower()) {
                    v = x - PointMassBand.depth(c.bandLower(), rnd);
                    extra += PointMassBand.logWidth(c.bandLower());
                } else {
                    v = insideBound(c, true);
                }
            } else if (c.hasUpper() && x == c.upper()) {
                if (c.massAtUpper()) {
                    v = x + PointMassBand.depth(c.bandUpper(), rnd);
                    extra += PointMassBand.logWidth(c.bandUpper());
                } else {
                    v = insideBound(c, false);
                }
            }
        }
        double lo = lowerOfV(c);
        double hi = upperOfV(c);
        double logJ;
        if (c.hasLower() && c.hasUpper()) {
            double t = (v - lo) / (hi - lo);
            u[k] = Math.log(t) - Math.log1p(-t);
            logJ = -Math.log(hi - lo) - Math.log(t) - Math.log1p(-t);
        } else if (c.hasLower()) {
            u[k] = softplusInverse((v - lo) / c.scale());
            logJ = -Math.log(c.scale()) - logSigmoid(u[k]);
        } else if (c.hasUpper()) {
            u[k] = -softplusInverse((hi - v) / c.scale());
            logJ = -Math.log(c.scale()) - logSigmoid(-u[k]);
        } else {
            u[k] = v; // whole numbers without bounds: only the dequantisation
            logJ = 0;
        }
        return logJ + (rnd == null ? extra : 0);
    }

    /** Lower bound a' of the dequantised value v: the lower bound less its point-mass band (NaN when absent). */
    private static double lowerOfV(ColumnDomain c) {
        return c.wholeNumber() ? c.lower() : c.lower() - c.bandLower();
    }

    /** Upper bound b' of v: b + 1 for whole numbers (v = x + U), else b plus its point-mass band (NaN when absent). */
    private static double upperOfV(ColumnDomain c) {
        return c.wholeNumber() ? c.upper() + 1 : c.upper() + c.bandUpper();
    }

    /**
     * Where a value exactly on a bound without a point mass is trained and scored (its density there stands for the
     * bound's, where a continuous density is 0 or infinite): {@link #ON_BOUND_OFFSET} of the column's width inside
     * the bound; the width is b − a for two bounds, the softplus scale s for one.
     *
     * @param lower the lower bound (true) or the upper one
     */
    static double insideBound(ColumnDomain c, boolean lower) {
        double width = c.hasLower() && c.hasUpper() ? c.upper() - c.lower() : c.scale();
        return lower ? c.lower() + ON_BOUND_OFFSET * width : c.upper() - ON_BOUND_OFFSET * width;
    }

    /**
     * {@link #insideBound}'s share of the width (10⁻³: 100 % becomes 99.9 %, a fraction 1 becomes 0.999, logit −6.9;
     * near enough to keep the value, far enough that the row is no extreme outlier of the network coordinates).
     */
    static final double ON_BOUND_OFFSET = 1e-3;

    /** The value of column c (inside its domain by construction) at the network coordinate u. */
    static double inverse(ColumnDomain c, double u) {
        if (c.isIdentity()) {
            return u;
        }
        double lo = lowerOfV(c);
        double hi = upperOfV(c);
        double v;
        if (c.hasLower() && c.hasUpper()) {
            v = u > 0 ? hi - (hi - lo) * sigmoid(-u) : lo + (hi - lo) * sigmoid(u);
        } else if (c.hasLower()) {
            v = lo + c.scale() * softplus(u);
        } else if (c.hasUpper()) {
            v = hi - c.scale() * softplus(-u);
        } else {
            v = u; // whole numbers without bounds
        }
        if (c.wholeNumber()) {
            v = Math.floor(v);
            if (c.hasUpper()) {
                v = Math.min(v, c.upper());
            }
            if (c.hasLower()) {
                v = Math.max(v, c.lower());
            }
            return v;
        }
        // on or beyond a bound: the point mass if the bound has one, else the nearest value inside (rounding)
        if (c.hasLower() && v <= c.lower()) {
            return c.massAtLower() ? c.lower() : Math.nextUp(c.lower());
        }
        if (c.hasUpper() && v >= c.upper()) {
            return c.massAtUpper() ? c.upper() : Math.nextDown(c.upper());
        }
        return v;
    }

    private static double sigmoid(double u) {
        return 1 / (1 + Math.exp(-u));
    }

    /** softplus(u) = log(1 + e^u), without overflow for large u and without underflow to 0 before e^u does. */
    static double softplus(double u) {
        return Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));
    }

    /**
     * The inverse of softplus: log(e^t − 1) for t &gt; 0, stable for tiny t (≈ log t) and large t (≈ t).
     */
    static double softplusInverse(double t) {
        return t > 1 ? t + Math.log(-Math.expm1(-t)) : Math.log(Math.expm1(t));
    }

    /** log σ(u) = −softplus(−u). */
    static double logSigmoid(double u) {
        return -softplus(-u);
    }
}
