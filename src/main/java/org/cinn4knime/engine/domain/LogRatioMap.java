package org.cinn4knime.engine.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

import org.cinn4knime.engine.CinnDataException;

/**
 * The additive log-ratio map of one composition (Aitchison, J. R. Stat. Soc. B 44 (1982) 139–177): parts x_i (i &lt; p)
 * with remainder r = T − Σx_i become u_i = log(x_i / r), log|det ∂u/∂x| = −Σ log x_i + log T − log r; an exact sum
 * uses the last part as the reference and removes one network coordinate. Zero parts and a zero remainder get
 * point-mass bands ({@link PointMassBand}): x_i + δ_i, r + δ_r inside the logarithms. Stateless.
 */
final class LogRatioMap {
    private LogRatioMap() {
    }

    /** Below this relative distance from the total a remainder counts as exactly 0. */
    static final double ZERO_REMAINDER = 1e-9;

    /**
     * The sum of the parts of one row, after checking that every part is ≥ 0 and that the sum is within
     * {@link Domains#SUM_TOLERANCE} of the total (exact sum) or at most that much above it (remainder).
     *
     * @param names the parts' column names; {@code parts} their indices into {@code x}
     * @param rowName the row's name for messages
     * @throws CinnDataException naming the column or the parts, the row and the composition as declared
     */
    static double checkedSum(List<String> names, int[] parts, double total, boolean exact, double[] x,
            String rowName) throws CinnDataException {
        double s = 0;
        for (int i = 0; i < parts.length; i++) {
            double v = x[parts[i]];
            if (v < 0) {
                throw new CinnDataException("Column '" + names.get(i) + "' is negative (" + Domains.num(v)
                        + ") in row " + rowName + ", but it is a part of the composition "
                        + declared(names, total, exact) + ".");
            }
            s += v;
        }
        if (exact ? Math.abs(s - total) > Domains.SUM_TOLERANCE * total
                : s > total * (1 + Domains.SUM_TOLERANCE)) {
            throw new CinnDataException("The parts " + String.join(" + ", names) + " sum to " + Domains.num(s)
                    + " in row " + rowName + ", " + (exact ? "not " : "above ") + Domains.num(total)
                    + " as the composition " + declared(names, total, exact) + " declares (tolerance "
                    + Domains.pct(Domains.SUM_TOLERANCE) + " of the total). Fix the row or the declaration.");
        }
        return s;
    }

    private static String declared(List<String> names, double total, boolean exact) {
        return new DomainSpec.CompositionSpec(names, total, exact).toString();
    }

    /**
     * Writes u[k … k + c.coordinates()) for the parts {@code parts} (design column indices) of row x.
     *
     * @param rnd dequantisation noise for training; null for scoring
     * @return log|det ∂u/∂x| plus, when scoring, the log widths of the bands the row sits in
     * @throws CinnDataException for a negative part, a sum off the total, or a zero without a point mass
     */
    static double forward(Composition c, int[] parts, double[] x, double[] u, int k,
            SplittableRandom rnd, String row) throws CinnDataException {
        int p = parts.length;
        double t = c.total();
        double s = checkedSum(c.parts(), parts, t, c.exact(), x, row);
        double scale = 1;
        if (c.exact() || s > t) {
            scale = t / s;
        }
        double extra = 0;
        double[] y = new double[p];
        double sx = 0;
        for (int i = 0; i < p; i++) {
            double v = x[parts[i]] * scale;
            double band = c.bands()[i];
            if (v <= 0) {
                if (band <= 0) {
                    throw new CinnDataException("Column '" + c.parts().get(i) + "' is 0 in row " + row
                            + ", but no training row had it 0; the model gives this composition zero probability.");
                }
                v = -PointMassBand.depth(band, rnd);
                extra += PointMassBand.logWidth(band);
            }
            sx += v;
            y[i] = v + band;
        }
        int free = c.coordinates();
        double ref;
        if (c.exact()) {
            ref = t - (sx - (y[p - 1] - c.bands()[p - 1]));
        } else {
            double r = t - s * scale;
            if (r <= (c.remainderBand() > 0 ? ZERO_REMAINDER * t : 0)) {
                if (c.remainderBand() <= 0) {
                    throw new CinnDataException("The parts " + String.join(" + ", c.parts()) + " sum to the total "
                            + Domains.num(t) + " in row " + row + ", but no training row did; the model gives this "
                            + "composition zero probability.");
                }
                ref = c.remainderBand() - PointMassBand.depth(c.remainderBand(), rnd);
                extra += PointMassBand.logWidth(c.remainderBand());
            } else {
                ref = t - sx + c.remainderBand();
            }
        }
        double logRef = Math.log(ref);
        double logJ = 0;
        double sy = ref;
        for (int i = 0; i < free; i++) {
            double ly = Math.log(y[i]);
            u[k + i] = ly - logRef;
            logJ -= ly;
            sy += y[i];
        }
        logJ += Math.log(sy) - logRef;
        return logJ + (rnd == null ? extra : 0);
    }

