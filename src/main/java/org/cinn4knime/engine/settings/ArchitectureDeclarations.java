package org.cinn4knime.engine.settings;

import org.cinn4knime.engine.Activation;
import org.cinn4knime.engine.CouplingType;
import org.cinn4knime.engine.Precision;

/**
 * The settings of {@link org.cinn4knime.engine.CinnArchitecture}, declared once: the Learner's settings models and
 * dialog, the {@code train} command's options and help, the port spec and {@code CinnArchitecture.validate()} use
 * these. To add an architecture setting: declare it here (with {@link Setting#since(String)} the new version), add it
 * to {@link #ALL}, to the record and its {@code validate()}, and register it in the Learner's settings.
 */
public final class ArchitectureDeclarations {

    /** Number of coupling blocks K. */
    public static final Setting BLOCKS = Setting.integer("blocks", 6, 1, 64).label("Coupling blocks") //
        .cli("--blocks").description("coupling blocks");

    /**
     * Kind of the coupling blocks. The default AUTO (since 0.2.0) resolves at training to SPLINE for one design column
     * and GLOW otherwise; settings saved by 0.1.0 name GLOW or SINGLE and keep meaning them.
     */
    public static final Setting COUPLING = Setting.choice("coupling", CouplingType.AUTO).label("Block type") //
        .cli("--coupling").description("GLOW (two affine couplings per block), SINGLE (one), SPLINE (two "
            + "rational-quadratic spline couplings) or AUTO (SPLINE for one design column, GLOW otherwise)");

    /** Hidden layers per coupling subnetwork. */
    public static final Setting SUBNET_LAYERS = Setting.integer("subnet_layers", 2, 1, 8) //
        .label("Hidden layers per subnet").cli("--layers").description("hidden layers per subnet");

    /** Units per hidden layer. */
    public static final Setting SUBNET_WIDTH = Setting.integer("subnet_width", 128, 1, 4096) //
        .label("Subnet width (units per layer)").cli("--width").description("neurons per hidden layer of each subnet");

    /** Activation of the hidden layers. */
    public static final Setting ACTIVATION = Setting.choice("activation", Activation.RELU).label("Activation") //
        .cli("--activation").description("subnet activation");

    /**
     * Soft clamp of the log-scales, in (0, 20]. The node used to refuse values below 0.1; the engine's bound is kept
     * because it is what the mathematics needs (a small clamp is a valid, nearly volume-preserving flow) and because
     * model files written by the command line with such a clamp must keep loading.
     */
    public static final Setting CLAMP = Setting.real("clamp", 2.0, 0, 20).openBelow().label("Scale clamp") //
        .cli("--clamp").description("soft clamp of the log-scales");

    /** ActNorm layer at the start of every block. */
    public static final Setting ACT_NORM = Setting.bool("act_norm", false).label("ActNorm layers") //
        .cli("--act-norm").description("ActNorm layers with data-dependent initialisation");

    /** Float or double arithmetic. */
    public static final Setting PRECISION = Setting.choice("precision", Precision.FLOAT).label("Precision") //
        .cli("--precision").description("arithmetic");

    /** Bins K of every rational-quadratic spline (spline couplings only). */
    public static final Setting SPLINE_BINS = Setting.integer("spline_bins", 8, 2, 64).since(Setting.V0_2_0) //
        .label("Spline bins").cli("--bins").description("spline couplings: bins per spline");

    /** The splines act on [−B, B] in standardised units, the identity outside (spline couplings only). */
    public static final Setting SPLINE_TAIL_BOUND = Setting.real("spline_tail_bound", 3.0, 0, 100).openBelow()
        .since(Setting.V0_2_0).label("Spline tail bound").cli("--tail-bound")
        .description("spline couplings: the splines act on [-B, B] in standardised units, identity outside");

    /** Every architecture setting, in the order the Learner saves them. */
    public static final java.util.List<Setting> ALL = java.util.List.of(BLOCKS, COUPLING, SUBNET_LAYERS,
        SUBNET_WIDTH, ACTIVATION, CLAMP, ACT_NORM, PRECISION, SPLINE_BINS, SPLINE_TAIL_BOUND);

    private ArchitectureDeclarations() {
    }
}
