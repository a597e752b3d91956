package org.cinn4knime.engine;

import static org.cinn4knime.engine.settings.TrainingDeclarations.*;

import org.cinn4knime.engine.settings.TrainingDeclarations;

import java.util.Arrays;
import java.util.Objects;

/**
 * Training settings (immutable). Bounds and defaults: {@link TrainingDeclarations} (one declaration per setting).
 *
 * @param epochs passes over the training rows (1..100000)
 * @param batchSize rows per optimiser step (1..1000000)
 * @param learningRate Adam learning rate in (0, 1]
 * @param beta1 Adam β1 in [0, 1)
 * @param beta2 Adam β2 in [0, 1)
 * @param weightDecay L2 penalty added to the gradient, in [0, 1]
 * @param lrDecayFactor factor applied to the learning rate at every point of {@code lrDecayAt}, in (0, 1]
 * @param lrDecayAt fractions of the epochs at which the learning rate is multiplied by {@code lrDecayFactor},
 *        e.g. {0.67, 0.87}; epoch index e (0-based) uses lr·factor^#{f : e ≥ round(f·epochs)}
 * @param gradientClipNorm global gradient-norm clipping threshold (≥ 0); 0 switches it off
 * @param validationFraction fraction of rows held out for validation, in [0, 0.5]
 * @param patience early stopping after this many epochs without a better validation loss (0..100000); 0 switches
 *        it off
 * @param seed seed of initialisation, validation split and shuffling; a 32-bit integer (the long type is kept for
 *        the API, the int range is what KNIME's settings and every front end take)
 * @param threads worker threads of data-parallel training (1..256, default the machine's cores); the same seed
 *        gives the same model on any number of threads
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
     *  10 % validation, patience 10, seed 42, the machine's cores as threads, instability threshold −7.5 nats/dim. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(EPOCHS.intDefault(), BATCH_SIZE.intDefault(), LEARNING_RATE.doubleDefault(),
                ADAM_BETA1.doubleDefault(), ADAM_BETA2.doubleDefault(), WEIGHT_DECAY.doubleDefault(),
                LR_DECAY_FACTOR.doubleDefault(), parseFractions(LR_DECAY_AT.stringDefault()),
                GRADIENT_CLIP.doubleDefault(), VALIDATION_FRACTION.doubleDefault(), PATIENCE.intDefault(),
                SEED.intDefault(), THREADS.intDefault(), INSTABILITY_THRESHOLD.doubleDefault());
    }

    /**
     * Parses learning-rate decay points as the node and the command line write them: numbers separated by commas
     * (blank: none). The values are checked by {@link #validate()}.
     *
     * @param text e.g. "0.67, 0.87"
     * @return the fractions
     * @throws IllegalArgumentException naming the setting if a part is not a number
     */
    public static double[] parseFractions(String text) {
        if (text == null || text.isBlank()) {
            return new double[0];
        }
        final String[] parts = text.split(",");
        final double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(LR_DECAY_AT.label() + ": '" + parts[i].trim() + "' is not a number; "
                        + "give fractions of the epochs separated by commas, e.g. '0.67, 0.87'.", e);
            }
        }
        return v;
    }

    /**
     * @param fractions decay points
     * @return them as {@link #parseFractions(String)} reads them: "0.67, 0.87", "" for none
     */
    public static String formatFractions(double[] fractions) {
        return String.join(", ", Arrays.stream(fractions).mapToObj(Double::toString).toList());
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

    /**
     * Checks every value against its one declaration in {@link TrainingDeclarations} (the bounds the node dialog and
     * the command line take too).
     *
     * @throws IllegalArgumentException naming the setting at fault
     */
    public void validate() {
        TrainingDeclarations.EPOCHS.check(epochs);
        TrainingDeclarations.BATCH_SIZE.check(batchSize);
        TrainingDeclarations.LEARNING_RATE.check(learningRate);
        TrainingDeclarations.ADAM_BETA1.check(beta1);
        TrainingDeclarations.ADAM_BETA2.check(beta2);
        TrainingDeclarations.WEIGHT_DECAY.check(weightDecay);
        TrainingDeclarations.LR_DECAY_FACTOR.check(lrDecayFactor);
        for (double f : lrDecayAt) {
            CinnArchitecture.check(f > 0 && f < 1, "Learning-rate decay points must be fractions of the epochs in "
                    + "(0, 1), but " + Arrays.toString(lrDecayAt) + " contains " + f + ".");
        }
        TrainingDeclarations.GRADIENT_CLIP.check(gradientClipNorm);
        TrainingDeclarations.VALIDATION_FRACTION.check(validationFraction);
        TrainingDeclarations.PATIENCE.check(patience);
        TrainingDeclarations.SEED.check(seed);
        TrainingDeclarations.THREADS.check(threads);
        TrainingDeclarations.INSTABILITY_THRESHOLD.check(instabilityThresholdPerDim);
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
