package org.cinn4knime.engine.nn;

/**
 * A monotone rational-quadratic spline on [−B, B] with K bins and identity tails (Durkan, Bekasov, Murray,
 * Papamakarios, "Neural Spline Flows", NeurIPS 2019, eqs. 4–8), with its inverse and a hand-written backward pass.
 *
 * <p>Parameters per value (unconstrained logits, read with a stride from a subnet output): K width logits, K height
 * logits, K − 1 derivative logits. Bin widths and heights: 2B·(m + (1 − K·m)·softmax(logits)) with the minimum bin
 * size m = {@link #MIN_BIN}; interior knot derivatives δ = m_δ + softplus(logit + c) with c chosen so that a zero logit
 * gives δ = 1; boundary derivatives δ_0 = δ_K = 1 (C¹ joins to the identity tails). All-zero logits are the identity.
 *
 * <p>One instance holds the knots of one value at a time (scratch arrays): not thread-safe.
 */
final class RationalQuadraticSpline {
    /** Minimum bin width and height as a share of 2B. */
    static final double MIN_BIN = 1e-3;
    /** Minimum interior knot derivative. */
    static final double MIN_DERIVATIVE = 1e-3;
    private static final double SHIFT = Math.log(Math.expm1(1 - MIN_DERIVATIVE));

    final int bins;
    final double bound;
    private final double[] xk;
    private final double[] yk;
    private final double[] w;
    private final double[] h;
    private final double[] pw;
    private final double[] ph;
    private final double[] d;
    private final double[] sig;
    private final double[] gW;
    private final double[] gH;
    /** Values of {@link #save}: the knots, sizes, softmax shares, derivatives and their logistic slopes. */
    int stateSize() {
        return 8 * bins + 4;
    }

    /** Saves the loaded knots into {@code dst[off ..)} ({@link #stateSize()} values), to skip reloading them. */
    void save(double[] dst, int off) {
        int k = bins;
        System.arraycopy(xk, 0, dst, off, k + 1);
        System.arraycopy(yk, 0, dst, off + k + 1, k + 1);
        System.arraycopy(w, 0, dst, off + 2 * k + 2, k);
        System.arraycopy(h, 0, dst, off + 3 * k + 2, k);
        System.arraycopy(pw, 0, dst, off + 4 * k + 2, k);
        System.arraycopy(ph, 0, dst, off + 5 * k + 2, k);
        System.arraycopy(d, 0, dst, off + 6 * k + 2, k + 1);
        System.arraycopy(sig, 0, dst, off + 7 * k + 3, k + 1);
    }

    /** Restores knots saved by {@link #save}. */
    void restore(double[] src, int off) {
        int k = bins;
        System.arraycopy(src, off, xk, 0, k + 1);
        System.arraycopy(src, off + k + 1, yk, 0, k + 1);
        System.arraycopy(src, off + 2 * k + 2, w, 0, k);
        System.arraycopy(src, off + 3 * k + 2, h, 0, k);
        System.arraycopy(src, off + 4 * k + 2, pw, 0, k);
        System.arraycopy(src, off + 5 * k + 2, ph, 0, k);
        System.arraycopy(src, off + 6 * k + 2, d, 0, k + 1);
        System.arraycopy(src, off + 7 * k + 3, sig, 0, k + 1);
    }

    /** log of dy/dx at the last point of {@link #forward} or {@link #inverse}. */
    double logDerivative;

    RationalQuadraticSpline(int bins, double bound) {
        this.bins = bins;
        this.bound = bound;
        xk = new double[bins + 1];
        yk = new double[bins + 1];
        w = new double[bins];
        h = new double[bins];
        pw = new double[bins];
        ph = new double[bins];
        d = new double[bins + 1];
        sig = new double[bins + 1];
        gW = new double[bins];
        gH = new double[bins];
    }

    /**
     * Loads the knots of one value from the logits θ[off + stride·i]: widths at wOff, heights at hOff, derivatives
     * at dOff (i = 0 … K − 1, resp. K − 2).
     */
    void knots(double[] theta, int wOff, int hOff, int dOff, int stride) {
        sizes(theta, wOff, stride, pw, w, xk);
        sizes(theta, hOff, stride, ph, h, yk);
        d[0] = 1;
        d[bins] = 1;
        for (int i = 1; i < bins; i++) {
            double t = theta[dOff + (i - 1) * stride] + SHIFT;
            double e = Math.exp(-Math.abs(t)); // one exp for softplus and its derivative, the logistic function
            d[i] = MIN_DERIVATIVE + Math.max(t, 0) + Math.log1p(e);
            sig[i] = t >= 0 ? 1 / (1 + e) : e / (1 + e);
        }
    }

