package org.cinn4knime.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.IntFunction;

import org.cinn4knime.engine.domain.Domains;
import org.cinn4knime.engine.nn.FlowNet;
import org.cinn4knime.engine.parallel.WorkerPool;

/**
 * A trained cINN with its column names, standardisation and provenance. Immutable and safe for concurrent use:
 * every call borrows a network of its own over the shared read-only parameters (a network keeps per-batch
 * buffers), so a Scorer never waits for a long sampling run on the same model. A {@link Scorer} itself
 * accumulates statistics and belongs to one thread.
 */
public final class CinnModel {
    /** Rows named by their 1-based index in the call: "number 1", "number 2", … */
    static final IntFunction<String> ROW_NUMBERS = r -> "number " + (r + 1);
    /** Rows per network pass in forward/inverse/scoring, and the largest chunk handed to a {@link SampleSink}. */
    public static final int CHUNK_ROWS = 2048;
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    /**
     * Idle networks kept for reuse (with their cached batch buffers): one per core; more concurrent users build
     * their own.
     */
    private static final int MAX_IDLE_NETS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final List<String> xNames;
    private final List<String> yNames;
    private final CinnArchitecture arch;
    private final TrainingSettings settings;
    private final ModelInfo info;
    private final Standardisation std;
    private final int[][] perms;
    private final double[] params;
    /** Column domains (null: the network sees the design columns as they are, as in format-1 models). */
    private final Domains domains;
    /** Idle networks over {@link #params}, most recently used first; guarded by itself. */
    private final Deque<FlowNet> idleNets = new ArrayDeque<>();
    /** Where the training targets lie; null for models read from format-1 files (derived on demand). */
    private final TargetRange targetRange;

    CinnModel(List<String> xNames, List<String> yNames, CinnArchitecture arch, TrainingSettings settings,
            ModelInfo info, Standardisation std, int[][] perms, double[] params) {
        this(xNames, yNames, arch, settings, info, std, perms, params, null);
    }

    CinnModel(List<String> xNames, List<String> yNames, CinnArchitecture arch, TrainingSettings settings,
            ModelInfo info, Standardisation std, int[][] perms, double[] params, Domains domains) {
        this(xNames, yNames, arch, settings, info, std, perms, params, domains, null);
    }

    private CinnModel(List<String> xNames, List<String> yNames, CinnArchitecture arch, TrainingSettings settings,
            ModelInfo info, Standardisation std, int[][] perms, double[] params, Domains domains,
            TargetRange targetRange) {
        this.domains = domains;
        this.targetRange = targetRange;
        this.xNames = List.copyOf(xNames);
        this.yNames = List.copyOf(yNames);
        this.arch = arch;
        this.settings = settings;
        this.info = info;
        this.std = std;
        this.perms = perms;
        this.params = params;
    }

    public List<String> xNames() {
        return xNames;
    }

    public List<String> yNames() {
        return yNames;
    }

    public int xDim() {
        return xNames.size();
    }

    /**
     * Dimension of the network's coordinates: {@link #xDim()} less one per exact-sum composition (z has this many
     * values per row).
     */
    public int netDim() {
        return domains == null ? xDim() : domains.netDim();
    }

    /** The column domains, or null when the model has none (format-1 models, or every column unbounded). */
    public Domains domains() {
        return domains;
    }

    public int yDim() {
        return yNames.size();
    }

    public CinnArchitecture architecture() {
        return arch;
    }

    public TrainingSettings trainingSettings() {
        return settings;
    }

    public ModelInfo info() {
        return info;
    }

    Standardisation standardisation() {
        return std;
    }

    int[][] permutations() {
        return perms;
    }

    double[] parameters() {
        return params;
    }

    /** Same model with the given target range (null: none stored, as in format 1). */
    CinnModel withTargetRange(TargetRange range) {
        return new CinnModel(xNames, yNames, arch, settings, info, std, perms, params, domains, range);
    }

    /**
     * Where the training targets lie, to flag wanted targets outside them ({@link TargetRange#check}). Models of
     * format 1 stored no range: for them it is derived from the stored mean and standard deviation
     * ({@link TargetRange#isDerived()}).
     */
    public TargetRange targetRange() {
        return targetRange != null ? targetRange
                : TargetRange.fromStandardisation(yNames, std.yMean(), std.yStd());
    }

    /** The stored target range, or null for a format-1 model (for the model file writer). */
    TargetRange storedTargetRange() {
        return targetRange;
    }

    /** A network over the parameters for the caller's exclusive use; give it back with {@link #release}. */
    FlowNet borrow() {
        synchronized (idleNets) {
            FlowNet n = idleNets.pollFirst();
            if (n != null) {
                return n;
            }
        }
        Nd4jRuntime.ensureInitialisedUnchecked();
        FlowNet n = new FlowNet(netDim(), yDim(), arch, perms);
        n.setParameters(params);
        return n;
    }

