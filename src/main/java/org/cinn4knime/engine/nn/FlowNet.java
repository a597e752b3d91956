package org.cinn4knime.engine.nn;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;

import org.cinn4knime.engine.CinnArchitecture;
import org.cinn4knime.engine.Precision;
import org.cinn4knime.engine.nn.Program.Step;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The conditional invertible network (cINN, Ardizzone et al. 2019) in standardised space: a sequence of flow blocks
 * (ActNorm, affine or rational-quadratic spline couplings, fixed permutations; see {@link ParameterLayout} for the
 * order) with hand-written forward, inverse and backward passes on ND4J arrays.
 *
 * <p><b>Layout.</b> Activations are stored feature-major: an array of shape [features, n] for a batch of n rows. The
 * network state between blocks i and i + 1 is one [D, n] array; z is the last state. Every subnetwork input carries a
 * row of ones so that biases are the last column of each weight matrix. All parameters live in one flat array whose
 * order is the model file's weights order; weight matrices are c-order views of it.
 *
 * <p>The loss is 0.5·‖z‖² − log|det J| averaged over the batch (the negative log-density up to a constant).
 *
 * <p>Not thread-safe: one FlowNet per thread (workspaces hold the per-batch state).
 */
public final class FlowNet {
    public final int xDim;
    public final int yDim;
    public final CinnArchitecture arch;
    final DataType dtype;
    final ParameterLayout layout;
    final int[][] perms; // blocks - 1 permutations: next[i] = prev[perm[i]]
    final FlowBlock[] blocks;
    final int[] logDetOffset; // per block: first row in the log-det buffer
    final int logDetRows;
    final int[] actNormOffset; // per architecture block, -1 without ActNorm
    final INDArray params;
    final INDArray grads;
    /** Most batch sizes whose workspaces are cached. */
    static final int MAX_CACHED_WORKSPACES = 16;
    /** Budget for the cached workspaces' forward buffers (training adds about as much again). */
    static final long MAX_CACHED_WORKSPACE_BYTES = 128L << 20;
    /** Cached workspaces by batch size, least recently used first. */
    private final LinkedHashMap<Integer, Workspace> workspaces = new LinkedHashMap<>(32, 0.75f, true);
    private long cachedWorkspaceBytes;
    /** {@link #MAX_CACHED_WORKSPACE_BYTES}; tests lower it. */
    long workspaceByteBudget = MAX_CACHED_WORKSPACE_BYTES;

    /**
     * @param perms the blocks − 1 permutations (see {@link #randomPermutations})
     */
    public FlowNet(int xDim, int yDim, CinnArchitecture arch, int[][] perms) {
        this.xDim = xDim;
        this.yDim = yDim;
        this.arch = arch;
        this.dtype = arch.precision() == Precision.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
        if (perms.length != Math.max(0, arch.blocks() - 1)) {
            throw new IllegalArgumentException(
                    "Expected " + (arch.blocks() - 1) + " permutations, got " + perms.length);
        }
        this.perms = new int[perms.length][];
        for (int k = 0; k < perms.length; k++) {
            PermutationBlock.check(perms[k], xDim);
            this.perms[k] = perms[k].clone();
        }
        layout = new ParameterLayout(xDim, yDim, arch);
        params = Nd4j.create(dtype, layout.parameterCount());
        grads = Nd4j.create(dtype, layout.parameterCount());
        List<ParameterLayout.BlockSpec> specs = layout.blocks();
        blocks = new FlowBlock[specs.size()];
        logDetOffset = new int[specs.size()];
        actNormOffset = new int[arch.blocks()];
        java.util.Arrays.fill(actNormOffset, -1);
        int ld = 0;
        for (int i = 0; i < blocks.length; i++) {
            ParameterLayout.BlockSpec s = specs.get(i);
            blocks[i] = switch (s.kind()) {
                case ACT_NORM -> {
                    actNormOffset[s.archBlock()] = s.matrices().get(0).offset();
                    yield new ActNormBlock(s, xDim, params, grads);
                }
                case AFFINE_COUPLING -> new AffineCoupling(s, subnet(s), arch.clamp());
                case SPLINE_COUPLING -> new SplineCoupling(s, subnet(s), arch.bins(), arch.tailBound());
                case PERMUTATION -> new PermutationBlock(this.perms[s.permutation()], xDim, dtype);
            };
            logDetOffset[i] = ld;
            ld += blocks[i].logDetRows();
        }
        logDetRows = ld;
    }

