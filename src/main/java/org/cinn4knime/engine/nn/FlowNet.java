package org.cinn4knime.engine.nn;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;

import org.cinn4knime.engine.CinnArchitecture;
import org.cinn4knime.engine.CouplingType;
import org.cinn4knime.engine.Precision;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMin;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.transforms.any.Assign;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Square;
import org.nd4j.linalg.api.ops.impl.transforms.strict.ATan;
import org.nd4j.linalg.api.ops.impl.transforms.strict.ELU;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The conditional invertible network in standardised space, with hand-written forward, backward and inverse passes
 * on ND4J arrays.
 *
 * <p><b>Layout.</b> Activations are stored feature-major: an array of shape [features, n] for a batch of n rows.
 * Every subnetwork input carries a row of ones so that biases are the last column of each weight matrix
 * (W: [out, in + 1]). All parameters live in one flat array; weight matrices are c-order views of it.
 *
 * <p><b>Block k</b> (state x of D rows, d1 = ⌈D/2⌉): optional ActNorm x ← (x + b)·exp(ls); then
 * <ul>
 * <li>GLOW: coupling A transforms rows [d1, D) conditioned on rows [0, d1) and y; coupling B transforms rows
 * [0, d1) conditioned on the new rows [d1, D) and y;</li>
 * <li>SINGLE: coupling A only (rows [0, d1) pass unchanged);</li>
 * <li>D = 1: one conditional element-wise affine transform whose subnetwork sees only y (a split is impossible);</li>
 * </ul>
 * then, except after the last block, a fixed permutation of the D rows. A coupling computes (s, t) = subnet([x_p; y]),
 * s_c = (2·clamp/π)·atan(s/clamp), x_a' = x_a·exp(s_c) + t, log|det J| += Σ s_c.
 *
 * <p>Not thread-safe: one FlowNet per thread (workspaces hold the per-batch state).
 */
public final class FlowNet {
    public final int xDim;
    public final int yDim;
    public final CinnArchitecture arch;
    final DataType dtype;
    final int d1;
    final int blocks;
    final int width;
    final int layers; // hidden layers
    final int[][] perms; // blocks - 1 permutations: next[i] = prev[perm[i]]
    final INDArray[] permMats; // [D, D], next = P · prev
    final Coupling[] couplings;
    final int[] firstCoupling; // per block, plus sentinel
    final int[] actNormOffset; // per block, -1 without ActNorm
    final int paramCount;
    final int sRows; // rows of all log-scales together
    final INDArray params;
    final INDArray grads;
    final INDArray[] anB;
    final INDArray[] anLs;
    final INDArray[] gAnB;
    final INDArray[] gAnLs;
    /** Most batch sizes whose workspaces are cached. */
    static final int MAX_CACHED_WORKSPACES = 16;
    /** Budget for the cached workspaces' forward buffers (training adds about as much again). */
    static final long MAX_CACHED_WORKSPACE_BYTES = 128L << 20;
    /** Cached workspaces by batch size, least recently used first. */
    private final LinkedHashMap<Integer, Workspace> workspaces = new LinkedHashMap<>(32, 0.75f, true);
    private long cachedWorkspaceBytes;
    /** {@link #MAX_CACHED_WORKSPACE_BYTES}; tests lower it. */
    long workspaceByteBudget = MAX_CACHED_WORKSPACE_BYTES;

    /** One affine coupling. Rows refer to the block state (cur = after ActNorm, out = block output). */
    static final class Coupling {
        int block;
        int pStart;
        int p;
        boolean passiveFromOut; // passive rows read from the block output (GLOW coupling B)
        boolean copyPassive; // SINGLE: copy passive rows to the output
        int aStart;
        int a;
        int sOff;
        int[] wOff; // offset of every layer's matrix in the flat parameters
        int[] wRows;
        int[] wCols;
        INDArray[] w;
        INDArray[] gw;
    }

