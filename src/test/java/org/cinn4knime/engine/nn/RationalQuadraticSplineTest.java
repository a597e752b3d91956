package org.cinn4knime.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The spline of one value: identity start, monotone, inverse, derivative and backward against finite differences. */
class RationalQuadraticSplineTest {
    static final int K = 5;
    static final double B = 2.0;

    /** Logits laid out with stride 1: K widths, K heights, K − 1 derivatives. */
    static double[] randomLogits(long seed, double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] t = new double[3 * K - 1];
        for (int i = 0; i < t.length; i++) {
            t[i] = scale * (2 * r.nextDouble() - 1);
        }
        return t;
    }

    static RationalQuadraticSpline spline(double[] theta) {
        RationalQuadraticSpline s = new RationalQuadraticSpline(K, B);
        s.knots(theta, 0, K, 2 * K, 1);
        return s;
    }

    @Test
    void zeroLogitsAreTheIdentity() {
        RationalQuadraticSpline s = spline(new double[3 * K - 1]);
        for (double x = -3; x <= 3; x += 0.137) {
            assertEquals(x, s.forward(x), 1e-12);
            assertEquals(0.0, s.logDerivative, 1e-12);
        }
    }

    @Test
    void monotoneInvertibleWithIdentityTails() {
        RationalQuadraticSpline s = spline(randomLogits(1, 3));
        double prev = Double.NEGATIVE_INFINITY;
        boolean moved = false;
        for (double x = -2.5; x <= 2.5; x += 0.01) {
            double y = s.forward(x);
            double ld = s.logDerivative;
            assertTrue(y > prev, "monotone at " + x);
            prev = y;
            moved |= Math.abs(y - x) > 0.05;
            if (Math.abs(x) > B) {
                assertEquals(x, y, 0.0, "identity tail");
                assertEquals(0.0, ld, 0.0);
            }
            assertEquals(x, s.inverse(y), 1e-10, "inverse at " + x);
            assertEquals(ld, s.logDerivative, 1e-8, "inverse gives the forward log-derivative at " + x);
            double h = 1e-6;
            if (Math.abs(Math.abs(x) - B) > 1e-3) {
                double fd = (s.forward(x + h) - s.forward(x - h)) / (2 * h);
                assertEquals(Math.log(fd), ld, 1e-5, "log-derivative at " + x);
            }
        }
        assertTrue(moved, "random logits move the points");
    }

    /** The inverse at and next to every knot and at ±B, with steep logits (bins near the minimum size and slope). */
    @Test
    void inverseHoldsAtKnotsAndBoundsForSteepSplines() {
        for (long seed = 20; seed < 40; seed++) {
            double[] theta = randomLogits(seed, 8);
            RationalQuadraticSpline s = spline(theta);
            // the knots of the x side: cumulative widths, as the spline builds them
            double[] p = new double[K];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < K; i++) {
                max = Math.max(max, theta[i]);
            }
            double sum = 0;
            for (int i = 0; i < K; i++) {
                p[i] = Math.exp(theta[i] - max);
                sum += p[i];
            }
            double knot = -B;
            for (int i = 0; i <= K; i++) {
                for (double eps : new double[] {-1e-9, 0, 1e-9}) {
                    double x = i == K ? B + eps : knot + eps;
                    double y = s.forward(x);
                    assertTrue(Double.isFinite(y) && Double.isFinite(s.logDerivative), "finite at knot " + i);
                    double back = s.inverse(y);
                    double ldInverse = s.logDerivative;
                    assertEquals(x, back, 1e-9, "inverse at knot " + i + " + " + eps + ", seed " + seed);
                    s.forward(back);
                    assertEquals(s.logDerivative, ldInverse, 1e-7, "log-derivative at knot " + i + ", seed " + seed);
                }
                if (i < K) {
                    knot += 2 * B * (RationalQuadraticSpline.MIN_BIN + (1 - K * RationalQuadraticSpline.MIN_BIN)
                            * p[i] / sum);
                }
            }
        }
    }

    @Test
    void backwardMatchesFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 40; trial++) {
            double[] theta = randomLogits(10 + trial, 2);
            double x = 2.6 * B * (r.nextDouble() - 0.5); // sometimes in a tail
            double gy = 2 * r.nextDouble() - 1;
            double gld = 2 * r.nextDouble() - 1;
            RationalQuadraticSpline s = spline(theta);
            double[] g = new double[theta.length];
            double gx = s.backward(x, gy, gld, g, 0, K, 2 * K, 1);
            double h = 1e-6;
            // L = gy·y + gld·log y'
            java.util.function.BiFunction<double[], Double, Double> loss = (t, xx) -> {
                RationalQuadraticSpline q = spline(t);
                double y = q.forward(xx);
                return gy * y + gld * q.logDerivative;
            };
            for (int i = 0; i < theta.length; i++) {
                double[] tp = theta.clone();
                double[] tm = theta.clone();
                tp[i] += h;
                tm[i] -= h;
                double fd = (loss.apply(tp, x) - loss.apply(tm, x)) / (2 * h);
                assertEquals(fd, g[i], 1e-6 * Math.max(1, Math.abs(fd)), "logit " + i + " trial " + trial);
            }
            double fdx = (loss.apply(theta, x + h) - loss.apply(theta, x - h)) / (2 * h);
            assertEquals(fdx, gx, 1e-6 * Math.max(1, Math.abs(fdx)), "x, trial " + trial);
        }
    }

    @Test
    void savedKnotsGiveTheSameBackwardAsReloadedOnes() {
        RationalQuadraticSpline a = spline(randomLogits(5, 2));
        double[] state = new double[a.stateSize()];
        a.save(state, 0);
        RationalQuadraticSpline b = spline(randomLogits(6, 2)); // other knots, then restored
        b.restore(state, 0);
        for (double x = -2.2; x <= 2.2; x += 0.31) {
            double[] ga = new double[3 * K - 1];
            double[] gb = new double[3 * K - 1];
            assertEquals(a.backward(x, 0.7, -0.3, ga, 0, K, 2 * K, 1), b.backward(x, 0.7, -0.3, gb, 0, K, 2 * K, 1));
            org.junit.jupiter.api.Assertions.assertArrayEquals(ga, gb);
            assertEquals(a.forward(x), b.forward(x));
        }
    }
}