    void release(FlowNet n) {
        synchronized (idleNets) {
            if (idleNets.size() < MAX_IDLE_NETS) {
                idleNets.addFirst(n);
            }
        }
    }

    /**
     * Converts a training-objective value (the mean per-row loss of {@link EpochStats} and the model history:
     * 0.5·‖z‖² − log|det J| on standardised data, without the constant) into the negative log-likelihood in
     * nats per row in the user's units, as the {@link Scorer} reports it: loss + D/2·log 2π + Σ log xStd, less the
     * validation rows' mean log-Jacobian of the column domains (exact for the validation loss).
     */
    public double lossToNll(double loss) {
        return loss + netDim() * HALF_LOG_2PI - std.xLogDet()
                - (domains == null ? 0 : domains.validationLogJacobian());
    }

    /**
     * Design rows in network coordinates (before standardisation) and the per-row log|du/dx| of the domains
     * (including point-mass band widths); the rows themselves when the model has no domains.
     */
    private double[][] toNetwork(double[][] x, double[] logJacobian, IntFunction<String> rowName)
            throws CinnDataException {
        if (domains == null) {
            return x;
        }
        double[][] u = new double[x.length][netDim()];
        for (int r = 0; r < x.length; r++) {
            logJacobian[r] = domains.toNetwork(x[r], u[r], null, rowName.apply(r));
        }
        return u;
    }

    /** Network-coordinate rows back to design rows (in place of the array's rows). */
    double[][] fromNetwork(double[][] u) {
        if (domains != null) {
            for (int r = 0; r < u.length; r++) {
                u[r] = domains.fromNetwork(u[r]);
            }
        }
        return u;
    }

    /** Forward pass in the user's units: z and log p(x|y) per row (includes the standardisation log-det). */
    public ForwardResult forward(double[][] x, double[][] y) throws CinnDataException {
        return forward(x, y, 1);
    }

    /**
     * {@link #forward(double[][], double[][])} with chunks of {@link #CHUNK_ROWS} rows computed on {@code threads}
     * worker threads of this call's own; the result is the same on any number of threads.
     *
     * @param threads worker threads (≥ 1)
     */
    public ForwardResult forward(double[][] xRows, double[][] y, int threads) throws CinnDataException {
        int n = checkRows(xRows, y, "design", xDim(), xNames);
        checkThreads(threads);
        try (WorkerPool pool = new WorkerPool(Math.min(threads, chunks(n)), "score")) {
            return forwardChecked(xRows, y, n, pool, ROW_NUMBERS);
        }
    }

    /**
     * {@link #forward(double[][], double[][])} with the chunks computed on the given pool's threads (a
     * {@link Scorer}'s, kept for its life); the result is the same on any number of threads.
     *
     * @param rowName the user's name of row r of this call in error messages ("number 4097", "'Row17'")
     */
    ForwardResult forward(double[][] xRows, double[][] y, WorkerPool pool, IntFunction<String> rowName)
            throws CinnDataException {
        return forwardChecked(xRows, y, checkRows(xRows, y, "design", xDim(), xNames, rowName), pool, rowName);
    }

    /** The forward pass of n checked rows. */
    private ForwardResult forwardChecked(double[][] xRows, double[][] y, int n, WorkerPool pool,
            IntFunction<String> rowName) throws CinnDataException {
        double[] logJacobian = new double[n];
        double[][] x = toNetwork(xRows, logJacobian, rowName);
        return NetworkPasses.forward(this, x, y, logJacobian, pool);
    }

