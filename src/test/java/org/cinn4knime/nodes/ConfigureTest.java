package org.cinn4knime.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cinn4knime.engine.CinnArchitecture;
import org.cinn4knime.nodes.learner.CinnLearnerNodeFactory;
import org.cinn4knime.nodes.port.CinnPortObjectSpec;
import org.cinn4knime.nodes.sampler.CinnSamplerNodeFactory;
import org.cinn4knime.nodes.scorer.CinnScorerNodeFactory;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModelHarness;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObjectSpec;

/** configure of the three nodes with good and bad input specs; every error message is checked. */
class ConfigureTest {

    private static NodeModelHarness learner() throws InvalidSettingsException {
        final NodeModelHarness h = new NodeModelHarness(new CinnLearnerNodeFactory().createNodeModel());
        NodeTestData.smallLearner(h, 3);
        return h;
    }

    private static CinnPortObjectSpec modelSpec() throws InvalidSettingsException {
        return (CinnPortObjectSpec)learner().configure(NodeTestData.ikSpec())[0];
    }

    private static void assertMessage(final InvalidSettingsException e, final String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' lacks '" + p + "'");
        }
    }

    // ------------------------------------------------------------------ learner

    @Test
    void learnerAnnouncesModelSpecAndHistory() throws Exception {
        final PortObjectSpec[] out = learner().configure(NodeTestData.ikSpec());
        final CinnPortObjectSpec spec = (CinnPortObjectSpec)out[0];
        assertEquals(NodeTestData.X, spec.getXNames());
        assertEquals(NodeTestData.Y, spec.getYNames());
        assertEquals(List.of(DoubleCell.TYPE, DoubleCell.TYPE), spec.getYTypes());
        assertEquals(4, spec.getArchitecture().blocks());
        assertEquals(64, spec.getArchitecture().subnetWidth());
        assertNull(spec.getTrainingSummary(), "not trained at configure time");
        assertEquals(List.of("Epoch", "Training loss", "Validation loss", "Validation NLL", "Learning rate", "Best epoch"),
            List.of(((DataTableSpec)out[1]).getColumnNames()));
    }

    @Test
    void learnerNeedsXAndYColumns() throws Exception {
        final NodeModelHarness h = learner();
        final NodeSettings s = h.saveSettings();
        NodeTestData.selectColumns(s, "x_columns", List.of());
        h.loadSettings(s);
        assertMessage(assertThrows(InvalidSettingsException.class, () -> h.configure(NodeTestData.ikSpec())),
            "No x (design) columns selected");
        NodeTestData.selectColumns(s, "x_columns", NodeTestData.X);
        NodeTestData.selectColumns(s, "y_columns", List.of());
        h.loadSettings(s);
        assertMessage(assertThrows(InvalidSettingsException.class, () -> h.configure(NodeTestData.ikSpec())),
            "No y (target) columns selected");
    }

    @Test
    void learnerRejectsOverlapNonNumericAndAbsentColumns() throws Exception {
        final NodeModelHarness h = learner();
        final NodeSettings s = h.saveSettings();
        NodeTestData.selectColumns(s, "y_columns", List.of("y0", "x2"));
        h.loadSettings(s);
        assertMessage(assertThrows(InvalidSettingsException.class, () -> h.configure(NodeTestData.ikSpec())),
            "Column 'x2'", "both as x (design) and as y (target)");

        NodeTestData.selectColumns(s, "y_columns", List.of("y0", "label"));
        h.loadSettings(s);
        assertMessage(assertThrows(InvalidSettingsException.class, () -> h.configure(NodeTestData.ikSpec())),
            "Column 'label'", "not numeric");

        NodeTestData.selectColumns(s, "y_columns", List.of("y0", "y7"));
        h.loadSettings(s);
        assertMessage(assertThrows(InvalidSettingsException.class, () -> h.configure(NodeTestData.ikSpec())),
            "Column 'y7'", "not in the input table");
    }

    @Test
    void learnerWithUntouchedColumnFiltersAsksToChooseTheColumns() throws Exception {
        // the filters default to "enforce inclusion" with nothing included
        final NodeModelHarness h = new NodeModelHarness(new CinnLearnerNodeFactory().createNodeModel());
        assertMessage(assertThrows(InvalidSettingsException.class, () -> h.configure(NodeTestData.ikSpec())),
            "No x (design) columns selected", "'x (design) columns' filter");
    }

    @Test
    void learnerWithBothFiltersIncludingEverythingAsksToSplitTheColumns() throws Exception {
        // KNIME's own filter default ("enforce exclusion", nothing excluded), as a 0.1.0 workflow may hold it
        final NodeModelHarness h = new NodeModelHarness(new CinnLearnerNodeFactory().createNodeModel());
        final NodeSettings s = h.saveSettings();
        for (String key : List.of("x_columns", "y_columns")) {
            s.getNodeSettings(key).addString("enforce_option", "EnforceExclusion");
        }
        h.loadSettings(s);
        assertMessage(assertThrows(InvalidSettingsException.class, () -> h.configure(NodeTestData.ikSpec())),
            "selections are identical (6 columns)", "split the numeric columns into designs and targets");
    }

    @Test
    void learnerRejectsAnArchitectureTheEngineCannotBuild() throws Exception {
        final NodeModelHarness h = learner();
        final NodeSettings s = h.saveSettings();
        s.addString("coupling", "MAGIC");
        assertMessage(assertThrows(InvalidSettingsException.class, () -> h.loadSettings(s)), "'MAGIC'", "coupling");
    }

    @Test
    void learnerRejectsUnusableLearningRateDecayPoints() throws Exception {
        final NodeModelHarness h = learner();
        final NodeSettings s = h.saveSettings();
        s.addString("lr_decay_at", "0.5, soon");
        assertMessage(assertThrows(InvalidSettingsException.class, () -> h.loadSettings(s)), "'lr_decay_at'",
            "'soon' is not a number");
        s.addString("lr_decay_at", "0.5, 1.5");
        assertMessage(assertThrows(InvalidSettingsException.class, () -> h.loadSettings(s)),
            "decay points must be fractions of the epochs", "1.5");
        s.addString("lr_decay_at", " ");
        h.loadSettings(s); // blank: a constant learning rate
    }

    // ------------------------------------------------------------------ sampler

    private static NodeModelHarness sampler(final boolean keep, final boolean logDensity)
        throws InvalidSettingsException {
        final NodeModelHarness h = new NodeModelHarness(new CinnSamplerNodeFactory().createNodeModel());
        final NodeSettings s = h.saveSettings();
        s.addBoolean("keep_input_columns", keep);
        s.addBoolean("append_log_density", logDensity);
        h.loadSettings(s);
        return h;
    }

    @Test
    void samplerOutputsTargetsDesignsSourceAndIndex() throws Exception {
        final DataTableSpec out = (DataTableSpec)sampler(false, true)
            .configure(modelSpec(), NodeTestData.doubleSpec("y1", "y0", "other"))[0];
        assertEquals(List.of("y0", "y1", "x0", "x1", "x2", "x3", "Source row ID", "Sample index", "log p(x|y)"),
            List.of(out.getColumnNames()));
    }

    @Test
    void samplerKeepsInputColumnsAndMakesDesignNamesUnique() throws Exception {
        final DataTableSpec out = (DataTableSpec)sampler(true, false)
            .configure(modelSpec(), NodeTestData.doubleSpec("x0", "y0", "y1", "Sample index"))[0];
        assertEquals(List.of("x0", "y0", "y1", "Sample index", "x0 (#1)", "x1", "x2", "x3", "Source row ID",
            "Sample index (#1)"), List.of(out.getColumnNames()));
    }

    @Test
    void samplerNamesAMissingOrNonNumericYColumn() throws Exception {
        final NodeModelHarness h = sampler(false, false);
        assertMessage(assertThrows(InvalidSettingsException.class,
            () -> h.configure(modelSpec(), NodeTestData.doubleSpec("y0", "x1"))), "no column 'y1'",
            "y column of the cINN model");
        final DataTableSpec stringY = new DataTableSpec(new DataColumnSpecCreator("y0", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("y1", StringCell.TYPE).createSpec());
        assertMessage(assertThrows(InvalidSettingsException.class, () -> h.configure(modelSpec(), stringY)),
            "Column 'y1'", "not numeric");
        assertMessage(assertThrows(InvalidSettingsException.class,
            () -> h.configure(new PortObjectSpec[]{null, NodeTestData.doubleSpec("y0", "y1")})), "No cINN model");
    }

    // ------------------------------------------------------------------ scorer

    @Test
    void scorerAppendsUniqueScoreColumnsAndAnnouncesFlowVariables() throws Exception {
        final NodeModelHarness h = new NodeModelHarness(new CinnScorerNodeFactory().createNodeModel());
        final NodeSettings s = h.saveSettings();
        s.addString("flow_variable_prefix", "test_");
        h.loadSettings(s);
        final DataTableSpec in = NodeTestData.doubleSpec("x0", "x1", "x2", "x3", "y0", "y1", "log p(x|y)");
        final PortObjectSpec[] out = h.configure(modelSpec(), in);
        assertEquals(List.of("x0", "x1", "x2", "x3", "y0", "y1", "log p(x|y)", "log p(x|y) (#1)", "||z||^2"),
            List.of(((DataTableSpec)out[0]).getColumnNames()));
        assertEquals(List.of("Value"), List.of(((DataTableSpec)out[1]).getColumnNames()));
        assertTrue(h.flowVariables().keySet().containsAll(List.of("test_mean_nll", "test_bits_per_dim",
            "test_calibration_error", "test_rows_scored", "test_rows_skipped")), h.flowVariables().keySet()::toString);
    }

    @Test
    void scorerNamesAMissingOrNonNumericColumn() throws Exception {
        final NodeModelHarness h = new NodeModelHarness(new CinnScorerNodeFactory().createNodeModel());
        assertMessage(assertThrows(InvalidSettingsException.class,
            () -> h.configure(modelSpec(), NodeTestData.doubleSpec("x0", "x1", "x3", "y0", "y1"))), "no column 'x2'",
            "x column of the cINN model");
        final DataColumnSpec[] cols = NodeTestData.ikSpec().stream().toArray(DataColumnSpec[]::new);
        cols[5] = new DataColumnSpecCreator("y1", StringCell.TYPE).createSpec();
        assertMessage(assertThrows(InvalidSettingsException.class,
            () -> h.configure(modelSpec(), new DataTableSpec(cols))), "Column 'y1'", "not numeric");
    }

    @Test
    void modelSpecDescribesItself() throws Exception {
        final CinnPortObjectSpec spec = modelSpec();
        final CinnArchitecture a = spec.getArchitecture();
        final String d = spec.describe();
        assertTrue(d.contains("[x0, x1, x2, x3]") && d.contains("[y0, y1]") && d.contains(a.blocks() + " GLOW"), d);
    }
}
