package org.cinn4knime.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChiSquaredTest {
    @Test
    void knownQuantiles() {
        // reference values (R: qchisq)
        assertEquals(3.841458820694124, ChiSquared.quantile(0.95, 1), 1e-9);
        assertEquals(0.003932140000019522, ChiSquared.quantile(0.05, 1), 1e-12);
        assertEquals(3.356693980033322, ChiSquared.quantile(0.5, 4), 1e-9);
        assertEquals(9.487729036781154, ChiSquared.quantile(0.95, 4), 1e-9);
        assertEquals(18.30703805327515, ChiSquared.quantile(0.95, 10), 1e-8);
        assertEquals(0.7107230213973241, ChiSquared.quantile(0.05, 4), 1e-9);
    }

    @Test
    void twoDegreesOfFreedomIsExponential() {
        for (double q = 0.05; q < 0.96; q += 0.05) {
            assertEquals(-2 * Math.log(1 - q), ChiSquared.quantile(q, 2), 1e-10);
            assertEquals(q, ChiSquared.cdf(-2 * Math.log(1 - q), 2), 1e-13);
        }
    }

    @Test
    void badArgumentsAreRefusedWithTheirValue() {
        IllegalArgumentException level = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> ChiSquared.quantile(1.0, 3));
        org.junit.jupiter.api.Assertions.assertTrue(level.getMessage().contains("(0, 1), but is 1.0"), level.getMessage());
        IllegalArgumentException dof = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> ChiSquared.cdf(1.0, 0));
        org.junit.jupiter.api.Assertions.assertTrue(dof.getMessage().contains("at least 1, but are 0"), dof.getMessage());
    }

    @Test
    void cdfInvertsQuantileForManyDimensions() {
        for (int k : new int[] {1, 3, 7, 20, 64, 200}) {
            for (double q = 0.05; q < 0.96; q += 0.05) {
                assertEquals(q, ChiSquared.cdf(ChiSquared.quantile(q, k), k), 1e-10, "k=" + k + " q=" + q);
            }
        }
    }
}
