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

    /** Two couplings per block (GLOW) or one (SINGLE). */
    public static final Setting COUPLING = Setting.choice("coupling", CouplingType.GLOW).label("Block type") //
        .cli("--coupling").description("GLOW (two couplings per block) or SINGLE (one)");

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

    /** Every architecture setting, in the order the Learner saves them. */
    public static final java.util.List<Setting> ALL =
        java.util.List.of(BLOCKS, COUPLING, SUBNET_LAYERS, SUBNET_WIDTH, ACTIVATION, CLAMP, ACT_NORM, PRECISION);

    private ArchitectureDeclarations() {
    }
}
