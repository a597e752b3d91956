package org.cinn4knime.engine.nn;

import java.util.List;
import java.util.SplittableRandom;

import org.cinn4knime.engine.Permutations;
import org.cinn4knime.engine.nn.Program.Step;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fixed permutation of the D rows between coupling blocks (as in RealNVP and FrEIA's <code>PermuteRandom</code>):
 * out[i] = in[perm[i]], done as a product with the permutation matrix; log|det J| = 0.
 */
final class PermutationBlock extends FlowBlock {
    private final int xDim;
    final INDArray matrix; // [D, D], out = P · in

    PermutationBlock(int[] perm, int xDim, DataType dtype) {
        this.xDim = xDim;
        double[] m = new double[xDim * xDim];
        for (int i = 0; i < xDim; i++) {
            m[i * xDim + perm[i]] = 1.0;
        }
        matrix = Nd4j.create(dtype, xDim, xDim);
        Host.put(matrix, m);
    }

    static void check(int[] p, int d) {
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
    static int[][] random(int xDim, int blocks, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int[][] out = new int[Math.max(0, blocks - 1)][];
        int d1 = (xDim + 1) / 2;
        for (int k = 0; k < out.length; k++) {
            int[] p;
            while (true) {
                p = Permutations.random(xDim, rnd);
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

    @Override
    void addGemmShapes(List<int[]> l, int n, boolean training) {
        l.add(new int[] {xDim, n, xDim, 0, 0});
        if (training) {
            l.add(new int[] {xDim, n, xDim, 1, 0});
        }
    }

    @Override
    Bound bind(Context c) {
        Bound b = new Bound() {
            @Override
            Step[] backward(INDArray gOut, INDArray gIn) {
                Program p = new Program();
                p.gemm(matrix, gOut, gIn, true, false, 0.0);
                return p.steps();
            }
        };
        Program f = new Program();
        f.gemm(matrix, c.in(), c.out(), false, false, 0.0);
        b.forward = f.steps();
        Program i = new Program();
        i.gemm(matrix, c.out(), c.in(), true, false, 0.0);
        b.inverse = i.steps();
        return b;
    }
}
