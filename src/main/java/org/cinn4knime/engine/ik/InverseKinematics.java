package org.cinn4knime.engine.ik;

import org.cinn4knime.engine.stats.Gaussian;

/**
 * The inverse-kinematics benchmark of Kruse et al. ("Benchmarking Invertible Architectures on Inverse Problems"):
 * a planar arm whose base slides vertically to height x0 and whose three segments of lengths 0.5, 0.5 and 1.0 have
 * absolute angles x1, x1 + x2, x1 + x2 + x3. The target y = (y0, y1) is the end point. The prior is
 * x ~ N(0, diag(0.25², 0.5², 0.5², 0.5²)).
 */
public final class InverseKinematics {
    /** Design column names. */
    public static final String[] X_NAMES = {"x0", "x1", "x2", "x3"};
    /** Target column names. */
    public static final String[] Y_NAMES = {"y0", "y1"};
    /** Prior standard deviations of x0..x3. */
    public static final double[] PRIOR_STD = {0.25, 0.5, 0.5, 0.5};
    private static final double[] LENGTHS = {0.5, 0.5, 1.0};

    private InverseKinematics() {
    }

    /** n rows drawn from the prior, repeatable for a seed. */
    public static double[][] samplePrior(int n, long seed) {
        Gaussian g = new Gaussian(seed);
        double[][] x = new double[n][4];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < 4; j++) {
                x[r][j] = PRIOR_STD[j] * g.next();
            }
        }
        return x;
    }

    /** End point (y0, y1) of the arm for design x = (x0, x1, x2, x3). */
    public static double[] forward(double[] x) {
        double angle = 0;
        double px = 0;
        double py = x[0];
        for (int i = 0; i < 3; i++) {
            angle += x[i + 1];
            px += LENGTHS[i] * Math.cos(angle);
            py += LENGTHS[i] * Math.sin(angle);
        }
        return new double[] {px, py};
    }

    /** {@link #forward(double[])} for every row. */
    public static double[][] forward(double[][] x) {
        double[][] y = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            y[r] = forward(x[r]);
        }
        return y;
    }
}
