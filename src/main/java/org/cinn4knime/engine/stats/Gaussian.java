package org.cinn4knime.engine.stats;

import java.util.SplittableRandom;

/**
 * Seeded standard-normal generator (Box–Muller on {@link SplittableRandom}); the algorithm is fixed here so that
 * sampled designs stay identical across Java versions.
 */
public final class Gaussian {
    private final SplittableRandom rnd;
    private double spare;
    private boolean hasSpare;

    public Gaussian(long seed) {
        rnd = new SplittableRandom(seed);
    }

    /** A seed for stream {@code index} derived from {@code seed} (well mixed, so neighbouring indices differ). */
    public static long derive(long seed, long index) {
        return mix(seed ^ mix(index + 0x9E3779B97F4A7C15L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    public double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u1;
        do {
            u1 = rnd.nextDouble();
        } while (u1 <= 0);
        double u2 = rnd.nextDouble();
        double r = Math.sqrt(-2.0 * Math.log(u1));
        double a = 2 * Math.PI * u2;
        spare = r * Math.sin(a);
        hasSpare = true;
        return r * Math.cos(a);
    }
}
