package org.cinn4knime.engine;

/** How many affine couplings a block holds. */
public enum CouplingType {
    /** Two affine couplings per block: both halves are transformed in every block. */
    GLOW,
    /** One affine coupling per block: half of the dimensions is transformed; cheaper, needs more blocks. */
    SINGLE
}
