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
     * With a float network ({@code precision}), every new value is rounded to float (what the network stores).
     */
    public void step(double[] p, double[] g, double gradNorm, double lr, FlowNet precision) {
        double scale = clipNorm > 0 && gradNorm > clipNorm ? clipNorm / gradNorm : 1.0;
        t++;
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        double stepSize = lr / bc1;
        double invSqrtBc2 = 1.0 / Math.sqrt(bc2);
        double wd = weightDecay;
        double b1 = beta1;
        double b2 = beta2;
        double[] mm = m;
        double[] vv = v;
        for (int i = 0; i < p.length; i++) { // kept branch-free so that the JIT can vectorise it
            double gi = g[i] * scale + wd * p[i];
            double mi = b1 * mm[i] + (1 - b1) * gi;
            double vi = b2 * vv[i] + (1 - b2) * gi * gi;
            mm[i] = mi;
            vv[i] = vi;
            p[i] -= stepSize * mi / (Math.sqrt(vi) * invSqrtBc2 + EPS);
        }
        if (precision != null && precision.dtype == org.nd4j.linalg.api.buffer.DataType.FLOAT) {
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) p[i];
            }
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
