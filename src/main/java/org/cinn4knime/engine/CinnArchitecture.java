package org.cinn4knime.engine;

import static org.cinn4knime.engine.settings.ArchitectureDeclarations.*;

import org.cinn4knime.engine.settings.ArchitectureDeclarations;

/**
 * Network architecture (immutable). Bounds and defaults: {@link ArchitectureDeclarations}.
 *
 * @param blocks number of coupling blocks (1..64)
 * @param coupling kind of the coupling blocks: GLOW, SINGLE, SPLINE, or AUTO (resolved at training: SPLINE for one
 *        design column, GLOW otherwise)
 * @param subnetLayers hidden layers per coupling subnetwork (1..8)
 * @param subnetWidth units per hidden layer (1..4096)
 * @param activation activation of the hidden layers
 * @param clamp soft clamp of the log-scale: s_c = (2·clamp/π)·atan(s/clamp), so |s_c| &lt; clamp (0 &lt; clamp ≤ 20)
 * @param actNorm whether every block starts with an ActNorm layer (data-dependent initialisation)
 * @param precision float or double arithmetic
 * @param bins spline couplings only: bins K of every rational-quadratic spline (2..64)
 * @param tailBound spline couplings only: the splines act on [−B, B] in standardised units and are the identity
 *        outside (0 &lt; B ≤ 100)
 */
public record CinnArchitecture(int blocks, CouplingType coupling, int subnetLayers, int subnetWidth,
        Activation activation, double clamp, boolean actNorm, Precision precision, int bins, double tailBound) {

    /** Default bins K of the spline couplings (the declaration's default). */
    public static final int DEFAULT_BINS = SPLINE_BINS.intDefault();
    /** Default tail bound B of the spline couplings, standardised units (the declaration's default). */
    public static final double DEFAULT_TAIL_BOUND = SPLINE_TAIL_BOUND.doubleDefault();

    /** An architecture with the default spline bins and tail bound (all that a 0.1.0 architecture has). */
    public CinnArchitecture(int blocks, CouplingType coupling, int subnetLayers, int subnetWidth,
            Activation activation, double clamp, boolean actNorm, Precision precision) {
        this(blocks, coupling, subnetLayers, subnetWidth, activation, clamp, actNorm, precision, DEFAULT_BINS,
                DEFAULT_TAIL_BOUND);
    }

    /**
     * 6 AUTO blocks (spline couplings for one design column, GLOW otherwise), 2 hidden layers of 128 ReLU units,
     * clamp 2.0, no ActNorm, float, 10 bins on [−5, 5].
     */
    public static CinnArchitecture defaults() {
        return new CinnArchitecture(BLOCKS.intDefault(),
                COUPLING.parseChoice(CouplingType.class, COUPLING.stringDefault()), SUBNET_LAYERS.intDefault(),
                SUBNET_WIDTH.intDefault(), ACTIVATION.parseChoice(Activation.class, ACTIVATION.stringDefault()),
                CLAMP.doubleDefault(), ACT_NORM.booleanDefault(),
                PRECISION.parseChoice(Precision.class, PRECISION.stringDefault()), SPLINE_BINS.intDefault(),
                SPLINE_TAIL_BOUND.doubleDefault());
    }

    /** This architecture with AUTO resolved for {@code xDim} design columns (see {@link CouplingType#resolve}). */
    public CinnArchitecture resolvedFor(int xDim) {
        return coupling == null ? this : withCoupling(coupling.resolve(xDim));
    }

    public CinnArchitecture withBins(int k) {
        return new CinnArchitecture(blocks, coupling, subnetLayers, subnetWidth, activation, clamp, actNorm, precision,
                k, tailBound);
    }

    public CinnArchitecture withTailBound(double b) {
        return new CinnArchitecture(blocks, coupling, subnetLayers, subnetWidth, activation, clamp, actNorm, precision,
                bins, b);
    }

    public CinnArchitecture withBlocks(int b) {
        return new CinnArchitecture(b, coupling, subnetLayers, subnetWidth, activation, clamp, actNorm, precision,
                bins, tailBound);
    }

    public CinnArchitecture withCoupling(CouplingType c) {
        return new CinnArchitecture(blocks, c, subnetLayers, subnetWidth, activation, clamp, actNorm, precision,
                bins, tailBound);
    }

    public CinnArchitecture withSubnetLayers(int l) {
        return new CinnArchitecture(blocks, coupling, l, subnetWidth, activation, clamp, actNorm, precision,
                bins, tailBound);
    }

    public CinnArchitecture withSubnetWidth(int w) {
        return new CinnArchitecture(blocks, coupling, subnetLayers, w, activation, clamp, actNorm, precision,
                bins, tailBound);
    }

    public CinnArchitecture withActivation(Activation a) {
        return new CinnArchitecture(blocks, coupling, subnetLayers, subnetWidth, a, clamp, actNorm, precision,
                bins, tailBound);
    }

    public CinnArchitecture withClamp(double c) {
        return new CinnArchitecture(blocks, coupling, subnetLayers, subnetWidth, activation, c, actNorm, precision,
                bins, tailBound);
    }

    public CinnArchitecture withActNorm(boolean a) {
        return new CinnArchitecture(blocks, coupling, subnetLayers, subnetWidth, activation, clamp, a, precision,
                bins, tailBound);
    }

    public CinnArchitecture withPrecision(Precision p) {
        return new CinnArchitecture(blocks, coupling, subnetLayers, subnetWidth, activation, clamp, actNorm, p,
                bins, tailBound);
    }

    /**
     * One line for people, naming the coupling kind, e.g. "6 SPLINE blocks (10 bins on [-5, 5]), subnets 2x128 RELU,
     * float" or "6 GLOW blocks, subnets 2x128 RELU, clamp 2.0, ActNorm, float".
     */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(blocks).append(' ').append(coupling).append(" blocks");
        if (coupling == CouplingType.SPLINE || coupling == CouplingType.AUTO) {
            sb.append(" (").append(bins).append(" bins on [-").append(number(tailBound)).append(", ")
                    .append(number(tailBound)).append("])");
        }
        sb.append(", subnets ").append(subnetLayers).append('x').append(subnetWidth).append(' ').append(activation);
        if (coupling != CouplingType.SPLINE) {
            sb.append(", clamp ").append(clamp);
        }
        if (actNorm) {
            sb.append(", ActNorm");
        }
        return sb.append(", ").append(precision.name().toLowerCase(java.util.Locale.ROOT)).toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Checks every value against its one declaration in {@link ArchitectureDeclarations} (the bounds the node dialog
     * and the command line take too).
     *
     * @throws IllegalArgumentException naming the setting at fault
     */
    public void validate() {
        ArchitectureDeclarations.BLOCKS.check(blocks);
        check(coupling != null, "Coupling type must be set (GLOW, SINGLE, SPLINE or AUTO).");
        ArchitectureDeclarations.SUBNET_LAYERS.check(subnetLayers);
        ArchitectureDeclarations.SUBNET_WIDTH.check(subnetWidth);
        check(activation != null, "Activation must be set (RELU, LEAKY_RELU, TANH or ELU).");
        ArchitectureDeclarations.CLAMP.check(clamp);
        check(precision != null, "Precision must be set (FLOAT or DOUBLE).");
        ArchitectureDeclarations.SPLINE_BINS.check(bins);
        ArchitectureDeclarations.SPLINE_TAIL_BOUND.check(tailBound);
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
