package org.cinn4knime.engine;

/**
 * Statistics of one training epoch. Losses are mean per-sample values of 0.5·‖z‖² − log|det J| in the
 * standardised space (the training objective, without the D/2·log 2π constant).
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean training loss of the epoch
 * @param validationLoss mean validation loss after the epoch, NaN without validation rows
 * @param learningRate learning rate used in the epoch
 * @param best whether this epoch is the best so far (lowest validation loss, or training loss without validation)
 */
public record EpochStats(int epoch, double trainLoss, double validationLoss, double learningRate, boolean best) {

    /** @return the loss by which epochs are compared: the validation loss, or the training loss without validation */
    public double selectionLoss() {
        return Double.isNaN(validationLoss) ? trainLoss : validationLoss;
    }
}
