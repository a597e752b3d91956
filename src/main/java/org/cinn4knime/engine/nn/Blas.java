package org.cinn4knime.engine.nn;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Matrix products called straight through the OpenBLAS that the ND4J natives already ship (JavaCPP's
 * {@code cblas_sgemm}/{@code cblas_dgemm}, the same {@code libopenblas.so} ND4J loads, so ND4J's one-thread BLAS
 * setting applies), on the network's own native buffers. For the 128-wide products of our networks ND4J's
 * {@code Mmul} op adds about a fifth to every call (shape checks, op dispatch); a prepared BLAS call does not.
 *
 * <p>Works on 2-D c-order arrays and views whose rows are contiguous (column stride 1, e.g. row ranges or leading
 * column ranges of c-order matrices): row-major BLAS with the leading dimension = the row stride. The pointers are
 * taken once, when the call is prepared, so the arrays must stay alive and in place (workspace buffers do).
 */
public final class Blas {
    private static final int ROW_MAJOR = openblas_nolapack.CblasRowMajor;
    private static final int NO_TRANS = openblas_nolapack.CblasNoTrans;
    private static final int TRANS = openblas_nolapack.CblasTrans;

    private Blas() {
    }

    /** A prepared product C = op(A)·op(B) + beta·C. */
    @FunctionalInterface
    public interface Gemm {
        void run();
    }

    /**
     * Whether the networks' matrix products go straight to the BLAS ({@link #prepareIfEnabled}); read when a
     * workspace is built. On by default; {@code -Dcinn4knime.directBlas=false} switches it off. Benchmarks switch it
     * to compare both paths in one run.
     */
    private static volatile boolean enabled = !"false".equalsIgnoreCase(System.getProperty("cinn4knime.directBlas"));

    public static boolean enabled() {
        return enabled;
    }

    /** For benchmarks: route the products of workspaces built from now on through the BLAS ({@code true}) or ND4J. */
    public static void setEnabled(boolean on) {
        enabled = on;
    }

    /** {@link #prepare} if {@link #enabled()}, else null. */
    static Gemm prepareIfEnabled(INDArray a, INDArray b, INDArray c, boolean ta, boolean tb, double beta) {
        return enabled ? prepare(a, b, c, ta, tb, beta) : null;
    }

    /**
     * Prepares C = op(A)·op(B) + beta·C, or returns null if an array's layout does not suit row-major BLAS (then the
     * caller uses ND4J's op).
     *
     * @param a [M, K] (or [K, M] with {@code ta})
     * @param b [K, N] (or [N, K] with {@code tb})
     * @param c [M, N]
     */
    public static Gemm prepare(INDArray a, INDArray b, INDArray c, boolean ta, boolean tb, double beta) {
        if (!suits(a) || !suits(b) || !suits(c) || a.dataType() != c.dataType() || b.dataType() != c.dataType()) {
            return null;
        }
        int m = (int) c.size(0);
        int n = (int) c.size(1);
        int k = (int) (ta ? a.size(0) : a.size(1));
        if ((ta ? a.size(1) : a.size(0)) != m || (tb ? b.size(1) : b.size(0)) != k || (tb ? b.size(0) : b.size(1)) != n) {
            throw new IllegalArgumentException("gemm shapes do not match: " + java.util.Arrays.toString(a.shape())
                    + (ta ? "ᵀ" : "") + " · " + java.util.Arrays.toString(b.shape()) + (tb ? "ᵀ" : "") + " → "
                    + java.util.Arrays.toString(c.shape()));
        }
        int lda = ld(a);
        int ldb = ld(b);
        int ldc = ld(c);
        int opA = ta ? TRANS : NO_TRANS;
        int opB = tb ? TRANS : NO_TRANS;
        if (c.dataType() == DataType.FLOAT) {
            return new FloatCall(a, b, c, opA, opB, m, n, k, lda, ldb, ldc, (float) beta);
        }
        return new DoubleCall(a, b, c, opA, opB, m, n, k, lda, ldb, ldc, beta);
    }

    /** A prepared float product; holds the arrays so that their native memory stays alive as long as the call. */
    private static final class FloatCall implements Gemm {
        final INDArray[] owners;
        final FloatPointer pa;
        final FloatPointer pb;
        final FloatPointer pc;
        final int opA;
        final int opB;
        final int m;
        final int n;
        final int k;
        final int lda;
        final int ldb;
        final int ldc;
        final float beta;

        FloatCall(INDArray a, INDArray b, INDArray c, int opA, int opB, int m, int n, int k, int lda, int ldb,
                int ldc, float beta) {
            owners = new INDArray[] {a, b, c};
            pa = new FloatPointer(base(a));
            pb = new FloatPointer(base(b));
            pc = new FloatPointer(base(c));
            this.opA = opA;
            this.opB = opB;
            this.m = m;
            this.n = n;
            this.k = k;
            this.lda = lda;
            this.ldb = ldb;
            this.ldc = ldc;
            this.beta = beta;
        }

        @Override
        public void run() {
            openblas_nolapack.cblas_sgemm(ROW_MAJOR, opA, opB, m, n, k, 1f, pa, lda, pb, ldb, beta, pc, ldc);
        }
    }

    /** A prepared double product; holds the arrays so that their native memory stays alive as long as the call. */
    private static final class DoubleCall implements Gemm {
        final INDArray[] owners;
        final DoublePointer pa;
        final DoublePointer pb;
        final DoublePointer pc;
        final int opA;
        final int opB;
        final int m;
        final int n;
        final int k;
        final int lda;
        final int ldb;
        final int ldc;
        final double beta;

        DoubleCall(INDArray a, INDArray b, INDArray c, int opA, int opB, int m, int n, int k, int lda, int ldb,
                int ldc, double beta) {
            owners = new INDArray[] {a, b, c};
            pa = new DoublePointer(base(a));
            pb = new DoublePointer(base(b));
            pc = new DoublePointer(base(c));
            this.opA = opA;
            this.opB = opB;
            this.m = m;
            this.n = n;
            this.k = k;
            this.lda = lda;
            this.ldb = ldb;
            this.ldc = ldc;
            this.beta = beta;
        }

        @Override
        public void run() {
            openblas_nolapack.cblas_dgemm(ROW_MAJOR, opA, opB, m, n, k, 1.0, pa, lda, pb, ldb, beta, pc, ldc);
        }
    }

    private static boolean suits(INDArray x) {
        DataType t = x.dataType();
        return x.rank() == 2 && (t == DataType.FLOAT || t == DataType.DOUBLE) && x.ordering() == 'c'
                && (x.stride(1) == 1 || x.size(1) == 1) && x.size(0) > 0 && x.size(1) > 0
                && x.stride(0) >= Math.max(1, x.size(1)) && x.stride(0) <= Integer.MAX_VALUE;
    }

    private static int ld(INDArray x) {
        return (int) Math.max(x.stride(0), x.size(1));
    }

    /**
     * The address of the array's first element: in ND4J 1.0.0-M2.1 the data buffer of a view is itself a view that
     * starts at the view's offset (its {@code addressPointer()} already includes {@code offset()}).
     */
    private static Pointer base(INDArray x) {
        return x.data().addressPointer();
    }
}