    /**
     * @param perms the blocks − 1 permutations (see {@link #randomPermutations})
     */
    public FlowNet(int xDim, int yDim, CinnArchitecture arch, int[][] perms) {
        this.xDim = xDim;
        this.yDim = yDim;
        this.arch = arch;
        this.dtype = arch.precision() == Precision.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
        this.blocks = arch.blocks();
        this.width = arch.subnetWidth();
        this.layers = arch.subnetLayers();
        this.d1 = (xDim + 1) / 2;
        if (perms.length != Math.max(0, blocks - 1)) {
            throw new IllegalArgumentException("Expected " + (blocks - 1) + " permutations, got " + perms.length);
        }
        this.perms = new int[perms.length][];
        this.permMats = new INDArray[perms.length];
        for (int k = 0; k < perms.length; k++) {
            checkPermutation(perms[k], xDim);
            this.perms[k] = perms[k].clone();
            double[] m = new double[xDim * xDim];
            for (int i = 0; i < xDim; i++) {
                m[i * xDim + perms[k][i]] = 1.0;
            }
            permMats[k] = Nd4j.create(dtype, xDim, xDim);
            Host.put(permMats[k], m);
        }
        int perBlock = xDim == 1 || arch.coupling() == CouplingType.SINGLE ? 1 : 2;
        couplings = new Coupling[blocks * perBlock];
        firstCoupling = new int[blocks + 1];
        actNormOffset = new int[blocks];
        int off = 0;
        int sOff = 0;
        int ci = 0;
        for (int k = 0; k < blocks; k++) {
            firstCoupling[k] = ci;
            if (arch.actNorm()) {
                actNormOffset[k] = off;
                off += 2 * xDim;
            } else {
                actNormOffset[k] = -1;
            }
            for (int j = 0; j < perBlock; j++) {
                Coupling c = new Coupling();
                c.block = k;
                if (xDim == 1) {
                    c.p = 0;
                    c.aStart = 0;
                    c.a = 1;
                } else if (j == 0) {
                    c.pStart = 0;
                    c.p = d1;
                    c.aStart = d1;
                    c.a = xDim - d1;
                    c.copyPassive = perBlock == 1;
                } else {
                    c.pStart = d1;
                    c.p = xDim - d1;
                    c.passiveFromOut = true;
                    c.aStart = 0;
                    c.a = d1;
                }
                c.sOff = sOff;
                sOff += c.a;
                int nl = layers + 1;
                c.wOff = new int[nl];
                c.wRows = new int[nl];
                c.wCols = new int[nl];
                for (int l = 0; l < nl; l++) {
                    c.wRows[l] = l == layers ? 2 * c.a : width;
                    c.wCols[l] = (l == 0 ? c.p + yDim : width) + 1;
                    c.wOff[l] = off;
                    off += c.wRows[l] * c.wCols[l];
                }
                couplings[ci++] = c;
            }
        }
        firstCoupling[blocks] = ci;
        paramCount = off;
        if (paramCount != parameterCount(xDim, yDim, arch)) {
            throw new IllegalStateException("parameter layout mismatch");
        }
        sRows = sOff;
        params = Nd4j.create(dtype, paramCount);
        grads = Nd4j.create(dtype, paramCount);
        for (Coupling c : couplings) {
            c.w = new INDArray[layers + 1];
            c.gw = new INDArray[layers + 1];
            for (int l = 0; l <= layers; l++) {
                c.w[l] = matrixView(params, c.wOff[l], c.wRows[l], c.wCols[l]);
                c.gw[l] = matrixView(grads, c.wOff[l], c.wRows[l], c.wCols[l]);
            }
        }
        anB = new INDArray[blocks];
        anLs = new INDArray[blocks];
        gAnB = new INDArray[blocks];
        gAnLs = new INDArray[blocks];
        for (int k = 0; k < blocks; k++) {
            if (actNormOffset[k] >= 0) {
                anB[k] = matrixView(params, actNormOffset[k], xDim, 1);
                anLs[k] = matrixView(params, actNormOffset[k] + xDim, xDim, 1);
                gAnB[k] = matrixView(grads, actNormOffset[k], xDim, 1);
                gAnLs[k] = matrixView(grads, actNormOffset[k] + xDim, xDim, 1);
            }
        }
    }

