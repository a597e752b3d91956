package org.cinn4knime.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cinn4knime.engine.ik.InverseKinematics;
import org.cinn4knime.nodes.learner.CinnLearnerNodeFactory;
import org.cinn4knime.nodes.port.CinnPortObject;
import org.cinn4knime.nodes.sampler.CinnSamplerNodeFactory;
import org.cinn4knime.nodes.scorer.CinnScorerNodeFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.NodeModelHarness;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;

/** Missing-value policies (skip with a counted warning, or fail naming row and column) and cancel. */
class MissingValuesAndCancelTest {

    private static final DataTableSpec SPEC = NodeTestData.doubleSpec("x0", "x1", "x2", "x3", "y0", "y1");

    private static CinnPortObject s_model;

    /** 200 IK rows; rows 5 (x2), 17 (y0) and 30 (x0, y1) have missing values. */
    private static BufferedDataTable withMissing() {
        final double[][] x = InverseKinematics.samplePrior(200, 3);
        final double[][] y = InverseKinematics.forward(x);
        final double[][] rows = new double[200][];
        for (int i = 0; i < 200; i++) {
            rows[i] = new double[]{x[i][0], x[i][1], x[i][2], x[i][3], y[i][0], y[i][1]};
        }
        rows[5][2] = Double.NaN;
        rows[17][4] = Double.NaN;
        rows[30][0] = Double.NaN;
        rows[30][5] = Double.NaN;
        return NodeModelHarness.createTable(SPEC, rows);
    }

    private static NodeModelHarness learner(final int epochs, final String missing) throws Exception {
        final NodeModelHarness h = new NodeModelHarness(new CinnLearnerNodeFactory().createNodeModel());
        NodeTestData.smallLearner(h, epochs);
        final NodeSettings s = h.saveSettings();
        s.addString("missing_values", missing);
        s.addInt("blocks", 2);
        s.addInt("subnet_width", 16);
        s.addInt("batch_size", 50);
        h.loadSettings(s);
        return h;
    }

    private static String skip() {
        return org.cinn4knime.nodes.common.MissingValuePolicy.SKIP.name();
    }

    private static String fail() {
        return org.cinn4knime.nodes.common.MissingValuePolicy.FAIL.name();
    }

    @BeforeAll
    static void trainTinyModel() throws Exception {
        final NodeModelHarness h = learner(2, skip());
        s_model = (CinnPortObject)h.execute(withMissing())[0];
        assertEquals(197, s_model.getSpec().getTrainingSummary().rows(), "3 rows with missing values skipped");
        assertTrue(h.warning().contains("Skipped 3 of 200 rows") && h.warning().contains("'Row5'"), h.warning());
    }

    @Test
    void learnerFailsNamingTheFirstRowAndColumn() throws Exception {
        final NodeModelHarness h = learner(2, fail());
        final Exception e = assertThrows(IllegalArgumentException.class, () -> h.execute(withMissing()));
        assertTrue(e.getMessage().contains("Row 'Row5'") && e.getMessage().contains("column 'x2'"), e.getMessage());
        // knime-core CloseableRowIterator: the error left the loop at row 5 of 200; the iterator is closed all the same
        assertEquals(0, h.openInputIterators(), "row iterators left open");
    }

    @Test
    void samplerSkipsOrFailsOnMissingTargets() throws Exception {
        final BufferedDataTable targets = NodeModelHarness.createTable(NodeTestData.doubleSpec("y0", "y1"),
            new double[][]{{1.0, 0.1}, {Double.NaN, 0.3}, {1.2, -0.2}});
        final NodeModelHarness h = new NodeModelHarness(new CinnSamplerNodeFactory().createNodeModel());
        NodeSettings s = h.saveSettings();
        s.addInt("samples_per_row", 4);
        h.loadSettings(s);
        final BufferedDataTable out = (BufferedDataTable)h.execute(s_model, targets)[0];
        assertEquals(8, out.size());
        assertTrue(h.warning().contains("Skipped 1 of 3 rows") && h.warning().contains("'Row1'"), h.warning());

        s = h.saveSettings();
        s.addString("missing_values", fail());
        h.loadSettings(s);
        final Exception e = assertThrows(IllegalArgumentException.class, () -> h.execute(s_model, targets));
        assertTrue(e.getMessage().contains("Row 'Row1'") && e.getMessage().contains("column 'y0'"), e.getMessage());
        assertEquals(0, h.openInputIterators(), "row iterators left open (knime-core CloseableRowIterator)");
    }

