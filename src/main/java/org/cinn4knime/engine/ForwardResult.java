package org.cinn4knime.engine;

/**
 * Result of a forward pass in the user's units.
 *
 * @param z latent codes, one row per input row (standard normal for a well-trained model)
 * @param logDensity log p(x|y) per row, in nats, in the units of x (includes the standardisation log-det)
 * @param zSquaredNorm ‖z‖² per row
 */
public record ForwardResult(double[][] z, double[] logDensity, double[] zSquaredNorm) {
}
