package org.cinn4knime.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.cinn4knime.nodes.learner.CinnLearnerNodeFactory;
import org.cinn4knime.nodes.port.CinnPortObjectSpec;
import org.cinn4knime.nodes.sampler.CinnSamplerNodeFactory;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModelHarness;
import org.knime.core.node.NodeSettings;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.junit.jupiter.api.Test;

/** The Learner's column-domain setting, integer cells as whole numbers, and the Sampler's integer output cells. */
class DomainsNodeTest {

    static final String[] NAMES = {"layers", "amt", "y0"};

    static DataTableSpec spec() {
        return new DataTableSpec("t", new DataColumnSpec[] {
            new DataColumnSpecCreator("layers", IntCell.TYPE).createSpec(),
            new DataColumnSpecCreator("amt", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("y0", DoubleCell.TYPE).createSpec()});
    }

    /** layers 1..5 (integer cells), amt ≥ 0 with 30 % exact zeros, y0 related to both. */
    static BufferedDataTable table(final int n) {
        final SplittableRandom r = new SplittableRandom(8);
        final DataRow[] rows = new DataRow[n];
        for (int i = 0; i < n; i++) {
            final int layers = 1 + r.nextInt(5);
            final double amt = r.nextDouble() < 0.3 ? 0 : 5 * r.nextDouble();
            rows[i] = new DefaultRow(RowKey.createRowKey((long)i), new DataCell[] {new IntCell(layers),
                new DoubleCell(amt), new DoubleCell(layers + 0.3 * amt + 0.1 * r.nextGaussian())});
        }
        return NodeModelHarness.createTable(spec(), rows);
    }

    static NodeModelHarness learner(final String domains) throws InvalidSettingsException {
        final NodeModelHarness h = new NodeModelHarness(new CinnLearnerNodeFactory().createNodeModel());
        final NodeSettings s = h.saveSettings();
        select(s, "x_columns", List.of("layers", "amt"));
        select(s, "y_columns", List.of("y0"));
        s.addInt("blocks", 4);
        s.addInt("subnet_width", 32);
        s.addInt("epochs", 15);
        s.addInt("batch_size", 100);
        s.addDouble("learning_rate", 3e-3);
        s.addString("column_domains", domains);
        h.loadSettings(s);
        return h;
    }

    static void select(final NodeSettings settings, final String key, final List<String> names)
        throws InvalidSettingsException {
        final NodeSettings sub = settings.getNodeSettings(key);
        sub.addStringArray("included_names", names.toArray(String[]::new));
        sub.addStringArray("excluded_names",
            java.util.Arrays.stream(NAMES).filter(n -> !names.contains(n)).toArray(String[]::new));
        sub.addString("enforce_option", "EnforceInclusion");
    }

    @Test
    void integerCellsGiveWholeIntegerDesignsAndDeclaredBoundsHold() throws Exception {
        final NodeModelHarness h = learner("upper amt=6");
        final PortObjectSpec[] specs = h.configure(spec());
        assertEquals(List.of("layers"), ((CinnPortObjectSpec)specs[0]).getWholeNumberX());
        final PortObject[] out = h.execute(table(1000));
        final CinnPortObjectSpec model = (CinnPortObjectSpec)out[0].getSpec();
        assertTrue(model.describe().contains("Column domains: layers: ≥ 0, whole numbers (declared); amt: in [0, 6], "
            + "point mass at 0"), model.describe());

        final NodeModelHarness sampler = new NodeModelHarness(new CinnSamplerNodeFactory().createNodeModel());
        final NodeSettings s = sampler.saveSettings();
        s.addInt("samples_per_row", 500);
        sampler.loadSettings(s);
        final DataTableSpec targets = new DataTableSpec(new String[] {"y0"}, new org.knime.core.data.DataType[] {
            DoubleCell.TYPE});
        final DataTableSpec outSpec = (DataTableSpec)sampler.configure(model, targets)[0];
        assertEquals(IntCell.TYPE, outSpec.getColumnSpec(outSpec.findColumnIndex("layers")).getType());
        assertEquals(DoubleCell.TYPE, outSpec.getColumnSpec(outSpec.findColumnIndex("amt")).getType());
        final BufferedDataTable t = NodeModelHarness.createTable(targets, new DataRow[] {
            new DefaultRow("t0", new DoubleCell(2.0)), new DefaultRow("t1", new DoubleCell(4.5))});
        final BufferedDataTable designs = (BufferedDataTable)sampler.execute(out[0], t)[0];
        final int li = designs.getDataTableSpec().findColumnIndex("layers");
        final int ai = designs.getDataTableSpec().findColumnIndex("amt");
        int zeros = 0;
        for (DataRow r : designs) {
            assertTrue(r.getCell(li) instanceof IntCell, "integer cells");
            assertTrue(((IntCell)r.getCell(li)).getIntValue() >= 0);
            final double a = ((DoubleValue)r.getCell(ai)).getDoubleValue();
            assertTrue(a >= 0 && a <= 6, "amt " + a);
            zeros += a == 0 ? 1 : 0;
        }
        assertTrue(zeros > 0, "the point mass at 0 appears in the designs");
    }

    @Test
    void badDeclarationsAreNamed() throws Exception {
        final InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
            () -> learner("continuous layers").configure(spec()));
        assertTrue(e.getMessage().contains("'layers'") && e.getMessage().contains("integer cells"), e.getMessage());
        final InvalidSettingsException p = assertThrows(InvalidSettingsException.class,
            () -> learner("upper amt").configure(spec()));
        assertTrue(p.getMessage().contains("Column domains") && p.getMessage().contains("'upper amt'"),
            p.getMessage());
        // checks that need no data fail in configure, naming the setting (DomainSpec.check, as the command line)
        final InvalidSettingsException n = assertThrows(InvalidSettingsException.class,
            () -> learner("integer y0").configure(spec()));
        assertTrue(n.getMessage().contains("Column domains") && n.getMessage().contains("'y0'")
            && n.getMessage().contains("not a design"), n.getMessage());
        final InvalidSettingsException c = assertThrows(InvalidSettingsException.class,
            () -> learner("lower amt=5; upper amt=2").configure(spec()));
        assertTrue(c.getMessage().contains("'amt'") && c.getMessage().contains("lower bound must be below"),
            c.getMessage());
        final Exception x = assertThrows(Exception.class, () -> learner("lower amt=1").execute(table(200)));
        assertTrue(x.getMessage().contains("'amt'") && x.getMessage().contains("row 'Row3'")
            && x.getMessage().contains("below its lower bound 1"), x.getMessage());
    }
}
