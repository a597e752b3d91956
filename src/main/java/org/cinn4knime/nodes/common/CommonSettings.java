package org.cinn4knime.nodes.common;

import org.cinn4knime.engine.TrainingSettings;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;

/** Settings models that several cINN nodes offer under the same key. */
public final class CommonSettings {

    /** Key of the random seed. */
    public static final String CFG_SEED = "seed";

    /** Key of the number of CPU threads for the neural network library. */
    public static final String CFG_THREADS = "threads";

    /**
     * Default seed: the engine's (and thus the command line's), a fixed number so that scheduled runs repeat exactly.
     */
    public static final int DEFAULT_SEED = Math.toIntExact(TrainingSettings.defaults().seed());

    /** Upper bound of the thread setting. */
    public static final int MAX_THREADS = 256;

    private CommonSettings() {
    }

    /** @return a new seed model */
    public static SettingsModelInteger createSeedModel() {
        return new SettingsModelInteger(CFG_SEED, DEFAULT_SEED);
    }

    /** @return a new threads model (1..256, default the engine's: 1, fastest for small networks) */
    public static SettingsModelIntegerBounded createThreadsModel() {
        return new SettingsModelIntegerBounded(CFG_THREADS, TrainingSettings.defaults().threads(), 1, MAX_THREADS);
    }
}
