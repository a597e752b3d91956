package org.cinn4knime.engine;

import java.util.List;

/** Outcome of {@link CinnTrainer#train}. */
public final class TrainingResult {
    private final CinnModel model;

    TrainingResult(CinnModel model) {
        this.model = model;
    }

    public CinnModel model() {
        return model;
    }

    /** Per-epoch training/validation loss and learning rate. */
    public List<EpochStats> history() {
        return model.info().history();
    }

    /** 1-based epoch whose weights the model holds. */
    public int bestEpoch() {
        return model.info().bestEpoch();
    }

    /** Plain-language loss-health messages (overfitting, instability, NaN rollback, notes on negative loss). */
    public List<String> warnings() {
        return model.info().warnings();
    }

    /** "completed", "early stopping after N epochs without improvement", ... */
    public String stopReason() {
        return model.info().stopReason();
    }
}
