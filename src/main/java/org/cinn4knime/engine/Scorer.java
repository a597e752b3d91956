package org.cinn4knime.engine;

import java.util.function.IntFunction;

import org.cinn4knime.engine.parallel.WorkerPool;
import org.cinn4knime.engine.stats.ChiSquared;

/**
 * Streaming scorer: feed (x, y) chunks with {@link #add}, then {@link #finish} for the summary. For a flow,
 * ‖z‖² of the true rows is χ²_D-distributed when the model is calibrated, which gives an exact calibration curve.
 *
 * <p>A scorer on several threads owns one {@link WorkerPool} for its life: {@link #finish()} ends its threads, and
 * {@link #close()} does so on a path that does not reach {@code finish} (a failure, a cancellation). It belongs to one
 * thread at a time.
 */
public final class Scorer implements AutoCloseable {
    /** Calibration levels q = 0.05, 0.10, …, 0.95. */
    static final double[] LEVELS = new double[19];

    static {
        for (int i = 0; i < LEVELS.length; i++) {
            LEVELS[i] = Math.round((i + 1) * 5) / 100.0;
        }
    }

    private final CinnModel model;
    /** The threads of every {@link #add}; none but the caller's for one thread. */
    private final WorkerPool pool;
    private boolean closed;
    private final double[] thresholds;
    private final long[] below;
    private final double[] zSum;
    private final double[] zSumSq;
    private long rows;
    private double nllSum;

    Scorer(CinnModel model, int threads) {
        this.model = model;
        this.pool = new WorkerPool(threads, "score");
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
     * the thread count or on how the rows are cut into calls. Pass {@link #rowsPerAdd(int)} rows per call to keep
     * every thread busy.
     *
     * @throws IllegalStateException after {@link #finish()} or {@link #close()}
     * @throws CinnDataException for a row outside the model's domains, or whose log-density is not a finite number
     *         (its target so far outside the training targets that the network overflows), naming the row by its
     *         number counted from 1 over all calls; nothing of that call is added
     */
    public double[][] add(double[][] x, double[][] y) throws CinnDataException {
        long before = rows;
        return add(x, y, r -> "number " + (before + r + 1));
    }

    /**
     * As {@link #add(double[][], double[][])}, naming row r of this call in errors by {@code rowName} (e.g. the
     * quoted row ID of a KNIME row, "'Row17'").
     */
    public double[][] add(double[][] x, double[][] y, IntFunction<String> rowName) throws CinnDataException {
        if (closed) {
            throw new IllegalStateException("This scorer is finished; CinnModel.newScorer starts a new one.");
        }
        ForwardResult f = model.forward(x, y, pool, rowName);
        for (int r = 0; r < x.length; r++) {
            if (!Double.isFinite(f.logDensity()[r])) {
                throw new CinnDataException("Row " + rowName.apply(r) + " has the log-density "
                        + f.logDensity()[r] + ": its target is so far outside the training targets that the model "
                        + "cannot score it. Remove the row (rows outside the training targets are flagged; this one "
                        + "is beyond what the network can compute).");
            }
        }
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

    /**
     * Rows to pass to one {@link #add} call of a scorer on {@code threads} threads: two chunks of
     * {@link CinnModel#CHUNK_ROWS} per thread, enough to keep every thread busy with memory still flat. The one
     * value the Scorer node and the command line {@code score} read their input by.
     *
     * @param threads the scorer's threads (≥ 1)
     */
    public static int rowsPerAdd(int threads) {
        return 2 * CinnModel.CHUNK_ROWS * Math.max(1, threads);
    }

    /**
     * The summary of all rows added so far (NaN figures if none); ends the scorer's threads (as {@link #close()}), so
     * no row can be added afterwards.
     */
    public ScoreReport finish() {
        close();
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

    /** Ends the scorer's threads (idempotent); {@link #add} fails afterwards. */
    @Override
    public void close() {
        closed = true;
        pool.close();
    }
}
