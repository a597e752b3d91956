package org.cinn4knime.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Issue 8: four well-separated modes in two design columns, x ≈ (±1.5, ±1.5) + N(0, 0.15²) per column, condition
 * y = |x₁| + |x₂| + N(0, 0.05²) (which says nothing about the signs): spline couplings put fewer designs between the
 * modes than affine couplings of the same size (blocks, width, epochs).
 */
class FourModesTest {

    static TrainingData fourModes(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[rows][2];
        double[][] y = new double[rows][1];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 2; j++) {
                x[i][j] = (r.nextBoolean() ? 1.5 : -1.5) + 0.15 * gauss(r);
            }
            y[i][0] = Math.abs(x[i][0]) + Math.abs(x[i][1]) + 0.05 * gauss(r);
        }
        return new TrainingData(new String[] {"x1", "x2"}, x, new String[] {"y"}, y, null);
    }

    static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** Share of 2,000 designs for y = 3 with a coordinate closer to 0 than 0.75 (between the modes). */
    static double between(CinnModel m) throws Exception {
        int[] counts = new int[2];
        m.sample(new double[][] {{3.0}}, 2000, 1.0, 9L, false, c -> {
            for (double[] d : c.designs()) {
                counts[0]++;
                counts[1] += Math.min(Math.abs(d[0]), Math.abs(d[1])) < 0.75 ? 1 : 0;
            }
        }, null);
        return counts[1] / (double) counts[0];
    }

    @Test
    void splineCouplingsPutFewerDesignsBetweenTheModesThanAffine() throws Exception {
        TrainingData data = fourModes(4000, 3);
        CinnArchitecture size = CinnArchitecture.defaults().withBlocks(4).withSubnetWidth(64);
        TrainingSettings s = TrainingSettings.defaults().withEpochs(30);
        double affine = between(CinnTrainer.train(data, size.withCoupling(CouplingType.GLOW), s, null).model());
        double spline = between(CinnTrainer.train(data, size.withCoupling(CouplingType.SPLINE), s, null).model());
        System.out.printf(java.util.Locale.ROOT, "four modes, 4 blocks of width 64, 30 epochs: designs between the "
                + "modes GLOW %.3f, SPLINE %.3f%n", affine, spline);
        assertTrue(spline < affine, "spline " + spline + " vs affine " + affine);
    }
}
