package org.cinn4knime.engine;

import org.cinn4knime.engine.nn.FlowNet;
import org.cinn4knime.engine.nn.Host;
import org.cinn4knime.engine.parallel.WorkerPool;

/**
 * The chunked network passes behind {@link CinnModel#forward(double[][], double[][], int)} and
 * {@link CinnModel#inverse(double[][], double[][], int)}: the rows are cut into chunks of {@link CinnModel#CHUNK_ROWS},
 * every chunk runs on a network borrowed from the model ({@link CinnModel#borrow()}) and writes only its own rows of
 * the result, so the result does not depend on how many worker threads compute the chunks. The threads are those of
 * a {@link WorkerPool} the caller owns: one per call, or one for a {@link Scorer}'s life.
 *
 * <p>Rows arrive checked and in network coordinates (after the column domains, before the standardisation); the
 * callers in {@link CinnModel} check them and apply the domains.
 */
final class NetworkPasses {

    private NetworkPasses() {
    }

    /** The work on rows [from, from + m) of one chunk. */
    @FunctionalInterface
    private interface ChunkTask {
        void run(int from, int m);
    }

    /**
     * Forward pass of n rows.
     *
     * @param x n × {@link CinnModel#netDim()} rows in network coordinates
     * @param y n × {@link CinnModel#yDim()} targets in the user's units
     * @param logJacobian n values: log|du/dx| of the column domains per row, added to log p
     * @param pool the worker threads that compute the chunks
     * @return z, log p(x|y) in the user's units and ‖z‖² per row
     */
    static ForwardResult forward(CinnModel model, double[][] x, double[][] y, double[] logJacobian, WorkerPool pool) {
        int n = x.length;
        double[][] z = new double[n][model.netDim()];
        double[] logp = new double[n];
        double[] zz = new double[n];
        forEachChunk(n, pool, (from, m) -> forwardChunk(model, x, y, from, m, z, zz, logp, logJacobian));
        return new ForwardResult(z, logp, zz);
    }

    /**
     * Inverse pass of n rows.
     *
     * @param z n × {@link CinnModel#netDim()} latent rows
     * @param y n × {@link CinnModel#yDim()} targets in the user's units
     * @param pool the worker threads that compute the chunks
     * @return n rows in network coordinates (the caller maps them back through the column domains)
     */
    static double[][] inverse(CinnModel model, double[][] z, double[][] y, WorkerPool pool) {
        int n = z.length;
        int d = model.netDim();
        double[][] x = new double[n][];
        forEachChunk(n, pool, (from, m) -> {
            double[] zf = new double[d * m];
            for (int r = 0; r < m; r++) {
                for (int j = 0; j < d; j++) {
                    zf[j * m + r] = z[from + r][j];
                }
            }
            double[][] part = inverseChunk(model, zf, conditionFeatureMajor(model, y, from, m), m, null);
            System.arraycopy(part, 0, x, from, m);
        });
        return x;
    }

    /**
     * The inverse pass of one chunk of m rows on a network borrowed from the model (any thread); also the chunk step
     * of sampling.
     *
     * @param zf the latent, feature-major [D, m]
     * @param yf the standardised targets, feature-major [C, m]
     * @param logDet if not null, receives the network's log|det J| per row (m values)
     * @return m rows in network coordinates (un-standardised, before the column domains)
     */
    static double[][] inverseChunk(CinnModel model, double[] zf, double[] yf, int m, double[] logDet) {
        Standardisation std = model.standardisation();
        FlowNet f = model.borrow();
        try {
            FlowNet.Workspace ws = f.workspace(m);
            f.setLatent(ws, zf);
            f.setCondition(ws, yf);
            f.inverse(ws);
            if (logDet != null) {
                System.arraycopy(f.logDet(ws), 0, logDet, 0, m);
            }
            return Standardisation.fromFeatureMajor(Host.get(ws.input()), m, std.xMean(), std.xStd());
        } finally {
            model.release(f);
        }
    }

    /**
     * Runs {@code task} for every chunk of {@link CinnModel#CHUNK_ROWS} of n rows on the pool's threads and waits for
     * all of them; the failure of the lowest chunk is rethrown.
     */
    private static void forEachChunk(int n, WorkerPool pool, ChunkTask task) {
        try {
            pool.run((n + CinnModel.CHUNK_ROWS - 1) / CinnModel.CHUNK_ROWS, (worker, chunk) -> {
                int from = chunk * CinnModel.CHUNK_ROWS;
                task.run(from, Math.min(CinnModel.CHUNK_ROWS, n - from));
            });
        } catch (WorkerPool.TaskException e) { // the chunk tasks throw no checked exception
            throw new IllegalStateException(e.getMessage(), e.getCause());
        }
    }

    /** Forward pass of rows [from, from + m) into the result arrays (on a borrowed network). */
    private static void forwardChunk(CinnModel model, double[][] x, double[][] y, int from, int m, double[][] z,
            double[] zz, double[] logp, double[] logJacobian) {
        int d = model.netDim();
        Standardisation std = model.standardisation();
        FlowNet f = model.borrow();
        try {
            FlowNet.Workspace ws = f.workspace(m);
            double[] xf = new double[d * m];
            Standardisation.toFeatureMajor(x, from, m, std.xMean(), std.xStd(), xf);
            f.setInput(ws, xf);
            f.setCondition(ws, conditionFeatureMajor(model, y, from, m));
            f.forward(ws);
            double[] zf = Host.get(ws.z());
            double[] ld = f.logDet(ws);
            for (int r = 0; r < m; r++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double v = zf[j * m + r];
                    z[from + r][j] = v;
                    s += v * v;
                }
                zz[from + r] = s;
                logp[from + r] = model.logDensity(s, ld[r]) + logJacobian[from + r];
            }
        } finally {
            model.release(f);
        }
    }

    /** Targets of rows [from, from + m), standardised, feature-major (the network's condition input). */
    private static double[] conditionFeatureMajor(CinnModel model, double[][] y, int from, int m) {
        Standardisation std = model.standardisation();
        double[] yf = new double[model.yDim() * m];
        Standardisation.toFeatureMajor(y, from, m, std.yMean(), std.yStd(), yf);
        return yf;
    }
}
