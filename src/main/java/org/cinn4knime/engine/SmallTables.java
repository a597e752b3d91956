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
                    + " suits large tables; with it adapted every epoch makes about " + ((nTrain + b - 1) / b)
                    + " optimiser steps). A batch size other than the default is used as given.");
        }
        return b;
    }
}
