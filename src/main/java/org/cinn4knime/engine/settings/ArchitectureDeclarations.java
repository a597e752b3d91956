package org.cinn4knime.engine.settings;

import java.util.LinkedHashMap;
import java.util.Map;

import org.cinn4knime.engine.Activation;
import org.cinn4knime.engine.CinnArchitecture;
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
    public static final Setting SPLINE_BINS = Setting.integer("spline_bins", 10, 2, 64).since(Setting.V0_2_0) //
        .label("Spline bins").cli("--bins").description("spline couplings: bins per spline");

    /** The splines act on [−B, B] in standardised units, the identity outside (spline couplings only). */
    public static final Setting SPLINE_TAIL_BOUND = Setting.real("spline_tail_bound", 5.0, 0, 100).openBelow()
        .since(Setting.V0_2_0).label("Spline tail bound").cli("--tail-bound")
        .description("spline couplings: the splines act on [-B, B] in standardised units, identity outside");

    /** Every architecture setting, in the order the Learner saves them. */
    public static final java.util.List<Setting> ALL = java.util.List.of(BLOCKS, COUPLING, SUBNET_LAYERS,
        SUBNET_WIDTH, ACTIVATION, CLAMP, ACT_NORM, PRECISION, SPLINE_BINS, SPLINE_TAIL_BOUND);

    private ArchitectureDeclarations() {
    }

    /**
     * The one description of an architecture wherever it is stored (model file member {@code architecture}, the
     * Learner's port spec): its values by declaration, in the order of {@link #ALL}.
     *
     * @param a the architecture
     * @return key of each declaration → value: {@link Integer}, {@link Double}, {@link Boolean}, or the constant's
     *         name ({@link String}) for a choice
     */
    public static Map<String, Object> describe(final CinnArchitecture a) {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put(BLOCKS.key(), a.blocks());
        m.put(COUPLING.key(), a.coupling().name());
        m.put(SUBNET_LAYERS.key(), a.subnetLayers());
        m.put(SUBNET_WIDTH.key(), a.subnetWidth());
        m.put(ACTIVATION.key(), a.activation().name());
        m.put(CLAMP.key(), a.clamp());
        m.put(ACT_NORM.key(), a.actNorm());
        m.put(PRECISION.key(), a.precision().name());
        m.put(SPLINE_BINS.key(), a.bins());
        m.put(SPLINE_TAIL_BOUND.key(), a.tailBound());
        return m;
    }

    /**
     * Typed access to a stored architecture description, by setting key; each store reports its own errors.
     *
     * @param <E> the store's error
     */
    public interface Stored<E extends Exception> {
        /** @return whether the store holds the key */
        boolean has(String key) throws E;

        /** @return the whole number stored under the key */
        int integer(String key) throws E;

        /** @return the number stored under the key */
        double real(String key) throws E;

        /** @return the truth value stored under the key */
        boolean bool(String key) throws E;

        /** @return the constant whose name is stored under the key (the rule of {@code EnumValues}) */
        <T extends Enum<T>> T choice(String key, Class<T> type) throws E;
    }

    /**
     * Reads what {@link #describe} wrote. A setting added after 0.1.0 ({@link Setting#requiredOnLoad()} false) that
     * the store lacks takes its default (stores written before it existed).
     *
     * @param <E> the store's error
     * @param s the store
     * @return the architecture (not yet validated)
     * @throws E from the store: a missing or ill-typed member
     */
    public static <E extends Exception> CinnArchitecture read(final Stored<E> s) throws E {
        return new CinnArchitecture(s.integer(BLOCKS.key()), s.choice(COUPLING.key(), CouplingType.class),
            s.integer(SUBNET_LAYERS.key()), s.integer(SUBNET_WIDTH.key()), s.choice(ACTIVATION.key(), Activation.class),
            s.real(CLAMP.key()), s.bool(ACT_NORM.key()), s.choice(PRECISION.key(), Precision.class),
            absent(s, SPLINE_BINS) ? SPLINE_BINS.intDefault() : s.integer(SPLINE_BINS.key()),
            absent(s, SPLINE_TAIL_BOUND) ? SPLINE_TAIL_BOUND.doubleDefault() : s.real(SPLINE_TAIL_BOUND.key()));
    }

    private static <E extends Exception> boolean absent(final Stored<E> s, final Setting setting) throws E {
        return !setting.requiredOnLoad() && !s.has(setting.key());
    }
}
