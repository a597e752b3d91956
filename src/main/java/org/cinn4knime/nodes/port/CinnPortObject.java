package org.cinn4knime.nodes.port;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.ZipEntry;

import javax.swing.ImageIcon;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;

import org.cinn4knime.engine.CinnModel;
import org.cinn4knime.engine.ModelFile;
import org.cinn4knime.engine.ModelFormatException;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.port.AbstractPortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/**
 * A trained conditional invertible neural network on a KNIME port. The model is stored with the engine's
 * {@link ModelFile} format (a zip with model.json and checksummed weights) as one entry of the port's zip stream;
 * never with Java serialization.
 */
public final class CinnPortObject extends AbstractPortObject {

    /** The port type of cINN models. */
    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(CinnPortObject.class);

    /** Serializer, registered with the port type. */
    public static final class Serializer extends AbstractPortObjectSerializer<CinnPortObject> {
    }

    /** Name of the zip entry that holds the model file. */
    static final String MODEL_ENTRY = "cinn-model.zip";

    private static final int VIEW_WIDTH = 640;

    private static final int VIEW_HEIGHT = 400;

    private CinnPortObjectSpec m_spec;

    private CinnModel m_model;

    /** Empty port object, filled by {@link #load}; used by the framework only. */
    public CinnPortObject() {
    }

    /**
     * @param spec the spec (column names/types, architecture, training summary)
     * @param model the trained model
     */
    public CinnPortObject(final CinnPortObjectSpec spec, final CinnModel model) {
        m_spec = spec;
        m_model = model;
    }

    /** @return the trained model */
    public CinnModel getModel() {
        return m_model;
    }

    @Override
    public CinnPortObjectSpec getSpec() {
        return m_spec;
    }

    @Override
    public String getSummary() {
        return m_spec.describe();
    }

    /** Creates the views on request only: a loss-curve picture and the model summary. */
    @Override
    public JComponent[] getViews() {
        final JPanel curve = new JPanel(new BorderLayout());
        curve.setName("Loss curve");
        curve.add(new JLabel(
            new ImageIcon(LossCurveImage.render(m_model.info().history(), VIEW_WIDTH, VIEW_HEIGHT))),
            BorderLayout.CENTER);
        final JTextArea text = new JTextArea(m_spec.describe());
        text.setEditable(false);
        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        final JScrollPane summary = new JScrollPane(text);
        summary.setName("cINN summary");
        summary.setPreferredSize(new Dimension(VIEW_WIDTH, 200));
        return new JComponent[]{curve, summary};
    }

    @Override
    protected void save(final PortObjectZipOutputStream out, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        exec.checkCanceled();
        out.putNextEntry(new ZipEntry(MODEL_ENTRY));
        ModelFile.write(m_model, new FilterOutputStream(out) {
            @Override
            public void write(final byte[] b, final int off, final int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the entry is closed below; the zip stream belongs to the framework
            }
        });
        out.closeEntry();
    }

    @Override
    protected void load(final PortObjectZipInputStream in, final PortObjectSpec spec, final ExecutionMonitor exec)
        throws IOException, CanceledExecutionException {
        exec.checkCanceled();
        final ZipEntry entry = in.getNextEntry();
        if (entry == null || !MODEL_ENTRY.equals(entry.getName())) {
            throw new IOException("The saved cINN model port has no entry '" + MODEL_ENTRY + "' (found "
                + (entry == null ? "nothing" : "'" + entry.getName() + "'") + "); the workflow data is damaged.");
        }
        final InputStream body = new FilterInputStream(in) {
            @Override
            public void close() {
                // the zip stream belongs to the framework
            }
        };
        try {
            m_model = ModelFile.read(body);
        } catch (ModelFormatException e) {
            throw new IOException("Could not read the cINN model of this port: " + e.getMessage(), e);
        }
        if (!(spec instanceof CinnPortObjectSpec)) {
            throw new IOException("The cINN model port was saved with a spec of type "
                + (spec == null ? "null" : spec.getClass().getName()) + "; expected a cINN model spec.");
        }
        m_spec = (CinnPortObjectSpec)spec;
    }
}
