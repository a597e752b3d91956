package org.cinn4knime.engine.settings;

import java.util.List;

/**
 * The settings of {@link org.cinn4knime.engine.TrainingSettings}, declared once (see {@link Setting}).
 *
 * <p>
 * Bounds reconciled in 0.2.0 (the node and the engine used to disagree; one set now, the engine's
 * {@code validate()} checks it, so a model trained on the command line always has settings the dialog accepts):
 * <ul>
 * <li>learning rate (0, 1]: Adam moves every weight by about the learning rate per step, so a rate above 1 always
 * diverges; there is no useful lower limit (the node's 1e-7 is gone);</li>
 * <li>weight decay [0, 1]: a penalty above 1 outweighs the likelihood for every weight of unit size, so the network
 * learns nothing; usual values are 1e-6 to 1e-2;</li>
 * <li>gradient clip [0, ∞), 0 = off: the engine also took negative values as "off"; one spelling of "off" is
 * enough, and the node's upper limit of 1e6 was arbitrary;</li>
 * <li>learning-rate decay factor (0, 1] and instability threshold (any finite number): the engine's; the node's
 * 1e-6 and ±1e6 limits were arbitrary;</li>
 * <li>patience [0, 100000]: the node's (more than the maximum number of epochs is meaningless);</li>
 * <li>seed: a 32-bit integer. KNIME's integer settings models (and flow variables) hold int, the engine's record a
 * long; the engine accepts the int range only, so every front end takes the same seeds.</li>
 * </ul>
 */
public final class TrainingDeclarations {

    /** Passes over the training rows. */
    public static final Setting EPOCHS = Setting.integer("epochs", 50, 1, 100_000).label("Epochs") //
        .cli("--epochs").description("training epochs");

    /** Rows per optimiser step. */
    public static final Setting BATCH_SIZE = Setting.integer("batch_size", 500, 1, 1_000_000).label("Batch size") //
        .cli("--batch").description("rows per batch; the default 500 adapts to small tables: min(500, max(16, "
            + "training rows / 8))");

    /** Adam learning rate. */
    public static final Setting LEARNING_RATE = Setting.real("learning_rate", 1e-3, 0, 1).openBelow() //
        .label("Learning rate").cli("--lr").description("learning rate of Adam");

    /** Adam β1, new in 0.2.0. */
    public static final Setting ADAM_BETA1 = Setting.real("adam_beta1", 0.9, 0, 1).openAbove().since(Setting.V0_2_0)
        .label("Adam beta1 (first-moment decay)").cli("--beta1")
        .description("Adam's decay rate of the running gradient mean");

    /** Adam β2, new in 0.2.0. */
    public static final Setting ADAM_BETA2 = Setting.real("adam_beta2", 0.999, 0, 1).openAbove()
        .since(Setting.V0_2_0).label("Adam beta2 (second-moment decay)").cli("--beta2")
        .description("Adam's decay rate of the running squared-gradient mean");

    /** L2 penalty added to the gradient. */
    public static final Setting WEIGHT_DECAY = Setting.real("weight_decay", 1e-5, 0, 1).label("Weight decay") //
        .cli("--weight-decay").description("L2 weight decay, 0 = off");

    /** Fraction of the rows held out for validation; the node shows it in percent. */
    public static final Setting VALIDATION_FRACTION = Setting.real("validation_percent", 0.1, 0, 0.5).nodeScale(100)
        .label("Validation rows (%)").cli("--val-fraction").description("fraction of rows held out for validation");

    /** Early-stopping patience in epochs, 0 = off. */
    public static final Setting PATIENCE = Setting.integer("patience", 10, 0, 100_000) //
        .label("Early-stopping patience (epochs, 0 = off)").cli("--patience")
        .description("stop after this many epochs without validation improvement, 0 = off");

    /** Global gradient-norm clipping threshold, 0 = off. */
    public static final Setting GRADIENT_CLIP = Setting.real("gradient_clip", 10.0, 0, Double.POSITIVE_INFINITY)
        .label("Gradient clipping norm (0 = off)").cli("--clip").description("global gradient-norm clipping, 0 = off");

    /** Factor applied to the learning rate at every decay point. */
    public static final Setting LR_DECAY_FACTOR = Setting.real("lr_decay_factor", 0.1, 0, 1).openBelow()
        .label("Learning-rate decay factor (1 = none)").cli("--lr-decay")
        .description("learning-rate factor at each decay point, 1 = none");

    /**
     * Fractions of the epochs after which the learning rate decays, comma-separated, each in (0, 1); checked by
     * {@code TrainingSettings.validate()}.
     */
    public static final Setting LR_DECAY_AT = Setting.text("lr_decay_at", "0.67, 0.87")
        .label("Decay after these fractions of the epochs (e.g. 0.67, 0.87)").cli("--lr-decay-at")
        .description("fractions of the epochs after which the learning rate decays, comma-separated, each in (0, 1)");

    /** Loss per dimension below which the trainer warns. */
    public static final Setting INSTABILITY_THRESHOLD = Setting.real("instability_threshold", -7.5,
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY).label("Instability threshold per dimension (nats)")
        .cli("--instability-threshold").description("warn when the loss per dimension falls below this");

    /** Seed of initialisation, validation split and shuffling (and of the latent draws when sampling). */
    public static final Setting SEED = Setting.integer("seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE) //
        .label("Random seed").cli("--seed").description("random seed; the same seed gives the same result");

    /**
     * Worker threads of one training, sampling or scoring call (its own pool; ND4J itself stays single-threaded);
     * default the machine's cores as the JVM sees them (at most 256). Results do not depend on it.
     */
    public static final Setting THREADS = Setting.integer("threads",
        Math.max(1, Math.min(256, Runtime.getRuntime().availableProcessors())), 1, 256).label("CPU threads") //
        .cli("--threads").description("worker threads (default: the machine's cores); results do not depend on the "
            + "number of threads");

    /** Every training setting, in the order the Learner saves them. */
    public static final List<Setting> ALL = List.of(EPOCHS, BATCH_SIZE, LEARNING_RATE, WEIGHT_DECAY,
        VALIDATION_FRACTION, PATIENCE, GRADIENT_CLIP, LR_DECAY_FACTOR, LR_DECAY_AT, INSTABILITY_THRESHOLD, SEED,
        THREADS, ADAM_BETA1, ADAM_BETA2);

    private TrainingDeclarations() {
    }
}
