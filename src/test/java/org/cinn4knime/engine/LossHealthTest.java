package org.cinn4knime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The loss-health judgement of {@link LossHealth#judge} on synthetic histories. */
class LossHealthTest {
    static final int D = 2;

    /** Epochs 1… with these losses (val may be null: no validation rows); best marks the kept epoch so far. */
    static List<EpochStats> history(double[] train, double[] val) {
        List<EpochStats> h = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < train.length; i++) {
            double v = val == null ? Double.NaN : val[i];
            boolean isBest = val == null || v < best;
            if (isBest && val != null) {
                best = v;
            }
            h.add(new EpochStats(i + 1, train[i], v, 1e-3, isBest));
        }
        return h;
    }

    static LossHealth judge(double[] train, double[] val, int bestEpoch, int patience) {
        TrainingSettings s = TrainingSettings.defaults().withPatience(patience);
        return LossHealth.judge(history(train, val), bestEpoch, s, D);
    }

    @Test
    void healthyRunHasNoWarningAndNoNote() {
        LossHealth h = judge(new double[] {3.0, 2.5, 2.0, 1.8, 1.7},
                new double[] {3.1, 2.6, 2.1, 1.9, 1.8}, 5, 3);
        assertEquals(List.of(), h.warnings());
        assertEquals(List.of(), h.notes());
    }

    @Test
    void validationRisingWhileTrainingFallsForPatienceEpochsIsOverfitting() {
        double[] train = {2.0, 1.9, 1.8, 1.7, 1.6, 1.5, 1.4};
        double[] val = {2.1, 2.0, 1.9, 1.8, 1.85, 1.9, 1.95}; // rises for 3 epochs after epoch 4
        LossHealth h = judge(train, val, 4, 3);
        assertEquals(1, h.warnings().size(), h.warnings().toString());
        String w = h.warnings().get(0);
        assertTrue(w.startsWith("Overfitting: the validation loss rose for 3 epochs in a row while the training "
                + "loss fell") && w.contains("best epoch 4 is kept"), w);
        // patience 4: three rising epochs are not enough
        assertEquals(List.of(), judge(train, val, 4, 4).warnings());
        // without early stopping the window is 5 epochs
        assertEquals(List.of(), judge(train, val, 4, 0).warnings());
        // rising validation while the training loss rises too is no sign of overfitting
        double[] trainUp = {2.0, 1.9, 1.8, 1.7, 1.75, 1.8, 1.85};
        assertEquals(List.of(), judge(trainUp, val, 4, 3).warnings());
    }

    @Test
    void largeFinalGapIsOverfitting() {
        // gap 1.2 nats per row over D = 2 dimensions: 0.6 per dimension > 0.5
        LossHealth h = judge(new double[] {2.0, 1.0, 0.0}, new double[] {2.1, 1.8, 1.2}, 3, 3);
        assertEquals(1, h.warnings().size(), h.warnings().toString());
        assertTrue(h.warnings().get(0).startsWith("Overfitting: at the end the validation loss is 0.6000 nats per "
                + "dimension above the training loss"), h.warnings().get(0));
        // 0.45 per dimension: fine
        assertEquals(List.of(), judge(new double[] {2.0, 1.0, 0.3}, new double[] {2.1, 1.8, 1.2}, 3, 3).warnings());
        // no validation rows: no gap to judge
        assertEquals(List.of(), judge(new double[] {2.0, 1.0, 0.0}, null, 3, 3).warnings());
        // early stopping kept epoch 2 (gap 0.4 per dimension); the later, overfitted epochs are not in the model
        assertEquals(List.of(), judge(new double[] {2.0, 1.0, 0.0, -1.0}, new double[] {2.1, 1.8, 2.0, 2.2}, 2, 3)
                .warnings());
        h = judge(new double[] {2.0, 0.5, 0.0, -1.0}, new double[] {2.1, 1.8, 2.0, 2.2}, 2, 3);
        assertEquals(1, h.warnings().size(), h.warnings().toString());
        assertTrue(h.warnings().get(0).startsWith("Overfitting: in the kept epoch 2 the validation loss is 0.6500"),
                h.warnings().get(0));
    }

    @Test
    void lossBelowTheThresholdWarnsOfInstabilityAndNamesTheSetting() {
        // best validation loss -16 over D = 2: -8 nats per dimension < -7.5 (the default threshold)
        LossHealth h = judge(new double[] {-5, -12, -16.2}, new double[] {-5, -12, -16}, 3, 3);
        assertEquals(1, h.warnings().size(), h.warnings().toString());
        String w = h.warnings().get(0);
        assertTrue(w.startsWith("The loss fell to -8.000 nats per dimension, below the threshold of -7.500"), w);
        assertTrue(w.contains("Learner setting 'Instability threshold per dimension (nats)'")
                && w.contains("--instability-threshold"), w);
        // a negative loss is a note, not a warning
        assertEquals(1, h.notes().size());
        assertTrue(h.notes().get(0).startsWith("The loss went negative (lowest training loss -16.20 nats per row)"),
                h.notes().get(0));
        // -7 per dimension is above the threshold
        LossHealth ok = judge(new double[] {-5, -12, -14.2}, new double[] {-5, -12, -14}, 3, 3);
        assertEquals(List.of(), ok.warnings());
        assertEquals(1, ok.notes().size());
        // the kept epoch counts, not the last one; without validation its training loss
        assertEquals(1, judge(new double[] {-5, -16, -14}, null, 2, 3).warnings().size());
        assertEquals(List.of(), judge(new double[] {-5, -16, -14}, null, 3, 3).warnings());
    }
}
