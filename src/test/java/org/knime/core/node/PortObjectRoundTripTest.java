package org.knime.core.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

class PortObjectRoundTripTest {

    /** A spec saving itself into model content, like a model port's spec. */
    public static final class ToySpec extends AbstractSimplePortObjectSpec {
        String[] m_columns = new String[0];

        public ToySpec() {
        }

        ToySpec(final String... columns) {
            m_columns = columns;
        }

        @Override
        protected void save(final ModelContentWO model) {
            model.addStringArray("columns", m_columns);
        }

        @Override
        protected void load(final ModelContentRO model) throws InvalidSettingsException {
            m_columns = model.getStringArray("columns");
        }

        public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<ToySpec> {
        }
    }

    /** A port object writing its own binary zip entry, like a model port object. */
    public static final class ToyPortObject extends AbstractPortObject {
        ToySpec m_spec;

        double[] m_weights;

        public ToyPortObject() {
        }

        ToyPortObject(final ToySpec spec, final double... weights) {
            m_spec = spec;
            m_weights = weights;
        }

        @Override
        public String getSummary() {
            return m_weights.length + " weights";
        }

        @Override
        public ToySpec getSpec() {
            return m_spec;
        }

        @Override
        public JComponent[] getViews() {
            return new JComponent[0];
        }

        @Override
        protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec) throws IOException {
            out.putNextEntry(new ZipEntry("weights.bin"));
            final DataOutputStream d = new DataOutputStream(out);
            d.writeInt(m_weights.length);
            for (double w : m_weights) {
                d.writeDouble(w);
            }
            d.flush();
            out.closeEntry();
        }

        @Override
        protected void load(final PortObjectZipInputStream in, final PortObjectSpec spec, final ExecutionMonitor exec)
            throws IOException {
            final ZipEntry e = in.getNextEntry();
            if (e == null || !"weights.bin".equals(e.getName())) {
                throw new IOException("weights.bin missing");
            }
            final DataInputStream d = new DataInputStream(in);
            m_weights = new double[d.readInt()];
            for (int i = 0; i < m_weights.length; i++) {
                m_weights[i] = d.readDouble();
            }
            m_spec = (ToySpec)spec;
        }

        public static final class Serializer extends AbstractPortObjectSerializer<ToyPortObject> {
        }
    }

    @Test
    void abstractPortObjectAndSimpleSpecSurviveSaveLoad() throws Exception {
        final ToyPortObject po = new ToyPortObject(new ToySpec("x1", "x2"), 0.5, -1.25, 3e-9);
        final ToyPortObject copy = (ToyPortObject)NodeModelHarness.saveLoadPortObject(po);
        assertNotSame(po, copy);
        assertArrayEquals(po.m_weights, copy.m_weights);
        assertArrayEquals(new String[]{"x1", "x2"}, copy.getSpec().m_columns);
        assertEquals(po.getSpec(), copy.getSpec(), "simple specs compare by saved content");
        assertNotEquals(new ToySpec("x1"), po.getSpec());
    }

    @Test
    void tableSpecSerializerAndPortTypes() throws Exception {
        final DataTableSpec spec = new DataTableSpec(new DataColumnSpecCreator("d", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("i", IntCell.TYPE).createSpec());
        assertEquals(spec, NodeModelHarness.saveLoadSpec(spec));

        final PortType t = PortTypeRegistry.getInstance().getPortType(ToyPortObject.class);
        assertEquals(ToySpec.class, t.getPortObjectSpecClass());
        assertTrue(t.acceptsPortObjectSpec(new ToySpec()));
        assertEquals(DataTableSpec.class, BufferedDataTable.TYPE.getPortObjectSpecClass());
        assertTrue(BufferedDataTable.TYPE_OPTIONAL.isOptional());
        final DataTableSpec doubles = new DataTableSpec(new String[]{"p", "q"},
            new org.knime.core.data.DataType[]{DoubleCell.TYPE, DoubleCell.TYPE});
        final BufferedDataTable table = NodeModelHarness.createTable(doubles, new double[][]{{1, 2}});
        final IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> NodeModelHarness.saveLoadPortObject(table));
        assertTrue(e.getMessage().contains("Tables are persisted by the framework"), e.getMessage());
    }
}
