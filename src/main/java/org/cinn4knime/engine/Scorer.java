package org.cinn4knime.engine;

import org.cinn4knime.engine.stats.ChiSquared;

/**
 * Streaming scorer: feed (x, y) chunks with {@link #add}, then {@link #finish} for the summary. For a flow,
 * ‖z‖² of the true rows is χ²_D-distributed when the model is calibrated, which gives an exact calibration curve.
 */
public final class Scorer {
    /** Calibration levels q = 0.05, 0.10, …, 0.95. */
    static final double[] LEVELS = new double[19];

    static {
        for (int i = 0; i < LEVELS.length; i++) {
            LEVELS[i] = Math.round((i + 1) * 5) / 100.0;
        }
    }

    private final CinnModel model;
    private final int threads;
    private final double[] thresholds;
    private final long[] below;
    private final double[] zSum;
    private final double[] zSumSq;
    private long rows;
    private double nllSum;

    Scorer(CinnModel model, int threads) {
        this.model = model;
        this.threads = threads;
        int d = model.netDim();
        thresholds = new double[LEVELS.length];
        for (int i = 0; i < LEVELS.length; i++) {
            thresholds[i] = ChiSquared.quantile(LEVELS[i], d);
        }
        below = new long[LEVELS.length];
        zSum = new double[d];
        zSumSq = new double[d];
    }

    /**
     * Scores a chunk; returns per row {logDensity, zSquaredNorm}. The rows are accumulated for the summary, in row
     * order on the caller's thread (the network passes run on the scorer's threads), so the figures do not depend on
     * the thread count. Pass a few times {@link CinnModel#CHUNK_ROWS} rows × threads per call to keep every thread
     * busy.
     */
    public double[][] add(double[][] x, double[][] y) throws CinnDataException {
        ForwardResult f = model.forward(x, y, threads);
        double[][] out = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            double zz = f.zSquaredNorm()[r];
            out[r] = new double[] {f.logDensity()[r], zz};
            nllSum -= f.logDensity()[r];
            for (int i = 0; i < thresholds.length; i++) {
                if (zz <= thresholds[i]) {
                    below[i]++;
                }
            }
            double[] z = f.z()[r];
            for (int j = 0; j < z.length; j++) {
                zSum[j] += z[j];
                zSumSq[j] += z[j] * z[j];
            }
        }
        rows += x.length;
        return out;
    }

    /** The summary of all rows added so far (NaN figures if none). */
    public ScoreReport finish() {
        int d = model.netDim();
        double meanNll = rows == 0 ? Double.NaN : nllSum / rows;
        double[] fractions = new double[LEVELS.length];
        double err = 0;
        for (int i = 0; i < LEVELS.length; i++) {
            fractions[i] = rows == 0 ? Double.NaN : (double) below[i] / rows;
            err += Math.abs(fractions[i] - LEVELS[i]);
        }
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = rows == 0 ? Double.NaN : zSum[j] / rows;
            sd[j] = rows < 2 ? Double.NaN
                    : Math.sqrt(Math.max(0, (zSumSq[j] - rows * mean[j] * mean[j]) / (rows - 1)));
        }
        return new ScoreReport(rows, meanNll, meanNll / d, meanNll / d / Math.log(2), LEVELS.clone(), fractions,
                err / LEVELS.length, mean, sd);
    }
}
