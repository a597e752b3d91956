package org.cinn4knime.engine.settings;

import java.util.List;

/**
 * The settings of sampling ({@code CinnModel.sample}, the Sampler node, the {@code sample} command) and scoring,
 * declared once (see {@link Setting}). The seed and the thread count are {@link TrainingDeclarations#SEED} and
 * {@link TrainingDeclarations#THREADS}.
 */
public final class SamplingDeclarations {

    /** Designs generated per target row. */
    public static final Setting SAMPLES_PER_ROW = Setting.integer("samples_per_row", 100, 1, 10_000_000)
        .label("Designs per target row").cli("--n").description("designs per target row");

    /**
     * Scale T of the latent draws z ~ N(0, T²·I), in (0, 10]: the node's upper limit (beyond it the draws lie far
     * outside anything the network saw), no lower limit but 0 (a small T gives the most typical designs).
     */
    public static final Setting TEMPERATURE = Setting.real("temperature", 1.0, 0, 10).openBelow()
        .label("Temperature").cli("--temperature")
        .description("scale of the latent draws z ~ N(0, T²I); below 1 gives more typical, less diverse designs");

    /** Whether log p(x | y) is added to every design. */
    public static final Setting APPEND_LOG_DENSITY = Setting.bool("append_log_density", false)
        .label("Append log p(x|y)").cli("--log-density").description("add the column log_density");

    /** Every sampling setting. */
    public static final List<Setting> ALL = List.of(SAMPLES_PER_ROW, TEMPERATURE, APPEND_LOG_DENSITY);

    private SamplingDeclarations() {
    }
}
