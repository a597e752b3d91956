package org.cinn4knime.engine;

/**
 * The kind of coupling blocks of the network.
 *
 * <p>With one design column no split into passive and active rows is possible: every kind then becomes a conditional
 * element-wise transform whose subnetwork sees the condition y alone (affine for GLOW and SINGLE, a rational-quadratic
 * spline for SPLINE).
 */
public enum CouplingType {
    /** Two affine couplings per block: both halves are transformed in every block (Glow, Kingma &amp; Dhariwal 2018). */
    GLOW,
    /** One affine coupling per block: half of the dimensions is transformed; cheaper, needs more blocks. */
    SINGLE,
    /**
     * Two monotone rational-quadratic spline couplings per block, as GLOW (Durkan et al., "Neural Spline Flows",
     * NeurIPS 2019): each active value passes through its own spline, so even one block can make a density
     * multi-modal.
     */
    SPLINE,
    /**
     * Chosen at training from the number of design columns: SPLINE for one design column (an element-wise affine map
     * cannot make p(x|y) multi-modal), GLOW otherwise. Models store the resolved kind.
     */
    AUTO;

    /** The concrete kind for {@code xDim} design columns: AUTO resolved, every other kind itself. */
    public CouplingType resolve(int xDim) {
        if (this != AUTO) {
            return this;
        }
        return xDim == 1 ? SPLINE : GLOW;
    }

    /** Whether the couplings are rational-quadratic splines (else affine). */
    public boolean isSpline() {
        return this == SPLINE;
    }
}
