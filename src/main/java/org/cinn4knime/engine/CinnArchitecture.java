package org.cinn4knime.engine;

import static org.cinn4knime.engine.settings.ArchitectureDeclarations.*;

import org.cinn4knime.engine.settings.ArchitectureDeclarations;

/**
 * Network architecture (immutable). Bounds and defaults: {@link ArchitectureDeclarations}.
 *
 * @param blocks number of coupling blocks K (1..64)
 * @param coupling two couplings per block (GLOW) or one (SINGLE)
 * @param subnetLayers hidden layers per coupling subnetwork (1..8)
 * @param subnetWidth units per hidden layer (1..4096)
 * @param activation activation of the hidden layers
 * @param clamp soft clamp of the log-scale: s_c = (2·clamp/π)·atan(s/clamp), so |s_c| &lt; clamp (0 &lt; clamp ≤ 20)
 * @param actNorm whether every block starts with an ActNorm layer (data-dependent initialisation)
 * @param precision float or double arithmetic
 */
public record CinnArchitecture(int blocks, CouplingType coupling, int subnetLayers, int subnetWidth,
        Activation activation, double clamp, boolean actNorm, Precision precision) {

    /** 6 GLOW blocks, 2 hidden layers of 128 ReLU units, clamp 2.0, no ActNorm, float. */
    public static CinnArchitecture defaults() {
        return new CinnArchitecture(BLOCKS.intDefault(), COUPLING.parseChoice(CouplingType.class, COUPLING.stringDefault()),
                SUBNET_LAYERS.intDefault(), SUBNET_WIDTH.intDefault(),
                ACTIVATION.parseChoice(Activation.class, ACTIVATION.stringDefault()), CLAMP.doubleDefault(),
                ACT_NORM.booleanDefault(), PRECISION.parseChoice(Precision.class, PRECISION.stringDefault()));
    }

    public CinnArchitecture withBlocks(int b) {
        return new CinnArchitecture(b, coupling, subnetLayers, subnetWidth, activation, clamp, actNorm, precision);
    }

    public CinnArchitecture withCoupling(CouplingType c) {
        return new CinnArchitecture(blocks, c, subnetLayers, subnetWidth, activation, clamp, actNorm, precision);
    }

    public CinnArchitecture withSubnetLayers(int l) {
        return new CinnArchitecture(blocks, coupling, l, subnetWidth, activation, clamp, actNorm, precision);
    }

    public CinnArchitecture withSubnetWidth(int w) {
        return new CinnArchitecture(blocks, coupling, subnetLayers, w, activation, clamp, actNorm, precision);
    }

    public CinnArchitecture withActivation(Activation a) {
        return new CinnArchitecture(blocks, coupling, subnetLayers, subnetWidth, a, clamp, actNorm, precision);
    }

    public CinnArchitecture withClamp(double c) {
        return new CinnArchitecture(blocks, coupling, subnetLayers, subnetWidth, activation, c, actNorm, precision);
    }

    public CinnArchitecture withActNorm(boolean a) {
        return new CinnArchitecture(blocks, coupling, subnetLayers, subnetWidth, activation, clamp, a, precision);
    }

    public CinnArchitecture withPrecision(Precision p) {
        return new CinnArchitecture(blocks, coupling, subnetLayers, subnetWidth, activation, clamp, actNorm, p);
    }

    /**
     * Checks every value against its one declaration in {@link ArchitectureDeclarations} (the bounds the node dialog
     * and the command line take too).
     *
     * @throws IllegalArgumentException naming the setting at fault
     */
    public void validate() {
        ArchitectureDeclarations.BLOCKS.check(blocks);
        check(coupling != null, "Coupling type must be set (GLOW or SINGLE).");
        ArchitectureDeclarations.SUBNET_LAYERS.check(subnetLayers);
        ArchitectureDeclarations.SUBNET_WIDTH.check(subnetWidth);
        check(activation != null, "Activation must be set (RELU, LEAKY_RELU, TANH or ELU).");
        ArchitectureDeclarations.CLAMP.check(clamp);
        check(precision != null, "Precision must be set (FLOAT or DOUBLE).");
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
