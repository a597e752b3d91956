package org.cinn4knime.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Loss-health warnings (problems to act on) and notes (normal behaviour explained) of a finished training run.
 *
 * @param warnings problems, each a sentence that names what to change
 * @param notes normal behaviour explained
 */
record LossHealth(List<String> warnings, List<String> notes) {

    /**
     * Judges a finished run from its history alone: overfitting (the validation loss rose while the training loss
     * fell for {@code patience} epochs in a row, 5 without early stopping; or, in the epoch the model keeps, a gap of
     * more than 0.5 nats per dimension), suspected instability (the loss of the kept epoch below the instability threshold per
     * dimension), and the note that a negative loss is normal.
     *
     * @param bestEpoch 1-based epoch whose weights the model holds
     * @param d number of design dimensions
     */
    static LossHealth judge(List<EpochStats> history, int bestEpoch, TrainingSettings s, int d) {
        List<String> warnings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        EpochStats best = ModelInfo.epoch(history, bestEpoch);
        EpochStats last = history.get(history.size() - 1);
        double bestLoss = best.selectionLoss();
        double minTrain = history.stream().mapToDouble(EpochStats::trainLoss).min().orElse(Double.NaN);
        if (minTrain < 0) {
            notes.add("The loss went negative (lowest training loss " + NumberText.fmt(minTrain) + " nats per row). "
                    + "This is normal: the loss is a negative log-likelihood of continuous values, and a "
                    + "negative value means a high probability density.");
        }
        int window = s.patience() > 0 ? s.patience() : 5;
        int rising = 0;
        int maxRising = 0;
        for (int i = 1; i < history.size(); i++) {
            EpochStats p = history.get(i - 1);
            EpochStats q = history.get(i);
            rising = q.validationLoss() > p.validationLoss() && q.trainLoss() < p.trainLoss() ? rising + 1 : 0;
            maxRising = Math.max(maxRising, rising);
        }
        if (maxRising >= window) {
            warnings.add("Overfitting: the validation loss rose for " + maxRising + " epochs in a row while the "
                    + "training loss fell. The model memorises the training rows; use more rows, fewer epochs, "
                    + "a smaller network or more weight decay (the best epoch " + bestEpoch + " is kept).");
        }
        // the gap of the epoch whose weights the model keeps: after early stopping the last epochs overfit by
        // definition, but the model does not hold them
        if (!Double.isNaN(best.validationLoss())) {
            double gap = (best.validationLoss() - best.trainLoss()) / d;
            if (gap > 0.5) {
                warnings.add("Overfitting: " + (best == last ? "at the end" : "in the kept epoch " + bestEpoch)
                        + " the validation loss is " + NumberText.fmt(gap) + " nats per dimension above the training loss ("
                        + NumberText.fmt(best.validationLoss()) + " vs " + NumberText.fmt(best.trainLoss()) + "). Use more rows, fewer "
                        + "epochs, a smaller network or more weight decay.");
            }
        }
        double threshold = s.instabilityThresholdPerDim();
        if (bestLoss / d < threshold) {
            warnings.add("The loss fell to " + NumberText.fmt(bestLoss / d) + " nats per dimension, below the threshold of "
                    + NumberText.fmt(threshold) + " (Learner setting 'Instability threshold per dimension (nats)', command line "
                    + "--instability-threshold). Such extreme likelihoods hint at numerical instability or "
                    + "overfitting, or at design columns that are (almost) exact functions of each other or of the "
                    + "targets. Check the results with the Scorer on held-out rows.");
        }
        return new LossHealth(warnings, notes);
    }
}