    private Subnet subnet(ParameterLayout.BlockSpec s) {
        return new Subnet(s.matrices(), params, grads, arch.subnetWidth(), arch.activation());
    }

    /**
     * Seeded permutations between blocks. For D ≥ 2 every permutation moves at least one dimension out of the first
     * half, so that one-coupling blocks transform every dimension.
     */
    public static int[][] randomPermutations(int xDim, int blocks, long seed) {
        return PermutationBlock.random(xDim, blocks, seed);
    }

    /** Number of parameters of a network of this shape (without building it). */
    public static int parameterCount(int xDim, int yDim, CinnArchitecture arch) {
        return new ParameterLayout(xDim, yDim, arch).parameterCount();
    }

    /**
     * The matrix products of one pass for batch size n, as {M, N, K, transposeA, transposeB} (C[M,N] = op(A)·op(B)
     * with inner size K): the forward pass, plus with {@code training} the backward pass. For benchmarks: the time
     * of these products alone bounds the speed of the network.
     */
    public List<int[]> gemmShapes(int n, boolean training) {
        List<int[]> l = new ArrayList<>();
        for (FlowBlock b : blocks) {
            b.addGemmShapes(l, n, training);
        }
        return l;
    }

    /**
     * A runnable that performs exactly the matrix products of {@link #gemmShapes} on scratch arrays, the same way the
     * passes do (reused ops). Its speed is the bound for the network's speed on this machine.
     */
    public Runnable gemmOnlyPass(int n, boolean training) {
        Program p = new Program();
        for (int[] s : gemmShapes(n, training)) {
            INDArray a = Nd4j.rand(dtype, s[3] == 1 ? s[2] : s[0], s[3] == 1 ? s[0] : s[2]);
            INDArray b = Nd4j.rand(dtype, s[4] == 1 ? s[1] : s[2], s[4] == 1 ? s[2] : s[1]);
            p.gemm(a, b, Nd4j.create(dtype, s[0], s[1]), s[3] == 1, s[4] == 1, 0.0);
        }
        Step[] steps = p.steps();
        return () -> Program.run(steps);
    }

    /** Offset in the parameter vector of block k's ActNorm (b: D values, then ls: D values); −1 without ActNorm. */
    public int actNormOffset(int block) {
        return actNormOffset[block];
    }

    public int paramCount() {
        return layout.parameterCount();
    }

    /** The parameter layout (the model file's weights order). */
    public ParameterLayout layout() {
        return layout;
    }

    public int[][] permutations() {
        int[][] r = new int[perms.length][];
        for (int k = 0; k < perms.length; k++) {
            r[k] = perms[k].clone();
        }
        return r;
    }

