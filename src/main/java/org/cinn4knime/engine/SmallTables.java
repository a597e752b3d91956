package org.cinn4knime.engine;

import java.util.List;

/**
 * Defaults that work on small real tables (issue 10, item 5): the default batch size of 500 suits tables of tens of
 * thousands of rows; on a table of 50–4,000 rows it would be the whole table or more. When the batch size is left at
 * its default, it adapts to the training rows: {@code min(500, max(16, nTrain / 8))}, never above nTrain, so that
 * every epoch makes at least about 8 optimiser steps. Any other batch size is used as given (a batch larger than the
 * training rows then fails with an error naming the setting).
 */
final class SmallTables {
    /** Smallest adapted batch. */
    static final int MIN_BATCH = 16;
    /** Optimiser steps per epoch the adapted batch aims at. */
    static final int STEPS_PER_EPOCH = 8;
    /**
     * Below this many training rows the trainer warns that the model will mostly memorise them. Why 20: below it
     * the adapted batch ({@link #MIN_BATCH} = 16 rows) is the whole table or more than half of it, so an epoch is one
     * or two optimiser steps over the same rows, and the default 10 % validation share holds out at most 2 rows — too
     * few for the validation loss (and early stopping) to show overfitting.
     */
    static final int FEW_ROWS = 20;

    private SmallTables() {
    }

    /**
     * The batch size to train with.
     *
     * @param setting the batch size setting
     * @param nTrain training rows (after the validation split)
     * @param notes receives a note saying what was chosen, when it was adapted
     */
    static int batchSize(int setting, int nTrain, List<String> notes) {
        int def = TrainingSettings.defaults().batchSize();
        if (setting != def) {
            return setting;
        }
        int b = Math.min(nTrain, Math.min(def, Math.max(MIN_BATCH, nTrain / STEPS_PER_EPOCH)));
        if (b != setting) {
            notes.add("Batch size " + b + " was chosen for the " + nTrain + " training rows (the default " + def
                    + " suits large tables; with it adapted every epoch makes about "
                    + plural((nTrain + b - 1) / b, "optimiser step") + "). A batch size other than the default is "
                    + "used as given.");
        }
        return b;
    }

    /**
     * The warning for a table too small to learn a distribution from, or null for {@link #FEW_ROWS} training rows
     * or more.
     *
     * @param nTrain training rows (after the validation split)
     * @param nVal validation rows
     * @param arch the network to be trained (its size is named)
     */
    static String fewRowsWarning(int nTrain, int nVal, CinnArchitecture arch) {
        if (nTrain >= FEW_ROWS) {
            return null;
        }
        return "Only " + plural(nTrain, "training row") + " (and " + plural(nVal, "validation row") + "): too few "
                + "to learn a distribution from, so the network (" + arch.blocks() + " blocks, subnets "
                + arch.subnetLayers() + "×" + arch.subnetWidth() + ") will mostly memorise these rows: its designs "
                + "for a target stay close to the training rows' designs and its log-densities for them are too high. "
                + "Judge it on rows it was not trained on (score a separate table; "
                + (nVal < 5 ? "the validation loss of " + plural(nVal, "row") + " says little"
                        : "watch the validation loss")
                + "), re-simulate some designs if you can, and prefer a smaller network (fewer blocks, narrower "
                + "subnets) or more rows.";
    }

    /** "1 row", "2 rows". */
    static String plural(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }
}