    /** Writes the parts of the composition at u[k …] into x (non-negative, summing to at most the total). */
    static void inverse(Composition c, int[] parts, double[] u, int k, double[] x) {
        int p = parts.length;
        int free = c.coordinates();
        double bandSum = 0;
        for (int i = 0; i < free; i++) {
            bandSum += c.bands()[i];
        }
        double tt = c.total() + bandSum + c.remainderBand();
        double m = 0;
        for (int i = 0; i < free; i++) {
            m = Math.max(m, u[k + i]);
        }
        double den = Math.exp(-m);
        for (int i = 0; i < free; i++) {
            den += Math.exp(u[k + i] - m);
        }
        double sum = 0;
        for (int i = 0; i < free; i++) {
            double v = tt * Math.exp(u[k + i] - m) / den - c.bands()[i];
            v = v > 0 ? v : c.bands()[i] > 0 ? 0 : Double.MIN_NORMAL;
            x[parts[i]] = v;
            sum += v;
        }
        // a remainder without a point mass must stay positive (it can round to 0 far out in u)
        double limit = !c.exact() && c.remainderBand() <= 0 ? c.total() * (1 - 1e-12) : c.total();
        if (sum > limit) {
            double f = limit / sum;
            sum = 0;
            for (int i = 0; i < free; i++) {
                x[parts[i]] *= f;
                sum += x[parts[i]];
            }
        }
        if (c.exact()) {
            x[parts[p - 1]] = Math.max(0, c.total() - sum);
        } else {
            capPrintedSum(x, parts, limit);
        }
    }

    /**
     * Lowers the largest part until the exact (decimal) sum of the parts, each widened by half an ulp, is at most
     * {@code limit} less p ulps of it (p parts): then neither the double sum in any order (each of its p − 1 roundings
     * adds at most half an ulp of the limit) nor the exact sum of any decimals that read back as the same doubles (such
     * as the shortest representation a CSV file prints) exceeds the limit.
     */
    static void capPrintedSum(double[] x, int[] parts, double limit) {
        BigDecimal cap = new BigDecimal(limit).subtract(new BigDecimal(Math.ulp(limit)).multiply(
                BigDecimal.valueOf(parts.length)));
        for (int iter = 0; iter < 64; iter++) {
            BigDecimal s = BigDecimal.ZERO;
            int big = parts[0];
            for (int j : parts) {
                s = s.add(new BigDecimal(x[j])).add(new BigDecimal(Math.ulp(x[j]) / 2));
                if (x[j] > x[big]) {
                    big = j;
                }
            }
            BigDecimal excess = s.subtract(cap);
            if (excess.signum() <= 0) {
                return;
            }
            x[big] = Math.nextDown(x[big] - excess.doubleValue());
        }
    }
}