    /**
     * Initial parameters: hidden layers U(−1/√fan_in, 1/√fan_in) (weights and biases), last layer of every
     * subnetwork zero (each coupling starts as the identity), ActNorm identity (b = 0, ls = 0).
     */
    public double[] initialParameters(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] p = new double[paramCount()];
        for (FlowBlock b : blocks) {
            b.initialParameters(p, rnd, this::roundToPrecision);
        }
        return p;
    }

    /** Rounds to what the network stores (float or double). */
    public double roundToPrecision(double v) {
        return dtype == DataType.FLOAT ? (double) (float) v : v;
    }

    public void setParameters(double[] p) {
        if (p.length != paramCount()) {
            throw new IllegalArgumentException("Expected " + paramCount() + " parameters, got " + p.length);
        }
        Host.put(params, p);
    }

    public double[] parameters() {
        return Host.get(params);
    }

    public void gradients(double[] dst) {
        Host.get(grads, dst);
    }

    /** Per-batch buffers of a FlowNet for batch size n, with every block's passes prebuilt (see {@link Program}). */
    public final class Workspace {
        final int n;
        final INDArray yc; // [C, n]
        final INDArray[] state; // state[i] is the input of block i; state[blocks.length] is z
        final INDArray logDet; // per-row log|det J| of all blocks [max(1, logDetRows), n]
        final List<INDArray> conditionCopies = new ArrayList<>();
        final FlowBlock.Bound[] bound;
        final Step[] forwardProgram;
        final Step[] inverseProgram;
        Step[] backwardProgram; // built lazily
        final INDArray zFlat;
        final INDArray ldFlat;
        final INDArray onesLd;

        Workspace(int n) {
            this.n = n;
            yc = Nd4j.create(dtype, yDim, n);
            state = new INDArray[blocks.length + 1];
            for (int i = 0; i <= blocks.length; i++) {
                state[i] = Nd4j.create(dtype, xDim, n);
            }
            logDet = Nd4j.create(dtype, Math.max(1, logDetRows), n);
            bound = new FlowBlock.Bound[blocks.length];
            Program fwd = new Program();
            for (int i = 0; i < blocks.length; i++) {
                int r = blocks[i].logDetRows();
                INDArray ld = r == 0 ? null : Subnet.rows(logDet, logDetOffset[i], r);
                bound[i] = blocks[i].bind(new FlowBlock.Context(n, dtype, yDim, state[i], state[i + 1], ld,
                        conditionCopies));
                fwd.addAll(bound[i].forward);
            }
            forwardProgram = fwd.steps();
            Program inv = new Program();
            for (int i = blocks.length - 1; i >= 0; i--) {
                inv.addAll(bound[i].inverse);
            }
            inverseProgram = inv.steps();
            zFlat = z().reshape(z().length());
            ldFlat = logDet.reshape(logDet.length());
            onesLd = Nd4j.ones(dtype, logDet.length());
        }

        void ensureTraining() {
            if (backwardProgram != null) {
                return;
            }
            INDArray[] g = {Nd4j.create(dtype, xDim, n), Nd4j.create(dtype, xDim, n)};
            Program p = new Program();
            p.op(new ScalarMultiplication(z(), null, g[0], 1.0 / n)); // dL/dz = z/n
            for (int i = blocks.length - 1, j = 0; i >= 0; i--, j ^= 1) {
                p.addAll(bound[i].backward(g[j], g[j ^ 1]));
            }
            backwardProgram = p.steps();
        }

        public int size() {
            return n;
        }

        /** The latent z [D, n] after {@link #forward}, or the input of {@link #inverse}. */
        public INDArray z() {
            return state[blocks.length];
        }

        /** The network input x [D, n]; the result of {@link #inverse}. */
        public INDArray input() {
            return state[0];
        }

        /** The state after block i ([D, n]; for tests). */
        INDArray output(int i) {
            return state[i + 1];
        }
    }

    /** The flow blocks in order (for tests). */
    List<FlowBlock> blocks() {
        return List.of(blocks);
    }

    /**
     * The workspace for batch size n. Workspaces are cached per batch size, least recently used out first, at most
     * {@link #MAX_CACHED_WORKSPACES} of them within {@link #MAX_CACHED_WORKSPACE_BYTES} of forward buffers (the
     * newest is always kept), so callers with varying chunk sizes rarely rebuild and memory stays bounded.
     */
    public Workspace workspace(int n) {
        Workspace ws = workspaces.get(n);
        if (ws == null) {
            long bytes = workspaceBytes(n);
            Iterator<Workspace> lru = workspaces.values().iterator();
            while (lru.hasNext() && (workspaces.size() >= MAX_CACHED_WORKSPACES
                    || cachedWorkspaceBytes + bytes > workspaceByteBudget)) {
                cachedWorkspaceBytes -= workspaceBytes(lru.next().n);
                lru.remove();
            }
            ws = new Workspace(n);
            workspaces.put(n, ws);
            cachedWorkspaceBytes += bytes;
        }
        return ws;
    }

    /** The batch sizes of the cached workspaces, least recently used first (for tests). */
    List<Integer> cachedWorkspaceSizes() {
        return List.copyOf(workspaces.keySet());
    }

    /** Bytes of the per-row forward buffers of a workspace for batch size n. */
    long workspaceBytes(int n) {
        long perRow = yDim + (long) (blocks.length + 1) * xDim + Math.max(1, logDetRows);
        for (FlowBlock b : blocks) {
            perRow += b.valuesPerRow();
        }
        return perRow * n * (dtype == DataType.DOUBLE ? 8 : 4);
    }

    /** Sets the condition y (feature-major [C, n], standardised). */
    public void setCondition(Workspace ws, double[] yFeatureMajor) {
        Host.put(ws.yc, yFeatureMajor);
        for (INDArray copy : ws.conditionCopies) {
            copy.assign(ws.yc);
        }
    }

    /** Sets the input x (feature-major [D, n], standardised). */
    public void setInput(Workspace ws, double[] xFeatureMajor) {
        Host.put(ws.input(), xFeatureMajor);
    }

    /** Sets the latent z (feature-major [D, n]) for {@link #inverse}. */
    public void setLatent(Workspace ws, double[] zFeatureMajor) {
        Host.put(ws.z(), zFeatureMajor);
    }

    /** Forward pass x → z for the input and condition set in {@code ws}. */
    public void forward(Workspace ws) {
        Program.run(ws.forwardProgram);
    }

    /** Gradient of {@link #loss} with respect to all parameters, into the flat gradient array. Needs forward. */
    public void backward(Workspace ws) {
        ws.ensureTraining();
        Program.run(ws.backwardProgram);
    }

    /** Inverse pass z → x for the latent and condition set in {@code ws}; fills the log-dets for {@link #logDet}. */
    public void inverse(Workspace ws) {
        Program.run(ws.inverseProgram);
    }

    /**
     * Log|det J| of the network per row after {@link #forward} or {@link #inverse} (in the standardised space).
     */
    public double[] logDet(Workspace ws) {
        double[] ld = Host.get(ws.logDet.sum(0));
        if (logDetRows == 0) {
            java.util.Arrays.fill(ld, 0.0);
        }
        double c = constantLogDet();
        if (c != 0) {
            for (int r = 0; r < ld.length; r++) {
                ld[r] += c;
            }
        }
        return ld;
    }

    private double constantLogDet() {
        double sum = 0;
        for (FlowBlock b : blocks) {
            sum += b.constantLogDet();
        }
        return sum;
    }

    /** Mean training loss 0.5·‖z‖² − log|det J| over the batch (after {@link #forward}). */
    public double loss(Workspace ws) {
        double zz = Nd4j.getBlasWrapper().dot(ws.zFlat, ws.zFlat);
        double sumLd = logDetRows == 0 ? 0 : Nd4j.getBlasWrapper().dot(ws.ldFlat, ws.onesLd);
        return (0.5 * zz - sumLd) / ws.n - constantLogDet();
    }

    /**
     * Data-dependent ActNorm initialisation: for every block in turn, b and ls are set so that the block's ActNorm
     * output has zero mean and unit standard deviation per dimension on the given batch. No-op without ActNorm.
     */
    public void initActNorm(Workspace ws) {
        if (!arch.actNorm()) {
            return;
        }
        for (int i = 0; i < blocks.length; i++) {
            ws.bound[i].initFromData();
            Program.run(ws.bound[i].forward);
        }
    }
}