    private static INDArray matrixView(INDArray flat, int off, int rows, int cols) {
        return flat.get(interval(off, off + (long) rows * cols)).reshape('c', rows, cols);
    }

    private static void checkPermutation(int[] p, int d) {
        if (p == null || p.length != d) {
            throw new IllegalArgumentException("A permutation must have " + d + " entries");
        }
        boolean[] seen = new boolean[d];
        for (int v : p) {
            if (v < 0 || v >= d || seen[v]) {
                throw new IllegalArgumentException("Not a permutation of 0.." + (d - 1));
            }
            seen[v] = true;
        }
    }

    /**
     * Seeded permutations between blocks. For D ≥ 2 every permutation moves at least one dimension out of the first
     * half, so that one-coupling blocks transform every dimension.
     */
    public static int[][] randomPermutations(int xDim, int blocks, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int[][] out = new int[Math.max(0, blocks - 1)][];
        int d1 = (xDim + 1) / 2;
        for (int k = 0; k < out.length; k++) {
            int[] p = new int[xDim];
            while (true) {
                for (int i = 0; i < xDim; i++) {
                    p[i] = i;
                }
                for (int i = xDim - 1; i > 0; i--) {
                    int j = rnd.nextInt(i + 1);
                    int t = p[i];
                    p[i] = p[j];
                    p[j] = t;
                }
                boolean mixes = xDim < 2;
                for (int i = 0; i < d1 && !mixes; i++) {
                    mixes = p[i] >= d1;
                }
                if (mixes) {
                    break;
                }
            }
            out[k] = p;
        }
        return out;
    }

