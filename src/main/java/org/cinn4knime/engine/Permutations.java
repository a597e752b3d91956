package org.cinn4knime.engine;

import java.util.SplittableRandom;

/**
 * Random permutations by the Fisher–Yates shuffle (Durstenfeld's in-place form; Knuth, TAOCP vol. 2, Algorithm 3.4.2P):
 * the one shuffle of the engine, used for the training/validation split, the epoch order of the rows, the rows of
 * the initialisation, the reference rows of the training targets and the fixed permutations between flow blocks. The
 * same generator state always gives the same permutation, so results depend on the seed alone.
 */
public final class Permutations {

    private Permutations() {
    }

    /**
     * @param n number of elements, ≥ 0
     * @param rnd the random source (advanced by n − 1 draws)
     * @return a uniformly random permutation of 0, …, n − 1
     */
    public static int[] random(int n, SplittableRandom rnd) {
        int[] p = identity(n);
        shuffle(p, rnd);
        return p;
    }

    /** @return 0, 1, …, n − 1 */
    public static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    /**
     * Shuffles {@code p} in place, every order equally likely.
     *
     * @param p the elements
     * @param rnd the random source (advanced by p.length − 1 draws)
     */
    public static void shuffle(int[] p, SplittableRandom rnd) {
        for (int i = p.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
    }
}
