package org.cinn4knime.engine;

/**
 * Per-column mean and standard deviation of the training rows; the network works on (v − mean) / std.
 */
record Standardisation(double[] xMean, double[] xStd, double[] yMean, double[] yStd) {

    /** log|det| of the x standardisation: −Σ log std (added to every log-density in user units). */
    double xLogDet() {
        double s = 0;
        for (double v : xStd) {
            s -= Math.log(v);
        }
        return s;
    }

    /** Standardised values of rows[from, from + n) into feature-major {@code dst} ([d, n]). */
    static void toFeatureMajor(double[][] rows, int from, int n, double[] mean, double[] std, double[] dst) {
        int d = mean.length;
        for (int r = 0; r < n; r++) {
            double[] row = rows[from + r];
            for (int j = 0; j < d; j++) {
                dst[j * n + r] = (row[j] - mean[j]) / std[j];
            }
        }
    }

    /** Rows of user-unit values from feature-major standardised {@code src} ([d, n]). */
    static double[][] fromFeatureMajor(double[] src, int n, double[] mean, double[] std) {
        int d = mean.length;
        double[][] out = new double[n][d];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                out[r][j] = src[j * n + r] * std[j] + mean[j];
            }
        }
        return out;
    }
}
