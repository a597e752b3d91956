package org.cinn4knime.engine;

import java.util.function.UnaryOperator;

/**
 * Posterior samples of a trained model held in memory, and their re-simulation error: how far the property of each
 * sampled design, computed by the known forward process, lies from the target it was sampled for (Kruse, Ardizzone,
 * Rother, Köthe, "Benchmarking invertible architectures on inverse problems", 2021). Used by the examples and the
 * benchmark; the nodes and the {@code sample} command stream designs instead ({@link CinnModel#sample}).
 */
public final class Posteriors {

    private Posteriors() {
    }

    /**
     * Draws {@code perTarget} designs for every target row at temperature 1 (as
     * {@link CinnModel#sample(double[][], long, int, double, long, boolean, int, SampleSink, ProgressListener)}; the
     * designs do not depend on {@code threads}).
     *
     * @param model the trained model
     * @param targets [rows][target columns] in data units
     * @param perTarget designs per target row, ≥ 1
     * @param seed the sampling seed
     * @param threads worker threads, ≥ 1
     * @return designs [target row][sample][design column] in data units
     * @throws CinnException for targets of the wrong width or non-finite, or bad counts
     */
    public static double[][][] sample(CinnModel model, double[][] targets, int perTarget, long seed, int threads)
            throws CinnException {
        Collector designs = new Collector(targets.length, perTarget);
        model.sample(targets, 0, perTarget, 1.0, seed, false, threads, designs, ProgressListener.NONE);
        return designs.designs();
    }

    /** A sink that keeps every design by target row and sample index (for a caller that also streams them). */
    public static final class Collector implements SampleSink {
        private final double[][][] designs;

        /**
         * @param targets target rows of the sampling call
         * @param perTarget designs per target row
         */
        public Collector(int targets, int perTarget) {
            designs = new double[targets][perTarget][];
        }

        @Override
        public void accept(SampleChunk chunk) {
            for (int i = 0; i < chunk.size(); i++) {
                designs[chunk.targetRow()[i]][chunk.sampleIndex()[i]] = chunk.designs()[i];
            }
        }

        /** @return designs [target row][sample][design column] in data units */
        public double[][][] designs() {
            return designs;
        }
    }

    /**
     * @param designs the designs sampled for one target
     * @param target the target [target columns]
     * @param forward the forward process: design → property [target columns]
     * @return the mean Euclidean distance of {@code forward(x)} from {@code target} over the designs (target units)
     */
    public static double resimulationError(double[][] designs, double[] target, UnaryOperator<double[]> forward) {
        return resimulationSum(designs, target, forward) / designs.length;
    }

    /**
     * @param designs [target row][sample][design column], as {@link #sample} returns
     * @param targets [target row][target columns]
     * @param forward the forward process: design → property [target columns]
     * @return the mean Euclidean distance of {@code forward(x)} from its target over all designs (target units)
     */
    public static double resimulationError(double[][][] designs, double[][] targets,
            UnaryOperator<double[]> forward) {
        double sum = 0;
        long n = 0;
        for (int t = 0; t < targets.length; t++) {
            sum += resimulationSum(designs[t], targets[t], forward);
            n += designs[t].length;
        }
        return sum / n;
    }

    private static double resimulationSum(double[][] designs, double[] target, UnaryOperator<double[]> forward) {
        double sum = 0;
        for (double[] x : designs) {
            double[] y = forward.apply(x);
            double dist = 0;
            for (int j = 0; j < target.length; j++) {
                dist = Math.hypot(dist, y[j] - target[j]);
            }
            sum += dist;
        }
        return sum;
    }
}