    @Test
    void aSkippedTargetRowDoesNotChangeTheDesignsOfOtherRows() throws Exception {
        final double[][] full = {{1.0, 0.1}, {1.1, 0.0}, {0.9, 0.2}, {1.2, -0.2}, {1.3, 0.3}};
        final double[][] holed = full.clone();
        holed[2] = new double[]{Double.NaN, 0.2};
        final Map<String, double[]> a = designs(full);
        final Map<String, double[]> b = designs(holed);
        assertEquals(5 * 3, a.size());
        assertEquals(4 * 3, b.size(), "row 2 skipped");
        // same draws (the old count of sampled rows gave rows 3 and 4 the draws of rows 2 and 3, differing by far
        // more than the tolerance); the float network may round the last bits differently for other chunk sizes
        for (Map.Entry<String, double[]> e : b.entrySet()) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.get(e.getKey()), e.getValue(), 1e-4,
                "design " + e.getKey() + " is the same with and without the skipped row before it");
        }
    }

    /** Samples 3 designs per target row with the default seed; designs by row key (e.g. "Row3_1"). */
    private static Map<String, double[]> designs(final double[][] targets) throws Exception {
        final NodeModelHarness h = new NodeModelHarness(new CinnSamplerNodeFactory().createNodeModel());
        final NodeSettings s = h.saveSettings();
        s.addInt("samples_per_row", 3);
        h.loadSettings(s);
        final BufferedDataTable out = (BufferedDataTable)h.execute(s_model,
            NodeModelHarness.createTable(NodeTestData.doubleSpec("y0", "y1"), targets))[0];
        final Map<String, double[]> byKey = new HashMap<>();
        for (DataRow r : out) {
            final double[] x = new double[4];
            for (int d = 0; d < 4; d++) {
                x[d] = ((DoubleValue)r.getCell(2 + d)).getDoubleValue(); // y0, y1, x0..x3, ...
            }
            byKey.put(r.getKey().getString(), x);
        }
        return byKey;
    }

    @Test
    void scorerKeepsSkippedRowsWithMissingScoresAndCountsThem() throws Exception {
        final NodeModelHarness h = new NodeModelHarness(new CinnScorerNodeFactory().createNodeModel());
        final PortObject[] out = h.execute(s_model, withMissing());
        final BufferedDataTable scored = (BufferedDataTable)out[0];
        assertEquals(200, scored.size());
        int missing = 0;
        for (DataRow r : scored) {
            final boolean m = r.getCell(6).isMissing();
            assertEquals(m, r.getCell(7).isMissing());
            if (m) {
                missing++;
                assertTrue(r.getKey().getString().matches("Row(5|17|30)"), r.getKey()::toString);
            }
        }
        assertEquals(3, missing);
        final Map<String, Double> stats = new HashMap<>();
        for (DataRow r : (BufferedDataTable)out[1]) {
            stats.put(r.getKey().getString(), ((DoubleValue)r.getCell(0)).getDoubleValue());
        }
        assertEquals(197.0, stats.get("Rows scored"));
        assertEquals(3.0, stats.get("Rows skipped"));
        assertEquals(3, h.flowVariables().get("cinn_rows_skipped").getIntValue());
        assertTrue(h.warning().contains("Skipped 3 of 200 rows"), h.warning());
    }

    @Test
    void scorerFailsNamingTheRowWhenAskedTo() throws Exception {
        final NodeModelHarness h = new NodeModelHarness(new CinnScorerNodeFactory().createNodeModel());
        final NodeSettings s = h.saveSettings();
        s.addString("missing_values", fail());
        h.loadSettings(s);
        final Exception e = assertThrows(IllegalArgumentException.class, () -> h.execute(s_model, withMissing()));
        assertTrue(e.getMessage().contains("Row 'Row5'") && e.getMessage().contains("column 'x2'"), e.getMessage());
        assertEquals(0, h.openInputIterators(), "row iterators left open (knime-core CloseableRowIterator)");
    }

    @Test
    void samplerKeepsInputCellsAcrossChunksAndInInputOrder() throws Exception {
        final int n = 1100; // more than one chunk of 1024 target rows
        final org.knime.core.data.DataTableSpec spec = new org.knime.core.data.DataTableSpec(
            new org.knime.core.data.DataColumnSpecCreator("name", org.knime.core.data.def.StringCell.TYPE)
                .createSpec(),
            new org.knime.core.data.DataColumnSpecCreator("y1", org.knime.core.data.def.DoubleCell.TYPE).createSpec(),
            new org.knime.core.data.DataColumnSpecCreator("x0", org.knime.core.data.def.DoubleCell.TYPE).createSpec(),
            new org.knime.core.data.DataColumnSpecCreator("y0", org.knime.core.data.def.DoubleCell.TYPE).createSpec());
        final DataRow[] rows = new DataRow[n];
        for (int i = 0; i < n; i++) {
            rows[i] = new org.knime.core.data.def.DefaultRow("k" + i, new org.knime.core.data.def.StringCell("n" + i),
                new org.knime.core.data.def.DoubleCell(0.001 * i), new org.knime.core.data.def.DoubleCell(-7),
                new org.knime.core.data.def.DoubleCell(1.0));
        }
        final NodeModelHarness h = new NodeModelHarness(new CinnSamplerNodeFactory().createNodeModel());
        final NodeSettings s = h.saveSettings();
        s.addInt("samples_per_row", 2);
        s.addBoolean("keep_input_columns", true);
        h.loadSettings(s);
        final BufferedDataTable out = (BufferedDataTable)h.execute(s_model, NodeModelHarness.createTable(spec, rows))[0];
        assertEquals(2 * n, out.size());
        final org.knime.core.data.DataTableSpec os = out.getDataTableSpec();
        assertEquals(java.util.List.of("name", "y1", "x0", "y0", "x0 (#1)", "x1", "x2", "x3", "Source row ID",
            "Sample index"), java.util.List.of(os.getColumnNames()));
        int i = 0;
        for (DataRow r : out) {
            final int src = i / 2;
            assertEquals("k" + src + "_" + (i % 2), r.getKey().getString());
            assertEquals("n" + src, r.getCell(0).toString());
            assertEquals(0.001 * src, ((DoubleValue)r.getCell(1)).getDoubleValue(), 0.0);
            assertEquals(-7.0, ((DoubleValue)r.getCell(2)).getDoubleValue(), 0.0, "input x0 kept as is");
            assertTrue(((DoubleValue)r.getCell(4)).getDoubleValue() != -7.0, "design x0 in its own column");
            i++;
        }
        // the node feeds the engine 1024 target rows at a time; the designs are still exactly those of one engine
        // call over the whole table with the same seed (so the command line gives the same designs)
        final double[][] targets = new double[n][];
        for (int t = 0; t < n; t++) {
            targets[t] = new double[]{1.0, 0.001 * t}; // the model's y order: y0, y1
        }
        final double[][] expected = new double[2 * n][];
        s_model.getModel().sample(targets, 2, 1.0, s.getInt("seed"), false, c -> {
            for (int k = 0; k < c.size(); k++) {
                expected[2 * c.targetRow()[k] + c.sampleIndex()[k]] = c.designs()[k];
            }
        }, null);
        i = 0;
        for (DataRow r : out) {
            for (int d = 0; d < 4; d++) {
                assertEquals(expected[i][d], ((DoubleValue)r.getCell(4 + d)).getDoubleValue(), 0.0,
                    "design " + i + ", x" + d);
            }
            i++;
        }
    }

    @Test
    void nonFiniteValuesAreNamedWithRowAndColumn() throws Exception {
        final BufferedDataTable targets = NodeModelHarness.createTable(NodeTestData.doubleSpec("y0", "y1"),
            new org.knime.core.data.def.DefaultRow("good", 1.0, 0.2),
            new org.knime.core.data.def.DefaultRow("bad", 1.0, Double.POSITIVE_INFINITY));
        final Exception e = assertThrows(IllegalArgumentException.class,
            () -> new NodeModelHarness(new CinnSamplerNodeFactory().createNodeModel()).execute(s_model, targets));
        assertTrue(e.getMessage().contains("Row 'bad'") && e.getMessage().contains("column 'y1'")
            && e.getMessage().contains("Infinity"), e.getMessage());

        final BufferedDataTable test = NodeModelHarness.createTable(SPEC,
            new org.knime.core.data.def.DefaultRow("r0", 0.1, 0.2, 0.3, 0.4, 1.0, 0.5),
            new org.knime.core.data.def.DefaultRow("r1", 0.1, -0.2, 0.3, Double.NEGATIVE_INFINITY, 1.0, 0.5));
        final Exception e2 = assertThrows(IllegalArgumentException.class,
            () -> new NodeModelHarness(new CinnScorerNodeFactory().createNodeModel()).execute(s_model, test));
        assertTrue(e2.getMessage().contains("Row 'r1'") && e2.getMessage().contains("column 'x3'"), e2.getMessage());
    }

    @Test
    void cancelDuringTrainingLeavesNoOutputAndTheNodeRunsAgain() throws Exception {
        final NodeModelHarness h = learner(50, skip());
        h.cancelAfter(3);
        assertThrows(CanceledExecutionException.class, () -> h.execute(withMissing()));
        assertTrue(h.progressCalls() < 20, "stopped within a batch or two, not after 50 epochs: "
            + h.progressCalls() + " progress calls");
        assertFalse(h.progressMessages().stream().anyMatch(m -> m.contains("Epoch 2/")),
            "cancelled in the first epoch: " + h.progressMessages());

        h.reset(); // as KNIME does after a cancel
        final NodeSettings s = h.saveSettings();
        s.addInt("epochs", 1);
        h.loadSettings(s);
        final PortObject[] out = h.execute(withMissing());
        assertEquals(1, ((BufferedDataTable)out[1]).size(), "history of the re-run");
    }

    @Test
    void samplerWritesDesignsWhileItSamples() throws Exception {
        final int n = 3 * org.cinn4knime.engine.CinnModel.CHUNK_ROWS; // the engine delivers three chunks
        final NodeModelHarness h = new NodeModelHarness(new CinnSamplerNodeFactory().createNodeModel());
        final NodeSettings s = h.saveSettings();
        s.addInt("samples_per_row", n);
        h.loadSettings(s);
        final BufferedDataTable out =
            (BufferedDataTable)h.execute(s_model, NodeTestData.targets(new double[][]{{1.0, 0.0}}))[0];
        assertEquals(n, out.size());
        // at the engine's progress report after each chunk, that chunk is already in the output table
        final List<Long> rows = h.rowsWrittenAtProgress();
        assertTrue(rows.contains((long)org.cinn4knime.engine.CinnModel.CHUNK_ROWS)
            && rows.contains(2L * org.cinn4knime.engine.CinnModel.CHUNK_ROWS), "rows written at progress: " + rows);
    }

    @Test
    void cancelDuringSamplingStopsIt() throws Exception {
        final NodeModelHarness h = new NodeModelHarness(new CinnSamplerNodeFactory().createNodeModel());
        final NodeSettings s = h.saveSettings();
        s.addInt("samples_per_row", 100_000);
        h.loadSettings(s);
        h.cancelAfter(2);
        final BufferedDataTable targets = NodeTestData.targets(new double[][]{{1.0, 0.0}, {1.5, 0.5}});
        assertThrows(CanceledExecutionException.class, () -> h.execute(s_model, targets));
        assertTrue(h.progressCalls() < 10, h.progressCalls() + " progress calls");
    }
}
