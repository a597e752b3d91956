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
        // specs of executed tables carry domains; they survive a round trip too
        final DataTableSpec withDomain = NodeModelHarness.createTable(new DataTableSpec(
            new DataColumnSpecCreator("d", DoubleCell.TYPE).createSpec(),
            new DataColumnSpecCreator("s", org.knime.core.data.def.StringCell.TYPE).createSpec()),
            new org.knime.core.data.def.DefaultRow("r0", new DoubleCell(-1.5), new org.knime.core.data.def.StringCell("u")),
            new org.knime.core.data.def.DefaultRow("r1", new DoubleCell(4), new org.knime.core.data.def.StringCell("v")))
            .getDataTableSpec();
        final DataTableSpec loaded = (DataTableSpec)NodeModelHarness.saveLoadSpec(withDomain);
        assertEquals(withDomain, loaded);
        assertEquals(new DoubleCell(4), loaded.getColumnSpec("d").getDomain().getUpperBound());
        assertEquals(2, loaded.getColumnSpec("s").getDomain().getValues().size());

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

    /**
     * As knime-core AbstractSimplePortObjectSpec.AbstractSimplePortObjectSpecSerializer and AbstractPortObject's
     * serializer write them: a spec is the zip entry "content.xml" holding a config "model.xml" with "version" 1,
     * "class_name" and "model"; a port object starts with "meta.xml" ("version" 1, "class_name").
     */
    @Test
    void zipEntriesAreWrittenAsKnimeWritesThem() throws Exception {
        final ToySpec spec = new ToySpec("a", "b");
        final java.io.ByteArrayOutputStream specBytes = new java.io.ByteArrayOutputStream();
        try (org.knime.core.node.port.PortObjectSpecZipOutputStream out =
            org.knime.core.node.port.PortStreams.specOut(specBytes)) {
            new ToySpec.Serializer().savePortObjectSpec(spec, out);
        }
        try (java.util.zip.ZipInputStream in =
            new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(specBytes.toByteArray()))) {
            assertEquals("content.xml", in.getNextEntry().getName());
            final ModelContentRO content = ModelContent.loadFromXML(in);
            assertEquals("model.xml", content.getKey());
            assertEquals(1, content.getInt("version"));
            assertEquals(ToySpec.class.getName(), content.getString("class_name"));
            assertArrayEquals(new String[]{"a", "b"}, content.getModelContent("model").getStringArray("columns"));
        }
        final java.io.ByteArrayOutputStream objBytes = new java.io.ByteArrayOutputStream();
        try (PortObjectZipOutputStream out = org.knime.core.node.port.PortStreams.objectOut(objBytes)) {
            new ToyPortObject.Serializer().savePortObject(new ToyPortObject(spec, 1.0), out, new ExecutionMonitor());
        }
        try (java.util.zip.ZipInputStream in =
            new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(objBytes.toByteArray()))) {
            assertEquals("meta.xml", in.getNextEntry().getName());
            final ModelContentRO meta = ModelContent.loadFromXML(in);
            assertEquals(1, meta.getInt("version"));
            assertEquals(ToyPortObject.class.getName(), meta.getString("class_name"));
        }
    }
}
