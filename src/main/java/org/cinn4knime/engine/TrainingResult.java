package org.cinn4knime.engine;

import java.util.List;

/** Outcome of {@link CinnTrainer#train}. */
public final class TrainingResult {
    private final CinnModel model;
    private final List<String> notes;

    TrainingResult(CinnModel model, List<String> notes) {
        this.model = model;
        this.notes = List.copyOf(notes);
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

    /**
     * Plain-language loss-health warnings: problems the user should act on (overfitting, suspected numerical
     * instability, NaN/Inf rollback). Empty for a healthy run. Stored in the model file.
     */
    public List<String> warnings() {
        return model.info().warnings();
    }

    /**
     * Plain-language notes that explain normal behaviour, e.g. that a negative loss means a high likelihood. Not
     * problems: the nodes log them and the command line prints them as {@code note:} lines, but they never turn a
     * successful run into one with a warning. Not stored in the model file.
     */
    public List<String> notes() {
        return notes;
    }

    /** "completed", "early stopping after N epochs without improvement", ... */
    public String stopReason() {
        return model.info().stopReason();
    }
}
