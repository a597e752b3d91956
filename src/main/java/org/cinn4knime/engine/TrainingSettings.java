package org.cinn4knime.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * Training settings (immutable).
 *
 * @param epochs passes over the training rows (1..100000)
 * @param batchSize rows per optimiser step (1..1000000)
 * @param learningRate Adam learning rate (&gt; 0)
 * @param beta1 Adam β1 in [0, 1)
 * @param beta2 Adam β2 in [0, 1)
 * @param weightDecay L2 penalty added to the gradient (≥ 0)
 * @param lrDecayFactor factor applied to the learning rate at every point of {@code lrDecayAt}, in (0, 1]
 * @param lrDecayAt fractions of the epochs at which the learning rate is multiplied by {@code lrDecayFactor},
 *        e.g. {0.67, 0.87}; epoch index e (0-based) uses lr·factor^#{f : e ≥ round(f·epochs)}
 * @param gradientClipNorm global gradient-norm clipping threshold; ≤ 0 switches it off
 * @param validationFraction fraction of rows held out for validation, in [0, 0.5]
 * @param patience early stopping after this many epochs without a better validation loss; 0 switches it off
 * @param seed seed of initialisation, validation split and shuffling
 * @param threads ND4J/BLAS threads (1..256); 1 is usually fastest on busy machines
 * @param instabilityThresholdPerDim a best loss per dimension below this value (default −7.5 nats/dim) triggers a
 *        warning about numerical instability or overfitting
 */
