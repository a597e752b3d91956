package org.cinn4knime.engine.stats;

/**
 * χ² distribution with k degrees of freedom: CDF through the regularised lower incomplete gamma function P(k/2, x/2)
 * (series for x &lt; a + 1, Lentz continued fraction otherwise) and the quantile by safeguarded Newton/bisection.
 * Own implementation (no commons-math3), accurate to about 1e-12 relative.
 */
public final class ChiSquared {
    private ChiSquared() {
    }

    public static double cdf(double x, int k) {
        if (x <= 0) {
            return 0;
        }
        return regularizedGammaP(k / 2.0, x / 2.0);
    }

    /** The q-quantile, 0 &lt; q &lt; 1. */
    public static double quantile(double q, int k) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("Quantile level must be in (0, 1), but is " + q);
        }
        double lo = 0;
        double hi = Math.max(1.0, k);
        while (cdf(hi, k) < q) {
            hi *= 2;
        }
        double x = 0.5 * (lo + hi);
        for (int it = 0; it < 200; it++) {
            double f = cdf(x, k) - q;
            if (f > 0) {
                hi = x;
            } else {
                lo = x;
            }
            double pdf = Math.exp((k / 2.0 - 1) * Math.log(x) - x / 2 - (k / 2.0) * Math.log(2) - logGamma(k / 2.0));
            double next = x - f / pdf;
            if (!(next > lo && next < hi) || !Double.isFinite(next)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - x) <= 1e-14 * Math.max(1, x)) {
                return next;
            }
            x = next;
        }
        return x;
    }

    /** P(a, x) = γ(a, x) / Γ(a). */
    public static double regularizedGammaP(double a, double x) {
        if (x <= 0) {
            return 0;
        }
        double lnPrefix = a * Math.log(x) - x - logGamma(a);
        if (x < a + 1) {
            double sum = 1.0 / a;
            double term = sum;
            for (int n = 1; n < 10000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-16) {
                    break;
                }
            }
            return sum * Math.exp(lnPrefix);
        }
        // continued fraction for Q(a, x) (modified Lentz)
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 10000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-16) {
                break;
            }
        }
        return 1 - Math.exp(lnPrefix) * h;
    }

    /** ln Γ(x) for x &gt; 0 (Lanczos, g = 7, n = 9; ≈ 1e-15 relative). */
    public static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
        x -= 1;
        double a = g[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += g[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