    private void sizes(double[] theta, int off, int stride, double[] p, double[] size, double[] knot) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < bins; i++) {
            max = Math.max(max, theta[off + i * stride]);
        }
        double sum = 0;
        for (int i = 0; i < bins; i++) {
            p[i] = Math.exp(theta[off + i * stride] - max);
            sum += p[i];
        }
        double scale = 2 * bound * (1 - bins * MIN_BIN);
        knot[0] = -bound;
        for (int i = 0; i < bins; i++) {
            p[i] /= sum;
            size[i] = 2 * bound * MIN_BIN + scale * p[i];
            knot[i + 1] = knot[i] + size[i];
        }
        knot[bins] = bound;
    }

    private static int bin(double[] knot, double v, int bins) {
        int k = 0;
        while (k < bins - 1 && v >= knot[k + 1]) {
            k++;
        }
        return k;
    }

    boolean inside(double v) {
        return v >= -bound && v <= bound;
    }

    /** y = g(x); sets {@link #logDerivative}. */
    double forward(double x) {
        if (!inside(x)) {
            logDerivative = 0;
            return x;
        }
        int k = bin(xk, x, bins);
        double s = h[k] / w[k];
        double xi = Math.min(1, Math.max(0, (x - xk[k]) / w[k]));
        return evaluate(k, s, xi);
    }

    private double evaluate(int k, double s, double xi) {
        double t = xi * (1 - xi);
        double d0 = d[k];
        double d1 = d[k + 1];
        double den = s + (d1 + d0 - 2 * s) * t;
        double num = s * xi * xi + d0 * t;
        double dn = d1 * xi * xi + 2 * s * t + d0 * (1 - xi) * (1 - xi);
        logDerivative = 2 * Math.log(s) + Math.log(dn) - 2 * Math.log(den);
        return yk[k] + h[k] * num / den;
    }

    /** x = g⁻¹(y) by the stable root of the quadratic (NSF eqs. 6–8); sets {@link #logDerivative} of g at x. */
    double inverse(double y) {
        if (!inside(y)) {
            logDerivative = 0;
            return y;
        }
        int k = bin(yk, y, bins);
        double s = h[k] / w[k];
        double d0 = d[k];
        double d1 = d[k + 1];
        double dy = y - yk[k];
        double sum = d1 + d0 - 2 * s;
        double a = h[k] * (s - d0) + dy * sum;
        double b = h[k] * d0 - dy * sum;
        double c = -s * dy;
        double disc = Math.max(0, b * b - 4 * a * c);
        double xi = Math.min(1, Math.max(0, 2 * c / (-b - Math.sqrt(disc))));
        evaluate(k, s, xi);
        return xk[k] + xi * w[k];
    }

    /**
     * Backward for one value after {@link #knots}: with gy = dL/dy and gld = dL/d(log dy/dx) it writes dL/dθ of this
     * value's logits into {@code g} (same offsets and stride as the logits; every logit of the value is written) and
     * returns dL/dx. The bin index has no gradient.
     */
    double backward(double x, double gy, double gld, double[] g, int wOff, int hOff, int dOff, int stride) {
        for (int i = 0; i < bins; i++) {
            g[wOff + i * stride] = 0;
            g[hOff + i * stride] = 0;
            if (i < bins - 1) {
                g[dOff + i * stride] = 0;
            }
        }
        if (!inside(x)) {
            return gy;
        }
        int k = bin(xk, x, bins);
        double wk = w[k];
        double hk = h[k];
        double s = hk / wk;
        double xi = Math.min(1, Math.max(0, (x - xk[k]) / wk));
        double d0 = d[k];
        double d1 = d[k + 1];
        double t = xi * (1 - xi);
        double sum = d1 + d0 - 2 * s;
        double den = s + sum * t;
        double num = s * xi * xi + d0 * t;
        double r = num / den;
        double dn = d1 * xi * xi + 2 * s * t + d0 * (1 - xi) * (1 - xi);
        double denXi = sum * (1 - 2 * xi);
        double rXi = (2 * s * xi + d0 * (1 - 2 * xi) - r * denXi) / den;
        double rS = (xi * xi - r * (1 - 2 * t)) / den;
        double rD0 = t * (1 - r) / den;
        double rD1 = -r * t / den;
        double dnXi = 2 * d1 * xi + 2 * s * (1 - 2 * xi) - 2 * d0 * (1 - xi);
        double lXi = dnXi / dn - 2 * denXi / den;
        double lS = 2 / s + 2 * t / dn - 2 * (1 - 2 * t) / den;
        double lD0 = (1 - xi) * (1 - xi) / dn - 2 * t / den;
        double lD1 = xi * xi / dn - 2 * t / den;
        double gXi = gy * hk * rXi + gld * lXi;
        double gS = gy * hk * rS + gld * lS;
        double gD0 = gy * hk * rD0 + gld * lD0;
        double gD1 = gy * hk * rD1 + gld * lD1;
        double gHk = gy * r + gS / wk;
        double gWk = -(gXi * xi + gS * s) / wk;
        double gXk = -gXi / wk;
        for (int i = 0; i < bins; i++) {
            gW[i] = i < k ? gXk : i == k ? gWk : 0;
            gH[i] = i < k ? gy : i == k ? gHk : 0;
        }
        softmaxBackward(pw, gW, g, wOff, stride);
        softmaxBackward(ph, gH, g, hOff, stride);
        if (k >= 1) {
            g[dOff + (k - 1) * stride] = gD0 * sig[k];
        }
        if (k + 1 <= bins - 1) {
            g[dOff + k * stride] = gD1 * sig[k + 1];
        }
        return gXi / wk;
    }

    /** dL/dlogits from dL/dsize (size_i = 2B·(m + (1 − K·m)·p_i), p = softmax(logits)). */
    private void softmaxBackward(double[] p, double[] gSize, double[] g, int off, int stride) {
        double scale = 2 * bound * (1 - bins * MIN_BIN);
        double dot = 0;
        for (int i = 0; i < bins; i++) {
            dot += p[i] * gSize[i];
        }
        for (int i = 0; i < bins; i++) {
            g[off + i * stride] = scale * p[i] * (gSize[i] - dot);
        }
    }
}
