package org.knime.core.node;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Stand-in (test harness only): creates a node's model, views and dialog. The node description is read, as in KNIME,
 * from {@code <FactorySimpleName>.xml} beside the factory class.
 */
public abstract class NodeFactory<T extends NodeModel> {

    /** The node types of the node description. */
    public enum NodeType {
        Source, Sink, Learner, Predictor, Manipulator, Visualizer, Widget, Meta, LoopStart, LoopEnd, ScopeStart,
        ScopeEnd, QuickForm, Configuration, Other, Missing, Unknown, Subnode, VirtualIn, VirtualOut, Container
    }

    private Element m_description;

    private boolean m_initialized;

    protected NodeFactory() {
        this(false);
    }

    protected NodeFactory(final boolean lazyInitialization) {
        if (!lazyInitialization) {
            init();
        }
    }

    public synchronized void init() {
        if (m_initialized) {
            return;
        }
        m_initialized = true;
        final String resource = getClass().getSimpleName() + ".xml";
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            if (in == null) {
                NodeLogger.getLogger(getClass()).coding("No node description " + resource + " beside " + getClass());
                return;
            }
            final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            final var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            m_description = builder.parse(in).getDocumentElement();
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("Cannot read node description " + resource + " of " + getClass(), e);
        }
    }

    public Element getXMLDescription() {
        init();
        return m_description;
    }

    private Element child(final Element parent, final String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && name.equals(n.getLocalName())) {
                return (Element)n;
            }
        }
        return null;
    }

    private String portName(final String kind, final int index) {
        final Element ports = child(getXMLDescription(), "ports");
        if (ports == null) {
            return null;
        }
        for (Node n = ports.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && kind.equals(n.getLocalName())
                && Integer.toString(index).equals(((Element)n).getAttribute("index"))) {
                return ((Element)n).getAttribute("name");
            }
        }
        return null;
    }

    public final String getNodeName() {
        final Element name = child(getXMLDescription(), "name");
        return name == null ? getClass().getSimpleName().replaceFirst("(Node)?Factory$", "")
            : name.getTextContent().trim();
    }

    public String getInportName(final int index) {
        return portName("inPort", index);
    }

    public String getOutportName(final int index) {
        return portName("outPort", index);
    }

    public NodeType getType() {
        final Element d = getXMLDescription();
        if (d == null || d.getAttribute("type").isEmpty()) {
            return NodeType.Unknown;
        }
        try {
            return NodeType.valueOf(d.getAttribute("type"));
        } catch (IllegalArgumentException e) {
            return NodeType.Unknown;
        }
    }

    public URL getIcon() {
        final Element d = getXMLDescription();
        if (d == null || d.getAttribute("icon").isEmpty()) {
            return null;
        }
        return getClass().getResource(d.getAttribute("icon"));
    }

    public abstract T createNodeModel();

    protected abstract int getNrNodeViews();

    public abstract NodeView<T> createNodeView(int viewIndex, T nodeModel);

    protected abstract boolean hasDialog();

    protected abstract NodeDialogPane createNodeDialogPane();

    // ---------------------------------------------------------------- stand-in internals for the test harness

    final int nrNodeViews() {
        return getNrNodeViews();
    }

    final boolean dialogAvailable() {
        return hasDialog();
    }
}
