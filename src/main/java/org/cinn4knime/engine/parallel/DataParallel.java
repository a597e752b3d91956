package org.cinn4knime.engine.parallel;

import java.util.function.Supplier;

import org.cinn4knime.engine.nn.Adam;
import org.cinn4knime.engine.nn.FlowNet;

/**
 * Data-parallel loss and gradient of a {@link FlowNet} over T worker threads, with results independent of T.
 *
 * <p>Every worker owns a network replica. For a batch, {@link #lossAndGradient} cuts the rows into
 * {@link Shards#count} shards (a function of the batch size only); a worker first brings its replica up to the
 * current parameters, then computes the mean loss and its gradient over one shard at a time. The batch gradient is
 * the row-weighted sum Σ (m_s / m)·g_s of the shard gradients, formed in double in shard order for every parameter
 * (parameter ranges are summed on the workers, each range alone); the loss likewise. Floating-point sums in a fixed
 * order give the same bits whichever worker computed a shard, so 1, 2, 3 or 7 threads train the same model.
 *
 * <p>ND4J and its BLAS run with one thread inside every worker ({@code Nd4jRuntime}); the parallelism is ours and
 * coarse (whole shards), which is what pays at these matrix sizes. Not thread-safe: one training run at a time.
 */
public final class DataParallel implements AutoCloseable {
    /** Loads rows of the current batch into a replica's workspace. */
    @FunctionalInterface
    public interface BatchLoader {
        /**
         * @param net the replica
         * @param ws its workspace for {@code rows} rows
         * @param from first row, as an offset into the batch order of the caller
         * @param rows number of rows
         */
        void load(FlowNet net, FlowNet.Workspace ws, int from, int rows);
    }

    private final WorkerPool pool;
    private final FlowNet[] replicas;
    private final long[] replicaVersion;
    private final int paramCount;
    private double[] params;
    private long version;
    private double[][] shardGrad = new double[0][];
    private double[] shardLoss = new double[0];
    private final double[] rangeNormSq = new double[Shards.PARAMETER_RANGES];

    /**
     * @param threads worker threads including the caller (≥ 1)
     * @param first the caller's network, used as worker 0's replica
     * @param factory builds the further replicas (same shape and permutations)
     */
    public DataParallel(int threads, FlowNet first, Supplier<FlowNet> factory) {
        pool = new WorkerPool(threads, "train");
        replicas = new FlowNet[threads];
        replicas[0] = first;
        for (int i = 1; i < threads; i++) {
            replicas[i] = factory.get();
        }
        replicaVersion = new long[threads];
        paramCount = first.paramCount();
        version = 1;
    }

    public int threads() {
        return pool.threads();
    }

    /**
     * Makes {@code p} the parameters of every replica (copied into each replica by its own worker before its next
     * shard). The array must not change until the next call.
     */
    public void setParameters(double[] p) {
        if (p.length != paramCount) {
            throw new IllegalArgumentException("Expected " + paramCount + " parameters, got " + p.length);
        }
        params = p;
        version++;
    }

    private FlowNet replica(int worker) {
        FlowNet net = replicas[worker];
        if (replicaVersion[worker] != version) {
            net.setParameters(params);
            replicaVersion[worker] = version;
        }
        return net;
    }

    /**
     * Mean loss over the rows [from, from + rows) of the caller's batch order, and its gradient with respect to all
     * parameters into {@code grad}.
     *
     * @return the mean loss (NaN or infinite if a shard's loss is)
     */
    public double lossAndGradient(int from, int rows, BatchLoader loader, double[] grad)
            throws WorkerPool.TaskException {
        int count = Shards.count(rows);
        if (shardGrad.length < count) {
            double[][] g = new double[count][];
            System.arraycopy(shardGrad, 0, g, 0, shardGrad.length);
            for (int s = shardGrad.length; s < count; s++) {
                g[s] = new double[paramCount];
            }
            shardGrad = g;
            shardLoss = new double[count];
        }
        pool.run(count, (w, s) -> {
            int f = Shards.from(rows, count, s);
            int m = Shards.from(rows, count, s + 1) - f;
            FlowNet net = replica(w);
            FlowNet.Workspace ws = net.workspace(m);
            loader.load(net, ws, from + f, m);
            net.forward(ws);
            shardLoss[s] = net.loss(ws);
            net.backward(ws);
            net.gradients(shardGrad[s]);
        });
        double[] weight = new double[count];
        double loss = 0;
        for (int s = 0; s < count; s++) {
            weight[s] = (double) (Shards.from(rows, count, s + 1) - Shards.from(rows, count, s)) / rows;
            loss += weight[s] * shardLoss[s];
        }
        double[][] sg = shardGrad;
        pool.run(Shards.PARAMETER_RANGES, (w, r) -> {
            int a = Shards.rangeFrom(paramCount, r);
            int b = Shards.rangeFrom(paramCount, r + 1);
            if (count == 1) {
                System.arraycopy(sg[0], a, grad, a, b - a);
            } else {
                double w0 = weight[0];
                double[] g0 = sg[0];
                for (int i = a; i < b; i++) {
                    grad[i] = w0 * g0[i];
                }
                for (int s = 1; s < count; s++) {
                    double ws = weight[s];
                    double[] gs = sg[s];
                    for (int i = a; i < b; i++) {
                        grad[i] += ws * gs[i];
                    }
                }
            }
            double sq = 0;
            for (int i = a; i < b; i++) {
                sq += grad[i] * grad[i];
            }
            rangeNormSq[r] = sq;
        });
        return loss;
    }

    /**
     * The global L2 norm of the gradient of the last {@link #lossAndGradient} call (sums of fixed parameter ranges,
     * added in range order).
     */
    public double gradientNorm() {
        double sq = 0;
        for (double v : rangeNormSq) {
            sq += v;
        }
        return Math.sqrt(sq);
    }

    /** Applies an Adam step to {@code p} over parameter ranges on the workers (g is modified). */
    public void adamStep(Adam.Step step, double[] p, double[] g) throws WorkerPool.TaskException {
        pool.run(Shards.PARAMETER_RANGES, (w, r) -> step.apply(p, g, Shards.rangeFrom(paramCount, r),
                Shards.rangeFrom(paramCount, r + 1)));
    }

    /**
     * Σ loss_c · m_c over chunks of {@code chunkRows} rows of [0, rows) (each chunk a forward pass on a replica),
     * added in chunk order; divide by {@code rows} for the mean loss.
     */
    public double lossSum(int rows, int chunkRows, BatchLoader loader) throws WorkerPool.TaskException {
        int chunks = (rows + chunkRows - 1) / chunkRows;
        double[] part = new double[chunks];
        pool.run(chunks, (w, c) -> {
            int f = c * chunkRows;
            int m = Math.min(chunkRows, rows - f);
            FlowNet net = replica(w);
            FlowNet.Workspace ws = net.workspace(m);
            loader.load(net, ws, f, m);
            net.forward(ws);
            part[c] = net.loss(ws) * m;
        });
        double sum = 0;
        for (double v : part) {
            sum += v;
        }
        return sum;
    }

    @Override
    public void close() {
        pool.close();
    }
}
