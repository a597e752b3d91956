package org.cinn4knime.engine;

import java.util.List;
import java.util.Map;

/**
 * Provenance of a trained model.
 *
 * @param history per-epoch statistics
 * @param bestEpoch 1-based epoch whose weights the model holds
 * @param bestValidationLoss validation loss of that epoch (NaN without validation rows)
 * @param dataFingerprint SHA-256 (hex) of the training data (column names and values)
 * @param rows rows of the training data (training plus validation)
 * @param validationRows rows held out for validation
 * @param libraryVersions versions of cinn4knime, ND4J and Java that trained the model
 * @param creationTime ISO-8601 instant of the end of training
 * @param formatVersion model file format version the model was read from or will be written as
 * @param warnings loss-health messages of the training run
 * @param stopReason why training stopped
 */
public record ModelInfo(List<EpochStats> history, int bestEpoch, double bestValidationLoss, String dataFingerprint,
        long rows, long validationRows, Map<String, String> libraryVersions, String creationTime, int formatVersion,
        List<String> warnings, String stopReason) {
    public ModelInfo {
        history = List.copyOf(history);
        libraryVersions = Map.copyOf(libraryVersions);
        warnings = List.copyOf(warnings);
    }

    /**
     * @return the statistics of the epoch whose weights the model holds ({@link #bestEpoch()})
     * @throws IllegalStateException if the history has no such epoch
     */
    public EpochStats bestEpochStats() {
        return epoch(history, bestEpoch);
    }

    /** The one place that finds an epoch's statistics in a history (1-based {@code epoch}). */
    static EpochStats epoch(List<EpochStats> history, int epoch) {
        return history.stream().filter(s -> s.epoch() == epoch).findFirst()
                .orElseThrow(() -> new IllegalStateException("The best epoch " + epoch
                        + " is not in the training history of " + history.size() + " epochs."));
    }
}
