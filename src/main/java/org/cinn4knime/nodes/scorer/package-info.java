/**
 * The cINN Scorer node: log-density and latent norm per row, plus mean NLL, bits per dimension, calibration error and
 * latent statistics (also as flow variables).
 */
package org.cinn4knime.nodes.scorer;
