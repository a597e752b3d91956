package org.cinn4knime.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PosteriorCalibrationTest {

    /** True values and samples from the same N(mu_r, 1): the fractions follow the levels. */
    private static double[][][] draws(double[][] trueX, long seed, double scale, double shift) {
        Gaussian g = new Gaussian(seed);
        int rows = 2000;
        int per = 200;
        double[][][] s = new double[rows][per][2];
        for (int r = 0; r < rows; r++) {
            double mu = 0.01 * r;
            trueX[r] = new double[] {mu + g.next(), -mu + g.next()};
            for (int i = 0; i < per; i++) {
                s[r][i][0] = mu + shift + scale * g.next();
                s[r][i][1] = -mu + shift + scale * g.next();
            }
        }
        return s;
    }

    @Test
    void samplesFromTheTruePosteriorAreCalibrated() {
        double[][] x = new double[2000][];
        double[][][] s = draws(x, 1, 1.0, 0.0);
        double[] f = PosteriorCalibration.insideFractions(x, s);
        assertEquals(0.5, f[49], 0.03);
        assertEquals(0.9, f[89], 0.02);
        assertTrue(PosteriorCalibration.error(x, s) < 0.02, "error " + PosteriorCalibration.error(x, s));
    }

    @Test
    void overConfidentOrShiftedSamplesAreNot() {
        double[][] x = new double[2000][];
        double narrow = PosteriorCalibration.error(x, draws(x, 2, 0.5, 0.0));
        assertTrue(narrow > 0.1, "too narrow samples: error " + narrow);
        double shifted = PosteriorCalibration.error(x, draws(x, 3, 1.0, 1.0));
        assertTrue(shifted > 0.1, "shifted samples: error " + shifted);
    }

    @Test
    void quantileInterpolatesLinearly() {
        assertEquals(2.5, PosteriorCalibration.quantile(new double[] {1, 2, 3, 4}, 0.5), 1e-12);
        assertEquals(1.0, PosteriorCalibration.quantile(new double[] {1, 2, 3, 4}, 0.0), 1e-12);
        assertEquals(4.0, PosteriorCalibration.quantile(new double[] {1, 2, 3, 4}, 1.0), 1e-12);
    }

    @Test
    void badShapesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> PosteriorCalibration.error(new double[0][], new double[0][][]));
        assertThrows(IllegalArgumentException.class,
                () -> PosteriorCalibration.error(new double[][] {{1}}, new double[][][] {{{1}}}));
    }
}