public record TrainingSettings(int epochs, int batchSize, double learningRate, double beta1, double beta2,
        double weightDecay, double lrDecayFactor, double[] lrDecayAt, double gradientClipNorm,
        double validationFraction, int patience, long seed, int threads, double instabilityThresholdPerDim) {

    public TrainingSettings {
        lrDecayAt = lrDecayAt == null ? new double[0] : lrDecayAt.clone();
    }

    /** 50 epochs, batch 500, Adam 1e-3 (0.9, 0.999), weight decay 1e-5, ×0.1 at 67 % and 87 %, clip 10,
     *  10 % validation, patience 10, seed 42, 1 thread, instability threshold −7.5 nats/dim. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(50, 500, 1e-3, 0.9, 0.999, 1e-5, 0.1, new double[] {0.67, 0.87}, 10.0, 0.1, 10,
                42L, 1, -7.5);
    }

    @Override
    public double[] lrDecayAt() {
        return lrDecayAt.clone();
    }

    /** Learning rate of the 0-based epoch {@code epochIndex}. */
    public double learningRateAt(int epochIndex) {
        double lr = learningRate;
        for (double f : lrDecayAt) {
            if (epochIndex >= Math.round(f * epochs)) {
                lr *= lrDecayFactor;
            }
        }
        return lr;
    }

    public TrainingSettings withEpochs(int v) {
        return new TrainingSettings(v, batchSize, learningRate, beta1, beta2, weightDecay, lrDecayFactor, lrDecayAt,
                gradientClipNorm, validationFraction, patience, seed, threads, instabilityThresholdPerDim);
    }

    public TrainingSettings withBatchSize(int v) {
        return new TrainingSettings(epochs, v, learningRate, beta1, beta2, weightDecay, lrDecayFactor, lrDecayAt,
                gradientClipNorm, validationFraction, patience, seed, threads, instabilityThresholdPerDim);
    }

    public TrainingSettings withLearningRate(double v) {
        return new TrainingSettings(epochs, batchSize, v, beta1, beta2, weightDecay, lrDecayFactor, lrDecayAt,
                gradientClipNorm, validationFraction, patience, seed, threads, instabilityThresholdPerDim);
    }

    public TrainingSettings withBeta1(double v) {
        return new TrainingSettings(epochs, batchSize, learningRate, v, beta2, weightDecay, lrDecayFactor, lrDecayAt,
                gradientClipNorm, validationFraction, patience, seed, threads, instabilityThresholdPerDim);
    }

    public TrainingSettings withBeta2(double v) {
        return new TrainingSettings(epochs, batchSize, learningRate, beta1, v, weightDecay, lrDecayFactor, lrDecayAt,
                gradientClipNorm, validationFraction, patience, seed, threads, instabilityThresholdPerDim);
    }

    public TrainingSettings withWeightDecay(double v) {
        return new TrainingSettings(epochs, batchSize, learningRate, beta1, beta2, v, lrDecayFactor, lrDecayAt,
                gradientClipNorm, validationFraction, patience, seed, threads, instabilityThresholdPerDim);
    }

    public TrainingSettings withLrDecayFactor(double v) {
        return new TrainingSettings(epochs, batchSize, learningRate, beta1, beta2, weightDecay, v, lrDecayAt,
                gradientClipNorm, validationFraction, patience, seed, threads, instabilityThresholdPerDim);
    }

    public TrainingSettings withLrDecayAt(double... v) {
        return new TrainingSettings(epochs, batchSize, learningRate, beta1, beta2, weightDecay, lrDecayFactor, v,
                gradientClipNorm, validationFraction, patience, seed, threads, instabilityThresholdPerDim);
    }

    public TrainingSettings withGradientClipNorm(double v) {
        return new TrainingSettings(epochs, batchSize, learningRate, beta1, beta2, weightDecay, lrDecayFactor,
                lrDecayAt, v, validationFraction, patience, seed, threads, instabilityThresholdPerDim);
    }

    public TrainingSettings withValidationFraction(double v) {
        return new TrainingSettings(epochs, batchSize, learningRate, beta1, beta2, weightDecay, lrDecayFactor,
                lrDecayAt, gradientClipNorm, v, patience, seed, threads, instabilityThresholdPerDim);
    }

    public TrainingSettings withPatience(int v) {
        return new TrainingSettings(epochs, batchSize, learningRate, beta1, beta2, weightDecay, lrDecayFactor,
                lrDecayAt, gradientClipNorm, validationFraction, v, seed, threads, instabilityThresholdPerDim);
    }

    public TrainingSettings withSeed(long v) {
        return new TrainingSettings(epochs, batchSize, learningRate, beta1, beta2, weightDecay, lrDecayFactor,
                lrDecayAt, gradientClipNorm, validationFraction, patience, v, threads, instabilityThresholdPerDim);
    }

    public TrainingSettings withThreads(int v) {
        return new TrainingSettings(epochs, batchSize, learningRate, beta1, beta2, weightDecay, lrDecayFactor,
                lrDecayAt, gradientClipNorm, validationFraction, patience, seed, v, instabilityThresholdPerDim);
    }

    public TrainingSettings withInstabilityThresholdPerDim(double v) {
        return new TrainingSettings(epochs, batchSize, learningRate, beta1, beta2, weightDecay, lrDecayFactor,
                lrDecayAt, gradientClipNorm, validationFraction, patience, seed, threads, v);
    }

    /** @throws IllegalArgumentException naming the setting at fault */
    public void validate() {
        CinnArchitecture.check(epochs >= 1 && epochs <= 100_000, "Epochs must be between 1 and 100000, but is "
                + epochs + ".");
        CinnArchitecture.check(batchSize >= 1 && batchSize <= 1_000_000,
                "Batch size must be between 1 and 1000000, but is " + batchSize + ".");
        CinnArchitecture.check(learningRate > 0 && Double.isFinite(learningRate),
                "Learning rate must be a positive number, but is " + learningRate + ".");
        CinnArchitecture.check(beta1 >= 0 && beta1 < 1, "Adam beta1 must be in [0, 1), but is " + beta1 + ".");
        CinnArchitecture.check(beta2 >= 0 && beta2 < 1, "Adam beta2 must be in [0, 1), but is " + beta2 + ".");
        CinnArchitecture.check(weightDecay >= 0 && Double.isFinite(weightDecay),
                "Weight decay must be 0 or positive, but is " + weightDecay + ".");
        CinnArchitecture.check(lrDecayFactor > 0 && lrDecayFactor <= 1,
                "Learning-rate decay factor must be in (0, 1], but is " + lrDecayFactor + ".");
        for (double f : lrDecayAt) {
            CinnArchitecture.check(f > 0 && f < 1, "Learning-rate decay points must be fractions of the epochs in "
                    + "(0, 1), but " + Arrays.toString(lrDecayAt) + " contains " + f + ".");
        }
        CinnArchitecture.check(!Double.isNaN(gradientClipNorm),
                "Gradient clip norm must be a number (0 or less switches clipping off).");
        CinnArchitecture.check(validationFraction >= 0 && validationFraction <= 0.5,
                "Validation fraction must be between 0 and 0.5, but is " + validationFraction + ".");
        CinnArchitecture.check(patience >= 0, "Patience must be 0 (off) or positive, but is " + patience + ".");
        CinnArchitecture.check(threads >= 1 && threads <= 256,
                "Threads must be between 1 and 256, but is " + threads + ".");
        CinnArchitecture.check(Double.isFinite(instabilityThresholdPerDim),
                "Instability threshold per dimension must be a finite number, but is "
                        + instabilityThresholdPerDim + ".");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingSettings t && epochs == t.epochs && batchSize == t.batchSize
                && Double.compare(learningRate, t.learningRate) == 0 && Double.compare(beta1, t.beta1) == 0
                && Double.compare(beta2, t.beta2) == 0 && Double.compare(weightDecay, t.weightDecay) == 0
                && Double.compare(lrDecayFactor, t.lrDecayFactor) == 0 && Arrays.equals(lrDecayAt, t.lrDecayAt)
                && Double.compare(gradientClipNorm, t.gradientClipNorm) == 0
                && Double.compare(validationFraction, t.validationFraction) == 0 && patience == t.patience
                && seed == t.seed && threads == t.threads
                && Double.compare(instabilityThresholdPerDim, t.instabilityThresholdPerDim) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(epochs, batchSize, learningRate, seed, Arrays.hashCode(lrDecayAt));
    }

    @Override
    public String toString() {
        return "TrainingSettings[epochs=" + epochs + ", batchSize=" + batchSize + ", learningRate=" + learningRate
                + ", beta1=" + beta1 + ", beta2=" + beta2 + ", weightDecay=" + weightDecay + ", lrDecayFactor="
                + lrDecayFactor + ", lrDecayAt=" + Arrays.toString(lrDecayAt) + ", gradientClipNorm="
                + gradientClipNorm + ", validationFraction=" + validationFraction + ", patience=" + patience
                + ", seed=" + seed + ", threads=" + threads + ", instabilityThresholdPerDim="
                + instabilityThresholdPerDim + "]";
    }
}
