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
        Shape s = new Shape(ta ? TRANS : NO_TRANS, tb ? TRANS : NO_TRANS, m, n, k, ld(a), ld(b), ld(c));
        INDArray[] owners = {a, b, c};
        if (c.dataType() == DataType.FLOAT) {
            return new FloatCall(owners, new FloatPointer(base(a)), new FloatPointer(base(b)),
                    new FloatPointer(base(c)), s, (float) beta);
        }
        return new DoubleCall(owners, new DoublePointer(base(a)), new DoublePointer(base(b)),
                new DoublePointer(base(c)), s, beta);
    }

    /** The row-major operation codes, sizes and leading dimensions of one product. */
    private record Shape(int opA, int opB, int m, int n, int k, int lda, int ldb, int ldc) {
    }

    /**
     * A prepared float product; holds the arrays ({@code owners}) so that their native memory stays alive as long as
     * the call.
     */
    private record FloatCall(INDArray[] owners, FloatPointer pa, FloatPointer pb, FloatPointer pc, Shape s,
            float beta) implements Gemm {
        @Override
        public void run() {
            openblas_nolapack.cblas_sgemm(ROW_MAJOR, s.opA(), s.opB(), s.m(), s.n(), s.k(), 1f, pa, s.lda(), pb,
                    s.ldb(), beta, pc, s.ldc());
        }
    }

    /**
     * A prepared double product; holds the arrays ({@code owners}) so that their native memory stays alive as long
     * as the call.
     */
    private record DoubleCall(INDArray[] owners, DoublePointer pa, DoublePointer pb, DoublePointer pc, Shape s,
            double beta) implements Gemm {
        @Override
        public void run() {
            openblas_nolapack.cblas_dgemm(ROW_MAJOR, s.opA(), s.opB(), s.m(), s.n(), s.k(), 1.0, pa, s.lda(), pb,
                    s.ldb(), beta, pc, s.ldc());
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