    /** Number of parameters of a network of this shape (without building it). */
    public static int parameterCount(int xDim, int yDim, CinnArchitecture arch) {
        int d1 = (xDim + 1) / 2;
        int w = arch.subnetWidth();
        long total = 0;
        int perBlock = xDim == 1 || arch.coupling() == CouplingType.SINGLE ? 1 : 2;
        for (int j = 0; j < perBlock; j++) {
            int p = xDim == 1 ? 0 : j == 0 ? d1 : xDim - d1;
            int a = xDim == 1 ? 1 : xDim - p;
            total += (long) w * (p + yDim + 1) + (long) (arch.subnetLayers() - 1) * w * (w + 1) + 2L * a * (w + 1);
        }
        total = total * arch.blocks() + (arch.actNorm() ? 2L * xDim * arch.blocks() : 0);
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("The network would have " + total + " parameters; that is too many.");
        }
        return (int) total;
    }

    /**
     * The matrix products of one pass for batch size n, as {M, N, K, transposeA, transposeB} (C[M,N] = op(A)·op(B)
     * with inner size K): the forward pass, plus with {@code training} the backward pass. For benchmarks: the time
     * of these products alone bounds the speed of the network.
     */
    public java.util.List<int[]> gemmShapes(int n, boolean training) {
        java.util.List<int[]> l = new java.util.ArrayList<>();
        for (Coupling c : couplings) {
            for (int layer = 0; layer <= layers; layer++) {
                l.add(new int[] {c.wRows[layer], n, c.wCols[layer], 0, 0});
            }
            if (training) {
                for (int layer = layers; layer >= 0; layer--) {
                    l.add(new int[] {c.wRows[layer], c.wCols[layer], n, 0, 1});
                    if (layer > 0) {
                        l.add(new int[] {c.wCols[layer], n, c.wRows[layer], 1, 0});
                    } else if (c.p > 0) {
                        l.add(new int[] {c.p, n, c.wRows[layer], 1, 0});
                    }
                }
            }
        }
        for (int k = 0; k < perms.length; k++) {
            l.add(new int[] {xDim, n, xDim, 0, 0});
            if (training) {
                l.add(new int[] {xDim, n, xDim, 1, 0});
            }
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
        return () -> run(steps);
    }

    /** Offset in the parameter vector of block k's ActNorm (b: D values, then ls: D values); −1 without ActNorm. */
    public int actNormOffset(int block) {
        return actNormOffset[block];
    }

    public int paramCount() {
        return paramCount;
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
     * subnetwork zero (each block starts as the identity), ActNorm identity (b = 0, ls = 0).
     */
    public double[] initialParameters(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] p = new double[paramCount];
        for (Coupling c : couplings) {
            for (int l = 0; l < layers; l++) {
                double bound = 1.0 / Math.sqrt(c.wCols[l]);
                int n = c.wRows[l] * c.wCols[l];
                for (int i = 0; i < n; i++) {
                    p[c.wOff[l] + i] = roundToPrecision((2 * rnd.nextDouble() - 1) * bound);
                }
            }
        }
        return p;
    }

    /** Rounds to what the network stores (float or double). */
    public double roundToPrecision(double v) {
        return dtype == DataType.FLOAT ? (double) (float) v : v;
    }

    public void setParameters(double[] p) {
        if (p.length != paramCount) {
            throw new IllegalArgumentException("Expected " + paramCount + " parameters, got " + p.length);
        }
        Host.put(params, p);
    }

    public double[] parameters() {
        return Host.get(params);
    }

    public void gradients(double[] dst) {
        Host.get(grads, dst);
    }

    /**
     * Per-batch buffers of a FlowNet for batch size n, with the passes prebuilt as lists of ND4J op objects on fixed
     * views: building ops and views once per batch size instead of per call removes most of ND4J's per-call cost.
     */
    public final class Workspace {
        final int n;
        final INDArray yc; // [C, n]
        final INDArray[] x; // block inputs [D, n]; x[0] is the network input
        final INDArray[] cur; // after ActNorm (== x without ActNorm)
        final INDArray[] out; // block outputs; out[blocks-1] is z
        final INDArray[] es; // exp(ls) per block [D, 1]
        final INDArray s; // all clamped log-scales [sRows, n]
        final INDArray[] u; // per coupling [p + C + 1, n]
        final INDArray[][] h; // per coupling and hidden layer [width + 1, n]
        final INDArray[] o; // per coupling [2a, n]
        final INDArray[] e; // per coupling exp(±s_c) [a, n]
        final Step[][] forwardCoupling; // per coupling
        final Step[] forwardProgram;
        final Step[] inverseProgram;
        // training only (built lazily)
        INDArray gy;
        INDArray gc;
        INDArray tmpD;
        Step[] backwardProgram;
        final INDArray[] uY; // the y rows of every u
        final INDArray zFlat;
        final INDArray sFlat;
        final INDArray onesS;

        Workspace(int n) {
            this.n = n;
            yc = Nd4j.create(dtype, yDim, n);
            x = new INDArray[blocks];
            cur = new INDArray[blocks];
            out = new INDArray[blocks];
            es = new INDArray[blocks];
            for (int k = 0; k < blocks; k++) {
                x[k] = Nd4j.create(dtype, xDim, n);
                cur[k] = arch.actNorm() ? Nd4j.create(dtype, xDim, n) : x[k];
                out[k] = Nd4j.create(dtype, xDim, n);
                es[k] = arch.actNorm() ? Nd4j.create(dtype, xDim, 1) : null;
            }
            s = Nd4j.create(dtype, Math.max(1, sRows), n);
            u = new INDArray[couplings.length];
            h = new INDArray[couplings.length][layers];
            o = new INDArray[couplings.length];
            e = new INDArray[couplings.length];
            for (int i = 0; i < couplings.length; i++) {
                Coupling c = couplings[i];
                u[i] = Nd4j.create(dtype, c.p + yDim + 1, n);
                u[i].getRow(c.p + yDim).assign(1.0);
                for (int l = 0; l < layers; l++) {
                    h[i][l] = Nd4j.create(dtype, width + 1, n);
                    h[i][l].getRow(width).assign(1.0);
                }
                o[i] = Nd4j.create(dtype, 2 * c.a, n);
                e[i] = Nd4j.create(dtype, c.a, n);
            }
            uY = new INDArray[couplings.length];
            for (int i = 0; i < couplings.length; i++) {
                uY[i] = rows(u[i], couplings[i].p, yDim);
            }
            zFlat = out[blocks - 1].reshape(out[blocks - 1].length());
            sFlat = s.reshape(s.length());
            onesS = Nd4j.ones(dtype, s.length());
            forwardCoupling = new Step[couplings.length][];
            Program fwd = new Program();
            for (int k = 0; k < blocks; k++) {
                if (k > 0) {
                    fwd.gemm(permMats[k - 1], out[k - 1], x[k], false, false, 0.0);
                }
                if (actNormOffset[k] >= 0) {
                    fwd.add(actNormForward(k));
                }
                for (int i = firstCoupling[k]; i < firstCoupling[k + 1]; i++) {
                    Program pc = new Program();
                    buildForwardCoupling(pc, i);
                    forwardCoupling[i] = pc.steps();
                    fwd.addAll(forwardCoupling[i]);
                }
            }
            forwardProgram = fwd.steps();
            Program inv = new Program();
            for (int k = blocks - 1; k >= 0; k--) {
                if (k < blocks - 1) {
                    inv.gemm(permMats[k], x[k + 1], out[k], true, false, 0.0);
                }
                for (int i = firstCoupling[k + 1] - 1; i >= firstCoupling[k]; i--) {
                    buildInverseCoupling(inv, i);
                }
                if (actNormOffset[k] >= 0) {
                    int kk = k;
                    inv.add(() -> {
                        es[kk].assign(Transforms.exp(anLs[kk], true));
                        x[kk].assign(cur[kk]).diviColumnVector(es[kk]).subiColumnVector(anB[kk]);
                    });
                }
            }
            inverseProgram = inv.steps();
        }

        private Step actNormForward(int k) {
            return () -> {
                es[k].assign(Transforms.exp(anLs[k], true));
                cur[k].assign(x[k]).addiColumnVector(anB[k]).muliColumnVector(es[k]);
            };
        }

        private void buildForwardCoupling(Program p, int i) {
            Coupling c = couplings[i];
            int k = c.block;
            if (c.p > 0) {
                INDArray passive = rows(c.passiveFromOut ? out[k] : cur[k], c.pStart, c.p);
                p.op(new Assign(passive, rows(u[i], 0, c.p)));
                if (c.copyPassive) {
                    p.op(new Assign(passive, rows(out[k], c.pStart, c.p)));
                }
            }
            buildSubnet(p, i);
            INDArray sc = rows(s, c.sOff, c.a);
            buildSoftClamp(p, rows(o[i], 0, c.a), sc);
            p.op(new Exp(sc, e[i]));
            INDArray aOut = rows(out[k], c.aStart, c.a);
            p.op(new MulOp(rows(cur[k], c.aStart, c.a), e[i], aOut));
            p.op(new AddOp(aOut, rows(o[i], c.a, c.a), aOut));
        }

        private void buildInverseCoupling(Program p, int i) {
            Coupling c = couplings[i];
            int k = c.block;
            if (c.p > 0) {
                INDArray passive = rows(c.passiveFromOut ? out[k] : cur[k], c.pStart, c.p);
                if (c.copyPassive) {
                    p.op(new Assign(rows(out[k], c.pStart, c.p), passive));
                }
                p.op(new Assign(passive, rows(u[i], 0, c.p)));
            }
            buildSubnet(p, i);
            INDArray sc = rows(s, c.sOff, c.a);
            buildSoftClamp(p, rows(o[i], 0, c.a), sc);
            p.op(new ScalarMultiplication(sc, null, e[i], -1.0));
            p.op(new Exp(e[i], e[i]));
            INDArray aIn = rows(cur[k], c.aStart, c.a);
            p.op(new SubOp(rows(out[k], c.aStart, c.a), rows(o[i], c.a, c.a), aIn));
            p.op(new MulOp(aIn, e[i], aIn));
        }

        private void buildSubnet(Program p, int i) {
            Coupling c = couplings[i];
            INDArray in = u[i];
            for (int l = 0; l < layers; l++) {
                INDArray hl = rows(h[i][l], 0, width);
                p.gemm(c.w[l], in, hl, false, false, 0.0);
                buildActivation(p, hl);
                in = h[i][l];
            }
            p.gemm(c.w[layers], in, o[i], false, false, 0.0);
        }

        private void buildSoftClamp(Program p, INDArray raw, INDArray dst) {
            double clamp = arch.clamp();
            p.op(new ScalarMultiplication(raw, null, dst, 1.0 / clamp));
            p.op(new ATan(dst, dst));
            p.op(new ScalarMultiplication(dst, null, dst, 2.0 * clamp / Math.PI));
        }

        private void buildActivation(Program p, INDArray a) {
            switch (arch.activation()) {
                case RELU -> p.op(new RectifiedLinear(a, a, 0.0));
                case LEAKY_RELU -> p.op(new LeakyReLU(a, a, 0.01));
                case TANH -> p.op(new Tanh(a, a));
                case ELU -> p.op(new ELU(a, a));
                default -> throw new IllegalStateException(arch.activation().toString());
            }
        }

        /** Derivative of the activation, computed from its output {@code a}, into {@code d}. */
        private void buildActivationDerivative(Program p, INDArray a, INDArray d) {
            switch (arch.activation()) {
                case RELU -> p.op(new org.nd4j.linalg.api.ops.impl.scalar.Step(a, d, 0.0));
                case LEAKY_RELU -> {
                    p.op(new org.nd4j.linalg.api.ops.impl.scalar.Step(a, d, 0.0));
                    p.op(new ScalarMultiplication(d, null, d, 0.99));
                    p.op(new ScalarAdd(d, null, d, 0.01));
                }
                case TANH -> {
                    p.op(new Square(a, d));
                    p.op(new ScalarMultiplication(d, null, d, -1.0));
                    p.op(new ScalarAdd(d, null, d, 1.0));
                }
                case ELU -> {
                    p.op(new ScalarMin(a, null, d, 0.0));
                    p.op(new ScalarAdd(d, null, d, 1.0));
                }
                default -> throw new IllegalStateException(arch.activation().toString());
            }
        }

        void ensureTraining() {
            if (backwardProgram != null) {
                return;
            }
            gy = Nd4j.create(dtype, xDim, n);
            gc = Nd4j.create(dtype, xDim, n);
            tmpD = Nd4j.create(dtype, xDim, n);
            INDArray tmpH = Nd4j.create(dtype, width, n);
            Program p = new Program();
            p.op(new ScalarMultiplication(z(), null, gy, 1.0 / n));
            for (int k = blocks - 1; k >= 0; k--) {
                if (k < blocks - 1) {
                    p.gemm(permMats[k], gc, gy, true, false, 0.0);
                }
                for (int i = firstCoupling[k + 1] - 1; i >= firstCoupling[k]; i--) {
                    buildBackwardCoupling(p, i, tmpH);
                }
                if (actNormOffset[k] >= 0) {
                    int kk = k;
                    p.add(() -> {
                        // gc holds dL/dcur; cur = (x + b)·exp(ls)
                        gc.mul(cur[kk], tmpD);
                        gAnLs[kk].assign(tmpD.sum(1).reshape(xDim, 1)).subi(1.0);
                        gAnB[kk].assign(gc.sum(1).reshape(xDim, 1)).muli(es[kk]);
                        gc.muliColumnVector(es[kk]);
                    });
                }
            }
            backwardProgram = p.steps();
        }

        private void buildBackwardCoupling(Program p, int i, INDArray tmpH) {
            Coupling c = couplings[i];
            int k = c.block;
            INDArray gOut = rows(gy, c.aStart, c.a);
            INDArray gIn = rows(gc, c.aStart, c.a);
            INDArray aIn = rows(cur[k], c.aStart, c.a);
            INDArray go = Nd4j.create(dtype, 2 * c.a, n);
            INDArray goS = rows(go, 0, c.a);
            INDArray t = Nd4j.create(dtype, c.a, n);
            if (c.copyPassive) {
                p.op(new Assign(rows(gy, c.pStart, c.p), rows(gc, c.pStart, c.p)));
            }
            p.op(new MulOp(gOut, e[i], gIn)); // dL/dx_a = g·exp(s_c)
            p.op(new Assign(gOut, rows(go, c.a, c.a))); // dL/dt = g
            p.op(new MulOp(gIn, aIn, goS)); // dL/ds_c = g·x_a·exp(s_c) − 1/n
            p.op(new ScalarAdd(goS, null, goS, -1.0 / n));
            double clamp = arch.clamp();
            p.op(new ScalarMultiplication(rows(o[i], 0, c.a), null, t, 1.0 / clamp));
            p.op(new Square(t, t));
            p.op(new ScalarAdd(t, null, t, 1.0));
            p.op(new ScalarMultiplication(t, null, t, Math.PI / 2));
            p.op(new DivOp(goS, t, goS)); // ds_c/ds = (2/π) / (1 + (s/clamp)²)
            INDArray g = go;
            for (int l = layers; l >= 0; l--) {
                INDArray in = l == 0 ? u[i] : h[i][l - 1];
                p.gemm(g, in, c.gw[l], false, true, 0.0);
                if (l == 0) {
                    break;
                }
                INDArray ghl = Nd4j.create(dtype, width + 1, n);
                p.gemm(c.w[l], g, ghl, true, false, 0.0);
                INDArray ghw = rows(ghl, 0, width);
                buildActivationDerivative(p, rows(h[i][l - 1], 0, width), tmpH);
                p.op(new MulOp(ghw, tmpH, ghw));
                g = ghw;
            }
            if (c.p > 0) {
                // only the passive inputs need a gradient (not y, not the ones row): the first p columns of W0,
                // accumulated straight into the passive rows' gradient (beta = 1)
                INDArray w0Passive = c.w[0].get(all(), interval(0, c.p));
                INDArray gPassive = rows(c.passiveFromOut ? gy : gc, c.pStart, c.p);
                p.gemm(w0Passive, g, gPassive, true, false, 1.0);
            }
        }

        public int size() {
            return n;
        }

        /** The latent z [D, n] after {@link #forward}, or the input of {@link #inverse}. */
        public INDArray z() {
            return out[blocks - 1];
        }

        /** The network input x [D, n]; the result of {@link #inverse}. */
        public INDArray input() {
            return x[0];
        }
    }

    /** One prebuilt step of a pass. */
    @FunctionalInterface
    interface Step {
        void run();
    }

    /** Collects the steps of a pass. */
    static final class Program {
        private final List<Step> steps = new ArrayList<>();

        void add(Step s) {
            steps.add(s);
        }

        void addAll(Step[] s) {
            steps.addAll(Arrays.asList(s));
        }

        void op(Op op) {
            OpExecutioner ex = Nd4j.getExecutioner();
            steps.add(() -> ex.exec(op));
        }

        /**
         * A custom op executed with its own reused context (much cheaper than a fresh context per call). ND4J frees
         * the native context when the context object is garbage-collected.
         */
        void op(DynamicCustomOp op) {
            OpExecutioner ex = Nd4j.getExecutioner();
            OpContext ctx = ex.buildContext();
            ctx.setInputArrays(op.inputArguments());
            ctx.setOutputArrays(op.outputArguments());
            if (op.iArgs().length > 0) {
                ctx.setIArguments(op.iArgs());
            }
            if (op.tArgs().length > 0) {
                ctx.setTArguments(op.tArgs());
            }
            if (op.bArgs().length > 0) {
                ctx.setBArguments(op.bArgs());
            }
            steps.add(() -> ex.exec(op, ctx));
        }

        /** c = op(a)·op(b) + beta·c with a reused matmul op. */
        void gemm(INDArray a, INDArray b, INDArray c, boolean ta, boolean tb, double beta) {
            Blas.Gemm direct = Blas.prepareIfEnabled(a, b, c, ta, tb, beta);
            if (direct != null) {
                steps.add(direct::run);
                return;
            }
            op(new Mmul(a, b, c, 1.0, beta, MMulTranspose.builder().transposeA(ta).transposeB(tb).build()));
        }

        Step[] steps() {
            return steps.toArray(new Step[0]);
        }
    }

    private static void run(Step[] program) {
        for (Step s : program) {
            s.run();
        }
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
        long perRow = yDim + (long) blocks * xDim * (arch.actNorm() ? 3 : 2) + Math.max(1, sRows);
        for (Coupling c : couplings) {
            perRow += c.p + yDim + 1 + (long) layers * (width + 1) + 3L * c.a;
        }
        return perRow * n * (dtype == DataType.DOUBLE ? 8 : 4);
    }

    /** Sets the condition y (feature-major [C, n], standardised). */
    public void setCondition(Workspace ws, double[] yFeatureMajor) {
        Host.put(ws.yc, yFeatureMajor);
        for (INDArray uy : ws.uY) {
            uy.assign(ws.yc);
        }
    }

    /** Sets the input x (feature-major [D, n], standardised). */
    public void setInput(Workspace ws, double[] xFeatureMajor) {
        Host.put(ws.x[0], xFeatureMajor);
    }

    /** Sets the latent z (feature-major [D, n]) for {@link #inverse}. */
    public void setLatent(Workspace ws, double[] zFeatureMajor) {
        Host.put(ws.z(), zFeatureMajor);
    }

    private static INDArray rows(INDArray a, int from, int count) {
        return a.get(interval(from, from + count), all());
    }

    /** Forward pass x → z for the input and condition set in {@code ws}. */
    public void forward(Workspace ws) {
        run(ws.forwardProgram);
    }

    /** Gradient of {@link #loss} with respect to all parameters, into the flat gradient array. Needs forward. */
    public void backward(Workspace ws) {
        ws.ensureTraining();
        run(ws.backwardProgram);
    }

    /** Inverse pass z → x for the latent and condition set in {@code ws}; fills the log-scales for {@link #logDet}. */
    public void inverse(Workspace ws) {
        run(ws.inverseProgram);
    }

    /**
     * Log|det J| of the network per row after {@link #forward} or {@link #inverse} (in the standardised space).
     */
    public double[] logDet(Workspace ws) {
        double[] ld = Host.get(ws.s.sum(0));
        if (sRows == 0) {
            Arrays.fill(ld, 0.0);
        }
        double an = actNormLogDet();
        if (an != 0) {
            for (int r = 0; r < ld.length; r++) {
                ld[r] += an;
            }
        }
        return ld;
    }

    private double actNormLogDet() {
        double sum = 0;
        for (int k = 0; k < blocks; k++) {
            if (anLs[k] != null) {
                sum += anLs[k].sumNumber().doubleValue();
            }
        }
        return sum;
    }

    /** Mean training loss 0.5·‖z‖² − log|det J| over the batch (after {@link #forward}). */
    public double loss(Workspace ws) {
        double zz = Nd4j.getBlasWrapper().dot(ws.zFlat, ws.zFlat);
        double sumS = sRows == 0 ? 0 : Nd4j.getBlasWrapper().dot(ws.sFlat, ws.onesS);
        return (0.5 * zz - sumS) / ws.n - actNormLogDet();
    }

    /**
     * Data-dependent ActNorm initialisation: for every block in turn, b and ls are set so that the block's ActNorm
     * output has zero mean and unit standard deviation per dimension on the given batch. No-op without ActNorm.
     */
    public void initActNorm(Workspace ws) {
        if (!arch.actNorm()) {
            return;
        }
        for (int k = 0; k < blocks; k++) {
            if (k > 0) {
                Nd4j.gemm(permMats[k - 1], ws.out[k - 1], ws.x[k], false, false, 1.0, 0.0);
            }
            INDArray mean = ws.x[k].mean(1).reshape(xDim, 1);
            double[] sd = Host.get(ws.x[k].std(false, 1).reshape(xDim, 1).dup());
            for (int d = 0; d < sd.length; d++) {
                sd[d] = -Math.log(Math.max(sd[d], 1e-6));
            }
            anB[k].assign(mean.neg());
            INDArray ls = Nd4j.create(dtype, xDim, 1);
            Host.put(ls, sd);
            anLs[k].assign(ls);
            ws.actNormForward(k).run();
            for (int i = firstCoupling[k]; i < firstCoupling[k + 1]; i++) {
                run(ws.forwardCoupling[i]);
            }
        }
    }
}