    static int chunks(long rows) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (rows + CHUNK_ROWS - 1) / CHUNK_ROWS));
    }

    static void checkThreads(int threads) throws CinnDataException {
        if (threads < 1) {
            throw new CinnDataException("Threads must be at least 1, but is " + threads + ".");
        }
    }

    /** log p(x|y) from ‖z‖² and the network's log|det J| of one row (standardised data), in the user's units. */
    double logDensity(double zSquared, double netLogDet) {
        return -0.5 * zSquared - netDim() * HALF_LOG_2PI + netLogDet + std.xLogDet();
    }

    /** Inverse pass: z ({@link #netDim()} values per row) → x in the user's units. */
    public double[][] inverse(double[][] z, double[][] y) throws CinnDataException {
        return inverse(z, y, 1);
    }

    /**
     * {@link #inverse(double[][], double[][])} with chunks computed on {@code threads} worker threads of this call's
     * own; the result is the same on any number of threads.
     */
    public double[][] inverse(double[][] z, double[][] y, int threads) throws CinnDataException {
        int n = checkRows(z, y, "latent", netDim(), null);
        checkThreads(threads);
        try (WorkerPool pool = new WorkerPool(Math.min(threads, chunks(n)), "inverse")) {
            return fromNetwork(NetworkPasses.inverse(this, z, y, pool));
        }
    }

    /** log p(x|y) per row in nats, in the units of x. */
    public double[] logDensity(double[][] x, double[][] y) throws CinnDataException {
        return forward(x, y).logDensity();
    }

    /**
     * Streams designs: for every target row r, {@code samplesPerRow} draws z ~ N(0, T²·I) inverted to x. The draws
     * of row r come from a generator seeded by (seed, r), so results do not depend on chunking. The sink gets chunks
     * of at most {@link #CHUNK_ROWS} rows, in target-row order.
     */
    public void sample(double[][] targets, int samplesPerRow, double temperature, long seed,
            boolean withLogDensity, SampleSink sink, ProgressListener listener) throws CinnException {
        sample(targets, 0, samplesPerRow, temperature, seed, withLogDensity, sink, listener);
    }

    /**
     * As {@link #sample(double[][], int, double, long, boolean, SampleSink, ProgressListener)} for a slice of a
     * longer stream of targets that starts at row {@code firstRowIndex}: the draws of {@code targets[r]} come from
     * the generator seeded by (seed, firstRowIndex + r). A caller that feeds a long table in slices thus gets exactly
     * the designs of one call over the whole table (the KNIME Sampler and the command line agree for the same seed).
     * {@link SampleChunk#targetRow()} stays an index into {@code targets}.
     */
    public void sample(double[][] targets, long firstRowIndex, int samplesPerRow, double temperature,
            long seed, boolean withLogDensity, SampleSink sink, ProgressListener listener) throws CinnException {
        sample(targets, firstRowIndex, samplesPerRow, temperature, seed, withLogDensity, 1, sink, listener);
    }

    /**
     * As {@link #sample(double[][], long, int, double, long, boolean, SampleSink, ProgressListener)}, with the
     * network passes of the chunks on {@code threads} worker threads of this call's own (its own pool: calls running
     * at once do not share or change each other's threads). The latent draws are made in order on the caller's
     * thread and the sink gets the chunks in the same order and with the same content as on one thread, so the
     * designs do not depend on {@code threads}; at most 2 × threads chunks are in flight, so memory stays flat
     * however many designs are drawn. The sink and the listener are called on the caller's thread only.
     *
     * @param threads worker threads (≥ 1)
     */
    public void sample(double[][] targets, long firstRowIndex, int samplesPerRow, double temperature,
            long seed, boolean withLogDensity, int threads, SampleSink sink, ProgressListener listener)
            throws CinnException {
        Sampling.run(this, targets, firstRowIndex, samplesPerRow, temperature, seed, withLogDensity, threads, sink,
                listener);
    }

    /** A streaming scorer for (x, y) rows, on the caller's thread only. */
    public Scorer newScorer() {
        return new Scorer(this, 1);
    }

    /**
     * A streaming scorer whose {@link Scorer#add} runs the network passes on {@code threads} worker threads of the
     * scorer's own, started here and ended by {@link Scorer#finish()} or {@link Scorer#close()}; its results do not
     * depend on {@code threads}.
     */
    public Scorer newScorer(int threads) throws CinnDataException {
        checkThreads(threads);
        return new Scorer(this, threads);
    }

    /**
     * Checks row counts, widths and finiteness.
     *
     * @return the number of rows
     */
    int checkRows(double[][] a, double[][] y, String what, int width, List<String> names)
            throws CinnDataException {
        return checkRows(a, y, what, width, names, ROW_NUMBERS);
    }

    /** As {@link #checkRows(double[][], double[][], String, int, List)}, naming row r by {@code rowName}. */
    private int checkRows(double[][] a, double[][] y, String what, int width, List<String> names,
            IntFunction<String> rowName) throws CinnDataException {
        if (a == null || y == null) {
            throw new CinnDataException("No " + what + " rows were given.");
        }
        if (a != y && a.length != y.length) {
            throw new CinnDataException("There are " + a.length + " " + what + " rows but " + y.length
                    + " target rows; both must have the same rows.");
        }
        checkBlock(a, width, what, names, rowName);
        if (a != y) {
            checkBlock(y, yDim(), "target", yNames, rowName);
        }
        return a.length;
    }

    private static void checkBlock(double[][] a, int width, String what, List<String> names,
            IntFunction<String> rowName) throws CinnDataException {
        for (int r = 0; r < a.length; r++) {
            double[] row = a[r];
            if (row == null || row.length != width) {
                throw new CinnDataException("Row " + rowName.apply(r) + " has " + (row == null ? 0 : row.length) + " "
                        + what + " values, but the model expects " + width
                        + (names == null ? "" : " (" + String.join(", ", names) + ")") + ".");
            }
            for (int j = 0; j < width; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new CinnDataException("The " + what + " value in row " + rowName.apply(r) + ", column "
                            + (names == null ? String.valueOf(j + 1) : "'" + names.get(j) + "'")
                            + " is missing, NaN or infinite.");
                }
            }
        }
    }
}
