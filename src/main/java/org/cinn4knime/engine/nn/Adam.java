package org.cinn4knime.engine.nn;

/**
 * Adam over a flat parameter array, in plain Java (faster than ND4J's updater op for ~1e5 parameters), with L2 weight
 * decay added to the gradient (as PyTorch's Adam does) and global-norm gradient clipping before it.
 */
public final class Adam {
    private static final double EPS = 1e-8;
    private final double beta1;
    private final double beta2;
    private final double weightDecay;
    private final double clipNorm;
    private double[] m;
    private double[] v;
    private long t;

    public Adam(int n, double beta1, double beta2, double weightDecay, double clipNorm) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.weightDecay = weightDecay;
        this.clipNorm = clipNorm;
        m = new double[n];
        v = new double[n];
    }

    /** Global L2 norm of a gradient. */
    public static double norm(double[] g) {
        double s = 0;
        for (double x : g) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /**
     * One step on {@code p} with gradient {@code g} (g is modified). {@code gradNorm} is {@link #norm}(g).
     * {@code round} maps every new value to the stored precision.
     */
    public void step(double[] p, double[] g, double gradNorm, double lr, FlowNet precision) {
        double scale = clipNorm > 0 && gradNorm > clipNorm ? clipNorm / gradNorm : 1.0;
        t++;
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        double stepSize = lr / bc1;
        double invSqrtBc2 = 1.0 / Math.sqrt(bc2);
        boolean f = precision != null && precision.dtype == org.nd4j.linalg.api.buffer.DataType.FLOAT;
        for (int i = 0; i < p.length; i++) {
            double gi = g[i] * scale + weightDecay * p[i];
            double mi = beta1 * m[i] + (1 - beta1) * gi;
            double vi = beta2 * v[i] + (1 - beta2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            double np = p[i] - stepSize * mi / (Math.sqrt(vi) * invSqrtBc2 + EPS);
            p[i] = f ? (float) np : np;
        }
    }

    /** A copy of the optimiser state (for rollback). */
    public Adam copy() {
        Adam a = new Adam(0, beta1, beta2, weightDecay, clipNorm);
        a.m = m.clone();
        a.v = v.clone();
        a.t = t;
        return a;
    }
}
