package org.cinn4knime.engine.nn;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Bulk copies between Java arrays and whole (non-view, c-order) ND4J arrays of type FLOAT or DOUBLE. */
public final class Host {
    private Host() {
    }

    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    private static float[] scratch(int n) {
        float[] s = SCRATCH.get();
        if (s.length < n) {
            s = new float[n];
            SCRATCH.set(s);
        }
        return s;
    }

    /** Copies {@code src[0..a.length())} into {@code a}. */
    public static void put(INDArray a, double[] src) {
        int n = (int) a.length();
        if (a.dataType() == DataType.DOUBLE) {
            DoubleBuffer b = a.data().asNioDouble();
            b.put(src, 0, n);
        } else {
            FloatBuffer b = a.data().asNioFloat();
            float[] tmp = scratch(n);
            for (int i = 0; i < n; i++) {
                tmp[i] = (float) src[i];
            }
            b.put(tmp, 0, n);
        }
    }

    /** Copies the values of {@code a} into {@code dst[0..a.length())}. */
    public static void get(INDArray a, double[] dst) {
        int n = (int) a.length();
        if (a.dataType() == DataType.DOUBLE) {
            a.data().asNioDouble().get(dst, 0, n);
        } else {
            float[] tmp = scratch(n);
            a.data().asNioFloat().get(tmp, 0, n);
            for (int i = 0; i < n; i++) {
                dst[i] = tmp[i];
            }
        }
    }

    /** Copies the values of {@code a} into a new array. */
    public static double[] get(INDArray a) {
        double[] d = new double[(int) a.length()];
        get(a, d);
        return d;
    }
}
