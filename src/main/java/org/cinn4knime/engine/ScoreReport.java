package org.cinn4knime.engine;

/**
 * Summary of a scoring run.
 *
 * @param rows number of scored rows
 * @param meanNll mean negative log-likelihood in nats per row, including D/2·log 2π and the standardisation log-det
 * @param nllPerDim meanNll / D
 * @param bitsPerDim nllPerDim / ln 2
 * @param calibrationLevels q = 0.05, 0.10, …, 0.95
 * @param calibrationFractions fraction of rows with ‖z‖² ≤ χ²_D-quantile(q); equals q for a calibrated model
 * @param calibrationError mean |fraction − q|
 * @param zMean per-dimension mean of z (0 for a calibrated model)
 * @param zStd per-dimension standard deviation of z (1 for a calibrated model)
 */
public record ScoreReport(long rows, double meanNll, double nllPerDim, double bitsPerDim, double[] calibrationLevels,
        double[] calibrationFractions, double calibrationError, double[] zMean, double[] zStd) {
}
