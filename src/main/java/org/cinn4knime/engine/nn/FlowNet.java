package org.cinn4knime.engine.nn;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.cinn4knime.engine.Activation;
import org.cinn4knime.engine.CinnArchitecture;
import org.cinn4knime.engine.CouplingType;
import org.cinn4knime.engine.Precision;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMin;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.strict.ATan;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
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
    private final Map<Integer, Workspace> workspaces = new HashMap<>();

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

    /** Per-batch buffers of a FlowNet for batch size n. */
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
        final INDArray[] e; // per coupling exp(s_c) [a, n]
        // training only (allocated lazily)
        INDArray gy;
        INDArray gc;
        INDArray[] go;
        INDArray[][] gh;
        INDArray[] gu;
        INDArray[] tmpA;
        INDArray tmpH;
        INDArray tmpD;

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
        }

        void ensureTraining() {
            if (gy != null) {
                return;
            }
            gy = Nd4j.create(dtype, xDim, n);
            gc = Nd4j.create(dtype, xDim, n);
            go = new INDArray[couplings.length];
            gh = new INDArray[couplings.length][layers];
            gu = new INDArray[couplings.length];
            tmpA = new INDArray[couplings.length];
            for (int i = 0; i < couplings.length; i++) {
                Coupling c = couplings[i];
                go[i] = Nd4j.create(dtype, 2 * c.a, n);
                for (int l = 0; l < layers; l++) {
                    gh[i][l] = Nd4j.create(dtype, width + 1, n);
                }
                gu[i] = Nd4j.create(dtype, c.p + yDim + 1, n);
                tmpA[i] = Nd4j.create(dtype, c.a, n);
            }
            tmpH = Nd4j.create(dtype, width, n);
            tmpD = Nd4j.create(dtype, xDim, n);
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

    /** The workspace for batch size n (cached; a few sizes are kept). */
    public Workspace workspace(int n) {
        Workspace ws = workspaces.get(n);
        if (ws == null) {
            if (workspaces.size() >= 4) {
                workspaces.clear();
            }
            ws = new Workspace(n);
            workspaces.put(n, ws);
        }
        return ws;
    }

    /** Sets the condition y (feature-major [C, n], standardised). */
    public void setCondition(Workspace ws, double[] yFeatureMajor) {
        Host.put(ws.yc, yFeatureMajor);
        for (int i = 0; i < couplings.length; i++) {
            Coupling c = couplings[i];
            ws.u[i].get(interval(c.p, c.p + yDim), all()).assign(ws.yc);
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

    // ------------------------------------------------------------------------------------------------ forward

    /** Forward pass x → z for the input and condition set in {@code ws}. */
    public void forward(Workspace ws) {
        for (int k = 0; k < blocks; k++) {
            forwardBlock(ws, k);
        }
    }

    private void forwardBlock(Workspace ws, int k) {
        if (k > 0) {
            Nd4j.gemm(permMats[k - 1], ws.out[k - 1], ws.x[k], false, false, 1.0, 0.0);
        }
        if (actNormOffset[k] >= 0) {
            ws.es[k].assign(Transforms.exp(anLs[k], true));
            ws.cur[k].assign(ws.x[k]).addiColumnVector(anB[k]).muliColumnVector(ws.es[k]);
        }
        for (int i = firstCoupling[k]; i < firstCoupling[k + 1]; i++) {
            forwardCoupling(ws, i);
        }
    }

    private void forwardCoupling(Workspace ws, int i) {
        Coupling c = couplings[i];
        int k = c.block;
        INDArray cur = ws.cur[k];
        INDArray out = ws.out[k];
        if (c.p > 0) {
            INDArray passive = rows(c.passiveFromOut ? out : cur, c.pStart, c.p);
            rows(ws.u[i], 0, c.p).assign(passive);
            if (c.copyPassive) {
                rows(out, c.pStart, c.p).assign(passive);
            }
        }
        INDArray o = subnet(ws, i);
        INDArray sc = rows(ws.s, c.sOff, c.a);
        softClamp(rows(o, 0, c.a), sc);
        Nd4j.exec(new Exp(sc, ws.e[i]));
        INDArray aOut = rows(out, c.aStart, c.a);
        rows(cur, c.aStart, c.a).mul(ws.e[i], aOut);
        aOut.addi(rows(o, c.a, c.a));
    }

    private INDArray subnet(Workspace ws, int i) {
        Coupling c = couplings[i];
        INDArray in = ws.u[i];
        for (int l = 0; l < layers; l++) {
            INDArray hl = rows(ws.h[i][l], 0, width);
            Nd4j.gemm(c.w[l], in, hl, false, false, 1.0, 0.0);
            activate(hl);
            in = ws.h[i][l];
        }
        Nd4j.gemm(c.w[layers], in, ws.o[i], false, false, 1.0, 0.0);
        return ws.o[i];
    }

    private void softClamp(INDArray raw, INDArray dst) {
        double clamp = arch.clamp();
        raw.mul(1.0 / clamp, dst);
        Nd4j.exec(new ATan(dst, dst));
        dst.muli(2.0 * clamp / Math.PI);
    }

    private void activate(INDArray a) {
        Activation act = arch.activation();
        switch (act) {
            case RELU -> Transforms.relu(a, false);
            case LEAKY_RELU -> Transforms.leakyRelu(a, 0.01, false);
            case TANH -> Transforms.tanh(a, false);
            case ELU -> Transforms.elu(a, false);
            default -> throw new IllegalStateException(act.toString());
        }
    }

    /** Writes the activation derivative, computed from the activation output {@code h}, into {@code d}. */
    private void activationDerivative(INDArray h, INDArray d) {
        switch (arch.activation()) {
            case RELU -> Nd4j.exec(new Step(h, d, 0.0));
            case LEAKY_RELU -> {
                Nd4j.exec(new Step(h, d, 0.0));
                d.muli(0.99).addi(0.01);
            }
            case TANH -> {
                h.mul(h, d);
                d.rsubi(1.0);
            }
            case ELU -> {
                Nd4j.exec(new ScalarMin(h, null, d, 0.0));
                d.addi(1.0);
            }
            default -> throw new IllegalStateException(arch.activation().toString());
        }
    }

    /**
     * Log|det J| of the network per row after {@link #forward} or {@link #inverse} (in the standardised space).
     */
    public double[] logDet(Workspace ws) {
        double[] ld = Host.get(ws.s.sum(0));
        if (sRows == 0) {
            java.util.Arrays.fill(ld, 0.0);
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
        INDArray z = ws.z();
        double zz = Nd4j.getBlasWrapper().dot(z.reshape(z.length()), z.reshape(z.length()));
        double sumS = sRows == 0 ? 0 : ws.s.sumNumber().doubleValue();
        return (0.5 * zz - sumS) / ws.n - actNormLogDet();
    }

    // ------------------------------------------------------------------------------------------------ backward

    /** Gradient of {@link #loss} with respect to all parameters, into the flat gradient array. Needs forward. */
    public void backward(Workspace ws) {
        ws.ensureTraining();
        double invN = 1.0 / ws.n;
        ws.z().mul(invN, ws.gy);
        for (int k = blocks - 1; k >= 0; k--) {
            if (k < blocks - 1) {
                Nd4j.gemm(permMats[k], ws.gc, ws.gy, true, false, 1.0, 0.0);
            }
            for (int i = firstCoupling[k + 1] - 1; i >= firstCoupling[k]; i--) {
                backwardCoupling(ws, i, invN);
            }
            if (actNormOffset[k] >= 0) {
                // gc holds dL/dcur; cur = (x + b)·exp(ls)
                ws.gc.mul(ws.cur[k], ws.tmpD);
                gAnLs[k].assign(ws.tmpD.sum(1).reshape(xDim, 1)).subi(1.0);
                gAnB[k].assign(ws.gc.sum(1).reshape(xDim, 1)).muli(ws.es[k]);
                ws.gc.muliColumnVector(ws.es[k]);
            }
        }
    }

    private void backwardCoupling(Workspace ws, int i, double invN) {
        Coupling c = couplings[i];
        int k = c.block;
        INDArray gOut = rows(ws.gy, c.aStart, c.a);
        INDArray gIn = rows(ws.gc, c.aStart, c.a);
        INDArray aIn = rows(ws.cur[k], c.aStart, c.a);
        INDArray go = ws.go[i];
        INDArray goS = rows(go, 0, c.a);
        INDArray oRaw = rows(ws.o[i], 0, c.a);
        if (c.copyPassive) {
            rows(ws.gc, c.pStart, c.p).assign(rows(ws.gy, c.pStart, c.p));
        }
        gOut.mul(ws.e[i], gIn); // dL/dx_a = g·exp(s_c)
        rows(go, c.a, c.a).assign(gOut); // dL/dt
        gIn.mul(aIn, goS).subi(invN); // dL/ds_c = g·x_a·exp(s_c) − 1/n
        INDArray t = ws.tmpA[i];
        double clamp = arch.clamp();
        oRaw.mul(1.0 / clamp, t);
        t.muli(t).addi(1.0).muli(Math.PI / 2);
        goS.divi(t); // ds_c/ds = (2/π) / (1 + (s/clamp)²)
        // subnet backward
        INDArray g = go;
        for (int l = layers; l >= 0; l--) {
            INDArray in = l == 0 ? ws.u[i] : ws.h[i][l - 1];
            Nd4j.gemm(g, in, c.gw[l], false, true, 1.0, 0.0);
            if (l == 0) {
                break;
            }
            INDArray ghl = ws.gh[i][l - 1];
            Nd4j.gemm(c.w[l], g, ghl, true, false, 1.0, 0.0);
            INDArray ghw = rows(ghl, 0, width);
            activationDerivative(rows(ws.h[i][l - 1], 0, width), ws.tmpH);
            ghw.muli(ws.tmpH);
            g = ghw;
        }
        if (c.p > 0) {
            Nd4j.gemm(c.w[0], g, ws.gu[i], true, false, 1.0, 0.0);
            INDArray gPassive = rows(c.passiveFromOut ? ws.gy : ws.gc, c.pStart, c.p);
            gPassive.addi(rows(ws.gu[i], 0, c.p));
        }
    }

    // ------------------------------------------------------------------------------------------------ inverse

    /** Inverse pass z → x for the latent and condition set in {@code ws}; fills the log-scales for {@link #logDet}. */
    public void inverse(Workspace ws) {
        for (int k = blocks - 1; k >= 0; k--) {
            if (k < blocks - 1) {
                Nd4j.gemm(permMats[k], ws.x[k + 1], ws.out[k], true, false, 1.0, 0.0);
            }
            for (int i = firstCoupling[k + 1] - 1; i >= firstCoupling[k]; i--) {
                inverseCoupling(ws, i);
            }
            if (actNormOffset[k] >= 0) {
                ws.es[k].assign(Transforms.exp(anLs[k], true));
                ws.x[k].assign(ws.cur[k]).diviColumnVector(ws.es[k]).subiColumnVector(anB[k]);
            }
        }
    }

    private void inverseCoupling(Workspace ws, int i) {
        Coupling c = couplings[i];
        int k = c.block;
        INDArray cur = ws.cur[k];
        INDArray out = ws.out[k];
        if (c.p > 0) {
            INDArray passive = rows(c.passiveFromOut ? out : cur, c.pStart, c.p);
            if (c.copyPassive) {
                passive = rows(out, c.pStart, c.p);
                rows(cur, c.pStart, c.p).assign(passive);
            }
            rows(ws.u[i], 0, c.p).assign(passive);
        }
        INDArray o = subnet(ws, i);
        INDArray sc = rows(ws.s, c.sOff, c.a);
        softClamp(rows(o, 0, c.a), sc);
        Nd4j.exec(new Exp(sc.neg(), ws.e[i]));
        INDArray aIn = rows(cur, c.aStart, c.a);
        rows(out, c.aStart, c.a).sub(rows(o, c.a, c.a), aIn);
        aIn.muli(ws.e[i]);
    }

    // ------------------------------------------------------------------------------------------------ ActNorm init

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
            INDArray std = ws.x[k].std(false, 1).reshape(xDim, 1);
            double[] sd = Host.get(std.dup());
            for (int d = 0; d < sd.length; d++) {
                sd[d] = -Math.log(Math.max(sd[d], 1e-6));
            }
            anB[k].assign(mean.neg());
            INDArray ls = Nd4j.create(dtype, xDim, 1);
            Host.put(ls, sd);
            anLs[k].assign(ls);
            ws.es[k].assign(Transforms.exp(anLs[k], true));
            ws.cur[k].assign(ws.x[k]).addiColumnVector(anB[k]).muliColumnVector(ws.es[k]);
            for (int i = firstCoupling[k]; i < firstCoupling[k + 1]; i++) {
                forwardCoupling(ws, i);
            }
        }
    }
}
