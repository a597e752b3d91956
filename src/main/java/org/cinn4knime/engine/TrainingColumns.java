package org.cinn4knime.engine;

import org.cinn4knime.engine.nn.FlowNet;

/**
 * The standardised training and validation rows of one training run, feature-major ({@code [D][rows]} and
 * {@code [C][rows]}, so that loading a batch copies whole runs of a column), and the loading of a batch of them
 * into a network's workspace. Loading is thread-safe (every call uses its own buffers), so the data-parallel
 * workers load their shards at once.
 */
final class TrainingColumns {
    private final int d;
    private final int c;
    private final double[] xMean;
    private final double[] xSd;
    /** Standardised design columns of the training rows, [D][nTrain]; rewritten by {@link #setTrainingRow}. */
    private final double[][] xt;
    private final double[][] yt;
    private final double[][] xv;
    private final double[][] yv;

    /**
     * @param x design rows in network coordinates, [rows][D]
     * @param y target rows, [rows][C]
     * @param trainRows, valRows the row indices of the two parts
     * @param std the standardisation of x and y
     */
    TrainingColumns(double[][] x, double[][] y, int[] trainRows, int[] valRows, Standardisation std) {
        xMean = std.xMean();
        xSd = std.xStd();
        d = xMean.length;
        c = std.yMean().length;
        xt = columns(x, trainRows, xMean, xSd);
        yt = columns(y, trainRows, std.yMean(), std.yStd());
        xv = columns(x, valRows, xMean, xSd);
        yv = columns(y, valRows, std.yMean(), std.yStd());
    }

    private static double[][] columns(double[][] v, int[] rows, double[] mean, double[] sd) {
        double[][] out = new double[mean.length][rows.length];
        for (int i = 0; i < rows.length; i++) {
            double[] row = v[rows[i]];
            for (int j = 0; j < mean.length; j++) {
                out[j][i] = (row[j] - mean[j]) / sd[j];
            }
        }
        return out;
    }

    /** Replaces training row {@code i} (0-based among the training rows) by {@code u} in network coordinates. */
    void setTrainingRow(int i, double[] u) {
        for (int j = 0; j < d; j++) {
            xt[j][i] = (u[j] - xMean[j]) / xSd[j];
        }
    }

    /** Loads training rows order[from, from + m) into {@code ws}. */
    void loadTraining(FlowNet net, FlowNet.Workspace ws, int[] order, int from, int m) {
        double[] xs = new double[d * m];
        double[] ys = new double[c * m];
        gather(xt, order, from, m, xs);
        gather(yt, order, from, m, ys);
        net.setInput(ws, xs);
        net.setCondition(ws, ys);
    }

    private static void gather(double[][] cols, int[] order, int from, int m, double[] out) {
        for (int j = 0; j < cols.length; j++) {
            double[] col = cols[j];
            int o = j * m;
            for (int r = 0; r < m; r++) {
                out[o + r] = col[order[from + r]];
            }
        }
    }

    /** Loads validation rows [from, from + m) into {@code ws}. */
    void loadValidation(FlowNet net, FlowNet.Workspace ws, int from, int m) {
        double[] xs = new double[d * m];
        double[] ys = new double[c * m];
        for (int j = 0; j < d; j++) {
            System.arraycopy(xv[j], from, xs, j * m, m);
        }
        for (int j = 0; j < c; j++) {
            System.arraycopy(yv[j], from, ys, j * m, m);
        }
        net.setInput(ws, xs);
        net.setCondition(ws, ys);
    }
}
