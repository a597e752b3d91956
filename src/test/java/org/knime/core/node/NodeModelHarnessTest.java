package org.knime.core.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;

class NodeModelHarnessTest {

    private static final DataTableSpec IN = new DataTableSpec(
        new DataColumnSpecCreator("a", DoubleCell.TYPE).createSpec(),
        new DataColumnSpecCreator("name", StringCell.TYPE).createSpec(),
        new DataColumnSpecCreator("b", DoubleCell.TYPE).createSpec());

    private static BufferedDataTable input(final int rows) {
        final List<DataRow> r = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            r.add(new org.knime.core.data.def.DefaultRow("r" + i, new DoubleCell(i), new StringCell("n" + i),
                new DoubleCell(10 * i)));
        }
        return NodeModelHarness.createTable(IN, r.toArray(new DataRow[0]));
    }

    private static ToyNodeModel configuredToy() {
        final ToyNodeModel m = new ToyNodeModel();
        m.m_columns.loadDefaults(IN);
        return m;
    }

    @Test
    void configureReturnsSpecAndReportsBadSettings() throws Exception {
        final ToyNodeModel m = configuredToy();
        final PortObjectSpec[] out = NodeModelHarness.configure(m, IN);
        assertArrayEquals(new String[]{"a*2", "b*2"}, ((DataTableSpec)out[0]).getColumnNames());

        final ToyNodeModel empty = new ToyNodeModel();
        empty.m_columns.loadDefaults(IN, new org.knime.core.node.util.filter.InputFilter<>() {
            @Override
            public boolean include(final org.knime.core.data.DataColumnSpec spec) {
                return false; // every column goes to the exclude list
            }
        }, true);
        final InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> NodeModelHarness.configure(empty, IN));
        assertEquals("No numeric column selected in setting \"columns\"", e.getMessage());

        assertThrows(IllegalArgumentException.class, () -> NodeModelHarness.configure(m, IN, IN),
            "wrong number of input specs must be refused");
    }

    @Test
    void executeComputesRecordsWarningsAndFlowVariables() throws Exception {
        final ToyNodeModel m = configuredToy();
        final NodeModelHarness h = new NodeModelHarness(m);
        final BufferedDataTable in = NodeModelHarness.createTable(IN,
            new org.knime.core.data.def.DefaultRow("x", new DoubleCell(1.5), new StringCell("s"), new DoubleCell(2)),
            new org.knime.core.data.def.DefaultRow("y", org.knime.core.data.DataType.getMissingCell(),
                new StringCell("t"), new DoubleCell(3)));
        final PortObject[] out = h.execute(in);
        final BufferedDataTable t = (BufferedDataTable)out[0];
        assertEquals(1, t.size());
        final DataRow row = t.iterator().next();
        assertEquals("x", row.getKey().getString());
        assertEquals(3.0, ((DoubleValue)row.getCell(0)).getDoubleValue());
        assertEquals(4.0, ((DoubleValue)row.getCell(1)).getDoubleValue());
        assertEquals(List.of("Skipped 1 row(s) with missing values"), h.warnings());
        assertEquals("Skipped 1 row(s) with missing values", h.warning());
        assertEquals(1, h.flowVariables().get("toy_rows").getIntValue());
        assertEquals(7.0, h.flowVariables().get("toy_sum").getDoubleValue());
        assertEquals("a,b", h.flowVariables().get("toy_columns").getStringValue());
        assertEquals(List.of(0.5, 1.0), h.progress());
        assertEquals(List.of("Row 1", "Row 2"), h.progressMessages());
        assertTrue(h.cancelChecks() >= 2);
        // the executed table carries the domain computed by the container
        assertEquals(3.0, ((DoubleValue)t.getDataTableSpec().getColumnSpec(0).getDomain().getLowerBound())
            .getDoubleValue());

        h.reset();
        assertTrue(h.warnings().isEmpty());
        assertTrue(h.flowVariables().isEmpty());
    }

    @Test
    void executeRejectsOutputThatContradictsConfigure() {
        final ToyNodeModel m = configuredToy();
        m.m_breakSpec = true;
        final AssertionError e = assertThrows(AssertionError.class, () -> NodeModelHarness.execute(m, input(2)));
        assertTrue(e.getMessage().contains("configure announced"), e.getMessage());
    }

    @Test
    void cancelAfterNProgressCallsStopsExecution() {
        final ToyNodeModel m = configuredToy();
        final NodeModelHarness h = new NodeModelHarness(m).cancelAfter(3);
        assertThrows(CanceledExecutionException.class, () -> h.execute(input(10)));
        assertTrue(h.isCanceled());
        assertEquals(3, h.progressCalls(), "cancel must take effect at the check after the 3rd progress update");
        h.reset();
        assertFalse(h.isCanceled());
        assertDoesNotThrow(() -> h.execute(input(10)), "after reset the node runs again");
        assertEquals(10, h.progressCalls());
    }

    @Test
    void cancelFromAnotherThreadStopsALongLoop() throws Exception {
        final NodeModelHarness h = new NodeModelHarness(configuredToy());
        final ExecutionContext exec = h.newExecutionContext();
        final CountDownLatch started = new CountDownLatch(1);
        final Thread canceller = new Thread(() -> {
            try {
                started.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            h.cancel();
        });
        canceller.start();
        assertThrows(CanceledExecutionException.class, () -> {
            for (long i = 0; i < Long.MAX_VALUE; i++) {
                started.countDown();
                exec.checkCanceled();
                Thread.onSpinWait();
            }
        });
        canceller.join(10_000);
        assertFalse(canceller.isAlive());
    }

    @Test
    void settingsRoundTripThroughKnimeXml() throws Exception {
        final ToyNodeModel m = configuredToy();
        m.m_factor.setIntValue(7);
        final NodeModelHarness h = new NodeModelHarness(m);
        final String xml = h.saveSettingsXml();
        assertTrue(xml.contains("<config key=\"factor_Internals\">"), xml);
        assertTrue(xml.contains("<entry key=\"SettingsModelID\" type=\"xstring\" value=\"SMID_integer\"/>"), xml);
        assertTrue(xml.contains("<entry key=\"factor\" type=\"xint\" value=\"7\"/>"), xml);
        assertTrue(xml.contains("<entry key=\"filter-type\" type=\"xstring\" value=\"STANDARD\"/>"), xml);
        assertTrue(xml.contains("<entry key=\"array-size\" type=\"xint\" value=\"2\"/>"), xml);

        final ToyNodeModel copy = new ToyNodeModel();
        new NodeModelHarness(copy).loadSettingsXml(xml);
        assertEquals(7, copy.m_factor.getIntValue());
        assertArrayEquals(new String[]{"a", "b"}, copy.m_columns.applyTo(IN).getIncludes());
        assertEquals(xml, new NodeModelHarness(copy).saveSettingsXml(), "save -> load -> save must be stable");

        final String bad = xml.replace("<entry key=\"factor\" type=\"xint\" value=\"7\"/>",
            "<entry key=\"factor\" type=\"xint\" value=\"11\"/>");
        final InvalidSettingsException e =
            assertThrows(InvalidSettingsException.class, () -> new NodeModelHarness(copy).loadSettingsXml(bad));
        assertEquals("The value 11 of setting \"factor\" is not within the range [1, 10]", e.getMessage());
        assertEquals(7, copy.m_factor.getIntValue(), "a failed validation must not change the model");

        final String missing = xml.replace("<entry key=\"factor\" type=\"xint\" value=\"7\"/>", "");
        final InvalidSettingsException e2 =
            assertThrows(InvalidSettingsException.class, () -> new NodeModelHarness(copy).loadSettingsXml(missing));
        assertTrue(e2.getMessage().contains("\"factor\""), e2.getMessage());
    }

    @Test
    void containerRejectsWrongCellsAndDuplicateKeys() {
        final IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
            () -> NodeModelHarness.createTable(IN, new org.knime.core.data.def.DefaultRow("r", new StringCell("x"),
                new StringCell("y"), new DoubleCell(1))));
        assertTrue(type.getMessage().contains("column \"a\""), type.getMessage());
        final IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
            () -> NodeModelHarness.createTable(IN,
                new org.knime.core.data.def.DefaultRow("r", new DoubleCell(1), new StringCell("y"), new DoubleCell(1)),
                new org.knime.core.data.def.DefaultRow("r", new DoubleCell(2), new StringCell("z"), new DoubleCell(2))));
        assertTrue(dup.getMessage().contains("\"r\""), dup.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NodeModelHarness.createTable(IN,
            new org.knime.core.data.def.DefaultRow("r", new DoubleCell(1))));
    }

    @Test
    void subProgressMapsOntoParentRange() {
        final NodeModelHarness h = new NodeModelHarness(configuredToy());
        final ExecutionContext exec = h.newExecutionContext();
        final ExecutionContext first = exec.createSubExecutionContext(0.25);
        first.setProgress(1.0, "first done");
        final ExecutionMonitor second = exec.createSilentSubProgress(0.75);
        second.setProgress(0.5, "silent");
        assertEquals(List.of(0.25, 0.625), h.progress());
        assertEquals(List.of("first done"), h.progressMessages());
        exec.setProgress(1.5); // KNIME's DefaultNodeProgressMonitor ignores progress outside [0, 1]
        assertEquals(List.of(0.25, 0.625), h.progress());
        assertThrows(IllegalArgumentException.class, () -> exec.createSubProgress(1.5),
            "KNIME's ExecutionMonitor: invalid sub progress size");
    }

    @Test
    void flowVariableNamesFollowKnimeRules() {
        final IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class,
            () -> new org.knime.core.node.workflow.FlowVariable("knime_nll", 1.0));
        assertTrue(reserved.getMessage().contains("reserved prefix ('knime')"), reserved.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new org.knime.core.node.workflow.FlowVariable(" ", 1));
        // knime-core FlowVariable.Scope.verifyName: the most specific reserved prefix is named
        final IllegalArgumentException local = assertThrows(IllegalArgumentException.class,
            () -> new org.knime.core.node.workflow.FlowVariable("knime.node.x", "v"));
        assertTrue(local.getMessage().contains("('knime.node')"), local.getMessage());
        final IllegalArgumentException hide = assertThrows(IllegalArgumentException.class,
            () -> new org.knime.core.node.workflow.FlowVariable("knime.hide.x", 1));
        assertTrue(hide.getMessage().contains("('knime.hide')"), hide.getMessage());
        assertEquals("knim_e", new org.knime.core.node.workflow.FlowVariable("knim_e", 1).getName());
        final NodeModelHarness h = new NodeModelHarness(configuredToy())
            .inputFlowVariable(new org.knime.core.node.workflow.FlowVariable("upstream", 2.5));
        assertEquals(2.5, h.model().peekFlowVariableDouble("upstream"));
        assertThrows(java.util.NoSuchElementException.class, () -> h.model().peekFlowVariableInt("upstream"),
            "a double variable is not an int variable");
    }
}
