package org.cinn4knime.engine;

/**
 * A chunk of sampled designs.
 *
 * @param targetRow index into the targets for every design row
 * @param sampleIndex 0-based sample number per target for every design row
 * @param designs the designs x, one row each, in the user's units
 * @param logDensity log p(x|y) per design, or null if not requested
 */
public record SampleChunk(int[] targetRow, int[] sampleIndex, double[][] designs, double[] logDensity) {
    public int size() {
        return designs.length;
    }
}
