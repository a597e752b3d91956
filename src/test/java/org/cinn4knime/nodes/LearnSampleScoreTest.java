package org.cinn4knime.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cinn4knime.engine.CouplingType;
import org.cinn4knime.engine.ik.InverseKinematics;
import org.cinn4knime.nodes.learner.CinnLearnerNodeFactory;
import org.cinn4knime.nodes.port.CinnPortObject;
import org.cinn4knime.nodes.port.CinnPortObjectSpec;
import org.cinn4knime.nodes.port.CinnPortObjectSpec.TrainingSummary;
import org.cinn4knime.nodes.sampler.CinnSamplerNodeFactory;
import org.cinn4knime.nodes.scorer.CinnScorerNodeFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.data.BooleanValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeModelHarness;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;

/**
 * End to end on the inverse-kinematics task (4 arm parameters x, end point y): learn, sample designs for held-out
 * targets, re-simulate them, and score held-out rows.
 */
class LearnSampleScoreTest {

    private static final int EPOCHS = 30;

    private static CinnPortObject s_model;

    private static BufferedDataTable s_history;

    private static NodeModelHarness s_learner;

    @BeforeAll
    static void learn() throws Exception {
        s_learner = new NodeModelHarness(new CinnLearnerNodeFactory().createNodeModel());
        NodeTestData.smallLearner(s_learner, EPOCHS);
        final PortObject[] out = s_learner.execute(NodeTestData.ikTable(3000, 1));
        s_model = (CinnPortObject)out[0];
        s_history = (BufferedDataTable)out[1];
    }

    @Test
    void executedModelSpecNamesTheCouplingTheConfiguredSpecNames() throws Exception {
        // the default block type AUTO is resolved at configure (4 design columns: GLOW); execute must say the same
        final CinnPortObjectSpec configured = (CinnPortObjectSpec)s_learner
            .configure(NodeTestData.ikTable(10, 1).getDataTableSpec())[0];
        assertEquals(CouplingType.GLOW, configured.getArchitecture().coupling());
        assertEquals(configured.getArchitecture(), s_model.getSpec().getArchitecture());
        assertEquals(s_model.getModel().architecture(), s_model.getSpec().getArchitecture());
    }

    @Test
    void learnerReportsHistorySummaryAndProgress() {
        final List<Double> train = new ArrayList<>();
        int best = 0;
        double bestNll = Double.NaN;
        for (DataRow r : s_history) {
            assertEquals(train.size() + 1, ((IntValue)r.getCell(0)).getIntValue());
            train.add(((DoubleValue)r.getCell(1)).getDoubleValue());
            assertFalse(r.getCell(2).isMissing(), "validation loss present with 10 % validation rows");
            assertEquals(s_model.getModel().lossToNll(((DoubleValue)r.getCell(2)).getDoubleValue()),
                ((DoubleValue)r.getCell(3)).getDoubleValue(), 0.0, "validation NLL = validation loss in data units");
            if (((BooleanValue)r.getCell(5)).getBooleanValue()) {
                best++;
                bestNll = ((DoubleValue)r.getCell(3)).getDoubleValue();
            }
        }
        assertEquals(EPOCHS, train.size());
        assertEquals(1, best, "exactly one epoch flagged best");
        assertTrue(train.get(EPOCHS - 1) < train.get(0) - 1, "training loss fell by more than 1 nat: " + train);
        assertTrue(train.get(EPOCHS - 1) < 0, "a good IK model has negative loss (concentrated density): " + train);

        final TrainingSummary sum = s_model.getSpec().getTrainingSummary();
        assertEquals(3000, sum.rows());
        assertEquals(EPOCHS, sum.epochsTrained());
        assertTrue(sum.bestLoss() < 0, "best validation loss " + sum.bestLoss());
        assertEquals(bestNll, sum.bestValidationNll(), 0.0, "summary NLL = the best epoch's validation NLL");
        assertTrue(s_model.getSummary().contains("best validation NLL "
            + String.format(java.util.Locale.ROOT, "%.4f", sum.bestValidationNll()) + " nats per row"),
            s_model.getSummary());
        assertTrue(s_model.getSummary().contains("The training loss is negative, which is normal"),
            "the negative-loss note is in the port summary: " + s_model.getSummary());
        assertTrue(s_learner.progressMessages().stream()
            .anyMatch(m -> m.startsWith("Training - Epoch " + EPOCHS + "/") && m.contains("validation loss")),
            "progress shows the epoch and losses: " + s_learner.progressMessages());
        // KNIME (DefaultNodeProgressMonitor.createAppendedMessage) appends the training sub monitor's message to the
        // node's: every phase sets its own parent message, so no epoch reads as "Reading the training table - ..."
        assertEquals("Reading the training table", s_learner.progressMessages().get(0));
        assertTrue(s_learner.progressMessages().stream().filter(m -> m.contains("Epoch "))
            .allMatch(m -> m.startsWith("Training - Epoch ")), "epochs under 'Training': "
                + s_learner.progressMessages());
        assertTrue(s_learner.cancelChecks() > EPOCHS, "cancel polled at least once per epoch");
        assertTrue(s_learner.warning() == null || !s_learner.warning().contains("went negative"),
            "a negative loss is normal and never a warning: " + s_learner.warning());
    }

