package org.cinn4knime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Issue 8: with one design column the default (AUTO = conditional element-wise spline) returns both solutions of
 * y = x² + N(0, 0.05²), x ~ U(−2, 2), 4,000 rows, in equal shares and close to ±√y, where an element-wise affine map
 * can only return one Gaussian between them.
 */
class SplineQualityTest {

    static double[][][] parabola(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[rows][1];
        double[][] y = new double[rows][1];
        for (int i = 0; i < rows; i++) {
            x[i][0] = 4 * r.nextDouble() - 2;
            // Box-Muller for the noise
            double g = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            y[i][0] = x[i][0] * x[i][0] + 0.05 * g;
        }
        return new double[][][] {x, y};
    }

    /** {share on the positive side, share within 0.1 of ±√y} of 2,000 designs for target t. */
    static double[] modes(CinnModel m, double t) throws Exception {
        List<Double> xs = new ArrayList<>();
        m.sample(new double[][] {{t}}, 2000, 1.0, 7L, false, c -> {
            for (double[] d : c.designs()) {
                xs.add(d[0]);
            }
        }, null);
        double root = Math.sqrt(t);
        int pos = 0;
        int near = 0;
        for (double v : xs) {
            pos += v > 0 ? 1 : 0;
            near += Math.abs(Math.abs(v) - root) < 0.1 ? 1 : 0;
        }
        return new double[] {pos / (double) xs.size(), near / (double) xs.size()};
    }

    @Test
    void oneDesignColumnDefaultsFindBothSolutionsOfAParabola() throws Exception {
        double[][][] d = parabola(4000, 1);
        TrainingResult r = CinnTrainer.train(new TrainingData(new String[] {"x"}, d[0], new String[] {"y"}, d[1], null),
                CinnArchitecture.defaults(), TrainingSettings.defaults(), null);
        CinnModel m = r.model();
        assertEquals(CouplingType.SPLINE, m.architecture().coupling(), "AUTO resolves to SPLINE for one column");
        for (EpochStats e : m.info().history()) {
            assertTrue(Double.isFinite(e.trainLoss()), "finite loss in epoch " + e.epoch());
        }
        assertTrue(m.info().warnings().isEmpty(), "no warning: " + m.info().warnings());
        for (double t : new double[] {1.0, 2.25}) {
            double[] s = modes(m, t);
            System.out.printf("y = %.2f: positive side %.3f, within 0.1 of a solution %.3f%n", t, s[0], s[1]);
            assertTrue(s[0] >= 0.45 && s[0] <= 0.55, "share on the positive side for y = " + t + ": " + s[0]);
            assertTrue(s[1] >= 0.8, "share within 0.1 of ±√y for y = " + t + ": " + s[1]);
        }
    }
}
