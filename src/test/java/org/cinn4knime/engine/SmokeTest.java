package org.cinn4knime.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cinn4knime.engine.ik.InverseKinematics;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void trainsAndInverts() throws Exception {
        double[][] x = InverseKinematics.samplePrior(4000, 1);
        double[][] y = InverseKinematics.forward(x);
        TrainingData data = new TrainingData(InverseKinematics.X_NAMES, x, InverseKinematics.Y_NAMES, y, null);
        long t0 = System.nanoTime();
        TrainingResult r = CinnTrainer.train(data, CinnArchitecture.defaults(),
                TrainingSettings.defaults().withEpochs(3), ProgressListener.NONE);
        System.out.println("train s " + (System.nanoTime() - t0) / 1e9 + " " + r.history() + " " + r.warnings());
        ForwardResult f = r.model().forward(x, y);
        double[][] back = r.model().inverse(f.z(), y);
        double max = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 4; j++) {
                max = Math.max(max, Math.abs(back[i][j] - x[i][j]));
            }
        }
        System.out.println("max err " + max);
        assertTrue(max < 1e-4);
    }
}