    @Test
    void engineLossHealthWarningsBecomeTheLearnersWarning() throws Exception {
        final NodeModelHarness h = new NodeModelHarness(new CinnLearnerNodeFactory().createNodeModel());
        NodeTestData.smallLearner(h, 2);
        final NodeSettings s = h.saveSettings();
        s.addDouble("instability_threshold", 50.0); // every loss per dimension is below it
        s.addString("lr_decay_at", "");
        h.loadSettings(s);
        final PortObject[] out = h.execute(NodeTestData.ikTable(600, 3));
        assertTrue(h.warning() != null && h.warning().contains("below the threshold of 50")
            && h.warning().contains("Instability threshold per dimension (nats)"), "node warning: " + h.warning());
        for (DataRow r : (BufferedDataTable)out[1]) {
            assertEquals(5e-3, ((DoubleValue)r.getCell(4)).getDoubleValue(), 0.0,
                "no decay points: constant learning rate");
        }
    }

    @Test
    void sampledDesignsReachTheirTargets() throws Exception {
        final double[][] targets = InverseKinematics.forward(InverseKinematics.samplePrior(20, 99));
        final NodeModelHarness h = new NodeModelHarness(new CinnSamplerNodeFactory().createNodeModel());
        final NodeSettings s = h.saveSettings();
        s.addInt("samples_per_row", 50);
        s.addBoolean("append_log_density", true);
        h.loadSettings(s);
        final BufferedDataTable out = (BufferedDataTable)h.execute(s_model, NodeTestData.targets(targets))[0];
        assertEquals(1000, out.size());
        final DataTableSpec spec = out.getDataTableSpec();
        final int x0 = spec.findColumnIndex("x0");
        final int src = spec.findColumnIndex("Source row ID");
        final int idx = spec.findColumnIndex("Sample index");
        final int logp = spec.findColumnIndex("log p(x|y)");
        double errSum = 0;
        final Map<String, Set<Integer>> samples = new HashMap<>();
        for (DataRow r : out) {
            final String source = ((StringValue)r.getCell(src)).getStringValue();
            final int t = Integer.parseInt(source.substring(1));
            final int k = ((IntValue)r.getCell(idx)).getIntValue();
            assertEquals(source + "_" + k, r.getKey().getString());
            samples.computeIfAbsent(source, q -> new HashSet<>()).add(k);
            assertEquals(targets[t][0], ((DoubleValue)r.getCell(0)).getDoubleValue(), 0.0, "target copied");
            final double[] x = new double[4];
            for (int j = 0; j < 4; j++) {
                x[j] = ((DoubleValue)r.getCell(x0 + j)).getDoubleValue();
            }
            final double[] y = InverseKinematics.forward(x);
            errSum += Math.hypot(y[0] - targets[t][0], y[1] - targets[t][1]);
            assertTrue(Double.isFinite(((DoubleValue)r.getCell(logp)).getDoubleValue()));
        }
        assertEquals(20, samples.size());
        samples.values().forEach(v -> assertEquals(50, v.size()));
        final double meanErr = errSum / 1000;
        // end points spread over about 2 units; the table's measurement noise alone accounts for about 0.025
        assertTrue(meanErr < 0.1, "mean re-simulation error " + meanErr);
        System.out.printf("IK end to end: mean re-simulation error %.4f%n", meanErr);
    }

