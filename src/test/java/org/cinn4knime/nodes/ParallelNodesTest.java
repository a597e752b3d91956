package org.cinn4knime.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.cinn4knime.engine.ik.InverseKinematics;
import org.cinn4knime.nodes.learner.CinnLearnerNodeFactory;
import org.cinn4knime.nodes.port.CinnPortObject;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.NodeModelHarness;
import org.knime.core.node.NodeSettings;

/**
 * Issue 9 through the KNIME stand-in: two Learners training at once, each with its own threads, finish with the
 * models they produce alone, and a Learner on several threads cancels within one batch.
 */
class ParallelNodesTest {

    private static NodeModelHarness learner(final int threads, final int seed, final int epochs) throws Exception {
        final NodeModelHarness h = new NodeModelHarness(new CinnLearnerNodeFactory().createNodeModel());
        NodeTestData.smallLearner(h, epochs);
        final NodeSettings s = h.saveSettings();
        s.addInt("threads", threads);
        s.addInt("seed", seed);
        s.addInt("batch_size", 600); // 3 shards
        h.loadSettings(s);
        return h;
    }

    /** log p(x | y) of fixed rows under a trained model: equal arrays mean equal weights for our purpose. */
    private static double[] fingerprint(final CinnPortObject model) throws Exception {
        final double[][] x = InverseKinematics.samplePrior(500, 77);
        return model.getModel().logDensity(x, InverseKinematics.forward(x));
    }

    private static double[] train(final NodeModelHarness h, final BufferedDataTable data) throws Exception {
        return fingerprint((CinnPortObject)h.execute(data)[0]);
    }

    @Test
    void twoLearnersAtOnceGiveTheModelsTheyGiveAlone() throws Exception {
        final BufferedDataTable data = NodeTestData.ikTable(2000, 5);
        final double[] aloneA = train(learner(2, 1, 2), data);
        final double[] aloneB = train(learner(3, 2, 2), data);
        assertFalse(Arrays.equals(aloneA, aloneB), "different seeds, different models");
        assertArrayEquals(aloneA, train(learner(1, 1, 2), data), 0.0, "one thread gives the two-thread model");
        final ExecutorService ex = Executors.newFixedThreadPool(2);
        try {
            final NodeModelHarness a = learner(2, 1, 2);
            final NodeModelHarness b = learner(3, 2, 2);
            final Future<double[]> fa = ex.submit(() -> train(a, data));
            final Future<double[]> fb = ex.submit(() -> train(b, data));
            assertArrayEquals(aloneA, fa.get(), 0.0);
            assertArrayEquals(aloneB, fb.get(), 0.0);
        } finally {
            ex.shutdown();
        }
    }

    @Test
    void learnerOnSeveralThreadsCancelsWithinOneBatch() throws Exception {
        final NodeModelHarness h = learner(3, 1, 50);
        h.cancelAfter(3);
        assertThrows(CanceledExecutionException.class, () -> h.execute(NodeTestData.ikTable(2000, 5)));
        assertTrue(h.progressCalls() <= 4, "one batch at most after the cancel request: " + h.progressCalls()
            + " progress calls");
        assertEquals(0, h.progressMessages().stream().filter(m -> m.startsWith("Epoch 2/")).count());
    }
}