    @Test
    void targetsOutsideTheTrainingDataAreFlaggedBySamplerAndScorer() throws Exception {
        final NodeModelHarness h = new NodeModelHarness(new CinnSamplerNodeFactory().createNodeModel());
        final NodeSettings s = h.saveSettings();
        s.addInt("samples_per_row", 4);
        h.loadSettings(s);
        final BufferedDataTable targets = NodeTestData.targets(new double[][]{{1.5, 0.2}, {50, 0.2}, {1.0, -0.4}});
        final BufferedDataTable out = (BufferedDataTable)h.execute(s_model, targets)[0];
        assertEquals(12, out.size(), "designs for the flagged target are still produced");
        final DataTableSpec spec = out.getDataTableSpec();
        final int in = spec.findColumnIndex("Target in training range");
        final int dist = spec.findColumnIndex("Target distance");
        final int src = spec.findColumnIndex("Source row ID");
        final List<String> keys = new ArrayList<>();
        for (DataRow r : targets) {
            keys.add(r.getKey().getString());
        }
        for (DataRow r : out) {
            final boolean far = ((StringValue)r.getCell(src)).getStringValue().equals(keys.get(1));
            assertEquals(!far, ((BooleanValue)r.getCell(in)).getBooleanValue(), r.getKey().getString());
            assertEquals(far, ((DoubleValue)r.getCell(dist)).getDoubleValue() > 1, r.getKey().getString());
        }
        assertTrue(h.warning() != null && h.warning().startsWith("1 of 3 target rows lie outside the training "
            + "targets (first: row '" + keys.get(1) + "'") && h.warning().contains("'y0' = 50"), h::warning);

        final NodeModelHarness sc = new NodeModelHarness(new CinnScorerNodeFactory().createNodeModel());
        final BufferedDataTable scored = (BufferedDataTable)sc.execute(s_model, NodeTestData.ikTable(50, 4))[0];
        final int sin = scored.getDataTableSpec().findColumnIndex("Target in training range");
        long flagged = 0;
        for (DataRow r : scored) {
            flagged += ((BooleanValue)r.getCell(sin)).getBooleanValue() ? 0 : 1;
        }
        assertTrue(flagged <= 1, flagged + " of 50 rows like the training rows flagged");
        assertEquals(flagged > 0, sc.warning() != null, sc::warning);
        // a row whose y is far outside: the Scorer warns in the Sampler's words
        final List<DataRow> rows = new ArrayList<>();
        for (DataRow r : NodeTestData.ikTable(3, 5)) {
            rows.add(r);
        }
        final DataCell[] far = new DataCell[7];
        for (int c = 0; c < 7; c++) {
            far[c] = rows.get(1).getCell(c);
        }
        far[4] = new DoubleCell(50);
        rows.set(1, new DefaultRow(rows.get(1).getKey(), far));
        final NodeModelHarness sf = new NodeModelHarness(new CinnScorerNodeFactory().createNodeModel());
        sf.execute(s_model, NodeModelHarness.createTable(NodeTestData.ikSpec(), rows.toArray(DataRow[]::new)));
        assertTrue(sf.warning() != null && sf.warning().startsWith("1 of 3 rows lie outside the training targets "
            + "(first: row 'Row1': 'y0' = 50") && sf.warning().contains("(column 'Target in training range' is false)"),
            sf::warning);
    }

    @Test
    void sameSeedSameDesignsOtherSeedOtherDesigns() throws Exception {
        final BufferedDataTable targets = NodeTestData.targets(new double[][]{{1.5, 0.2}, {1.0, -0.4}});
        final List<Double> a = designs(targets, 7);
        assertEquals(a, designs(targets, 7));
        assertFalse(a.equals(designs(targets, 8)));
    }

    private static List<Double> designs(final BufferedDataTable targets, final int seed) throws Exception {
        final NodeModelHarness h = new NodeModelHarness(new CinnSamplerNodeFactory().createNodeModel());
        final NodeSettings s = h.saveSettings();
        s.addInt("samples_per_row", 5);
        s.addInt("seed", seed);
        h.loadSettings(s);
        final List<Double> v = new ArrayList<>();
        for (DataRow r : (BufferedDataTable)h.execute(s_model, targets)[0]) {
            v.add(((DoubleValue)r.getCell(2)).getDoubleValue());
        }
        return v;
    }

    /**
     * As KNIME's Node.fixupInputDataOnExecute / Node.copyPortObject: the Sampler and the Scorer execute on a copy of the
     * model made by the port's serializers, and their messages replace "Copying input object at port 1" (KNIME 5.2 to
     * 5.4 leave it as the node's message until the node sets its own; DefaultNodeProgressMonitor appends below it).
     */
    @Test
    void samplerAndScorerRunOnASerializerCopyOfTheModel() throws Exception {
        final BufferedDataTable targets = NodeTestData.targets(new double[][]{{1.5, 0.2}, {1.0, -0.4}});
        final NodeModelHarness sampler = new NodeModelHarness(new CinnSamplerNodeFactory().createNodeModel());
        final BufferedDataTable designs = (BufferedDataTable)sampler.execute(s_model, targets)[0];
        final CinnPortObject sampledWith = (CinnPortObject)sampler.executedInputs()[0];
        assertTrue(sampledWith != s_model && sampledWith.getModel() != s_model.getModel(),
            "the Sampler got a serializer copy, not the Learner's object");
        assertEquals(targets, sampler.executedInputs()[1], "tables are handed over as they are");
        final List<Double> fromCopy = new ArrayList<>();
        for (DataRow r : designs) {
            fromCopy.add(((DoubleValue)r.getCell(2)).getDoubleValue());
        }
        final NodeSettings set = sampler.saveSettings();
        final List<Double> fromOriginal = new ArrayList<>();
        s_model.getModel().sample(new double[][]{{1.5, 0.2}, {1.0, -0.4}}, set.getInt("samples_per_row"),
            set.getDouble("temperature"), set.getInt("seed"), false,
            c -> java.util.Arrays.stream(c.designs()).forEach(d -> fromOriginal.add(d[0])), null);
        assertEquals(fromOriginal, fromCopy, "the copy samples exactly the designs of the original model");
        assertMessagesReplaceTheCopyMessage(sampler, "Generated " + designs.size() + " designs");

        final NodeModelHarness scorer = new NodeModelHarness(new CinnScorerNodeFactory().createNodeModel());
        scorer.execute(s_model, NodeTestData.ikTable(50, 4));
        assertTrue(scorer.executedInputs()[0] != s_model, "the Scorer got a serializer copy");
        assertMessagesReplaceTheCopyMessage(scorer, "Scoring rows");
    }

    private static void assertMessagesReplaceTheCopyMessage(final NodeModelHarness h, final String last) {
        final List<String> messages = h.progressMessages();
        assertEquals("Copying input object at port 1", messages.get(0), "KNIME's message before execute");
        assertTrue(messages.stream().skip(1).noneMatch(m -> m.startsWith("Copying input object")),
            "the node sets its own message: " + messages);
        assertEquals(last, messages.get(messages.size() - 1));
    }

    @Test
    void scorerGivesCalibratedFiguresOnHeldOutRows() throws Exception {
        final NodeModelHarness h = new NodeModelHarness(new CinnScorerNodeFactory().createNodeModel());
        final int n = 1500; // more than one chunk of 1024 rows
        final BufferedDataTable test = NodeTestData.ikTable(n, 2);
        final PortObject[] out = h.execute(s_model, test);
        final BufferedDataTable scored = (BufferedDataTable)out[0];
        assertEquals(n, scored.size());
        final int lp = scored.getDataTableSpec().findColumnIndex("log p(x|y)");
        final int zz = scored.getDataTableSpec().findColumnIndex("||z||^2");
        double meanLogp = 0;
        double meanZz = 0;
        for (DataRow r : scored) {
            meanLogp += ((DoubleValue)r.getCell(lp)).getDoubleValue() / n;
            meanZz += ((DoubleValue)r.getCell(zz)).getDoubleValue() / n;
            assertEquals("arm " + r.getKey().getString().substring(3), ((StringValue)r.getCell(6)).getStringValue(),
                "input columns kept in order");
        }
        final Map<String, Double> stats = new HashMap<>();
        for (DataRow r : (BufferedDataTable)out[1]) {
            stats.put(r.getKey().getString(), ((DoubleValue)r.getCell(0)).getDoubleValue());
        }
        assertEquals(-meanLogp, stats.get("Mean NLL (nats per row)"), 1e-9, "mean NLL = -mean log p");
        assertTrue(meanZz > 2 && meanZz < 6, "E||z||^2 should be near D = 4: " + meanZz);
        final double cal = stats.get("Calibration error");
        assertTrue(cal < 0.06, "calibration error " + cal);
        assertEquals((double)n, stats.get("Rows scored"));
        assertEquals(0.0, stats.get("Rows skipped"));
        assertTrue(Math.abs(stats.get("z0 mean")) < 0.3 && Math.abs(stats.get("z3 std") - 1) < 0.3, stats::toString);
        assertEquals(stats.get("Calibration error"), h.flowVariables().get("cinn_calibration_error").getDoubleValue());
        assertEquals(stats.get("Mean NLL (nats per row)"), h.flowVariables().get("cinn_mean_nll").getDoubleValue());
        assertEquals(n, h.flowVariables().get("cinn_rows_scored").getIntValue());
        // no missing-value warning; at most a handful of held-out rows (sparse tails of the targets) flagged as
        // far from the training targets (about 0.1 % by design)
        assertTrue(h.warning() == null || h.warning().matches("^[1-3] of 1500 rows lie outside the "
            + "training targets .*"), h::warning);
        // the Learner's best validation NLL is in the same units as the Scorer's mean NLL: on fresh rows of the same
        // distribution they agree up to sampling error (300 validation rows) and the validation-set selection bias
        final double validationNll = s_model.getSpec().getTrainingSummary().bestValidationNll();
        assertEquals(stats.get("Mean NLL (nats per row)"), validationNll, 0.3,
            "Scorer mean NLL vs. the Learner's best validation NLL");
        System.out.printf("IK end to end: mean NLL %.3f nats (Learner's best validation NLL %.3f), calibration error "
            + "%.4f%n", stats.get("Mean NLL (nats per row)"), validationNll, cal);
    }

    @Test
    void portObjectSurvivesSaveAndLoad() throws Exception {
        final CinnPortObject copy = (CinnPortObject)NodeModelHarness.saveLoadPortObject(s_model);
        assertEquals(s_model.getSpec().getXNames(), copy.getSpec().getXNames());
        assertEquals(s_model.getSpec().getYTypes(), copy.getSpec().getYTypes());
        assertEquals(s_model.getSpec().getArchitecture(), copy.getSpec().getArchitecture());
        assertEquals(s_model.getSpec().getTrainingSummary(), copy.getSpec().getTrainingSummary());
        final double[][] x = InverseKinematics.samplePrior(10, 5);
        final double[][] y = InverseKinematics.forward(x);
        assertArrayEquals(s_model.getModel().logDensity(x, y), copy.getModel().logDensity(x, y), 0.0);
        assertEquals(s_model.getModel().info().history(), copy.getModel().info().history());
        assertEquals(s_model.getSummary(), copy.getSummary());
    }

    @Test
    void portViewsAreCreatedOnRequest() {
        final var views = s_model.getViews();
        assertEquals(2, views.length);
        assertEquals("Loss curve", views[0].getName());
        assertEquals("cINN summary", views[1].getName());
    }
}
