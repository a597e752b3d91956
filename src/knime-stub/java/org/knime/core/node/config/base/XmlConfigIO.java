package org.knime.core.node.config.base;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** Stand-in internal: reads and writes KNIME's settings.xml format (namespace http://www.knime.org/2008/09/XMLConfig). */
final class XmlConfigIO {

    static final String NAMESPACE = "http://www.knime.org/2008/09/XMLConfig";

    private XmlConfigIO() {
    }

    static void write(final ConfigBase config, final OutputStream os) throws IOException {
        final Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write("<config xmlns=\"" + NAMESPACE + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
            + "xsi:schemaLocation=\"" + NAMESPACE + " http://www.knime.org/XMLConfig_2008_09.xsd\" key=\""
            + escape(config.getKey()) + "\"");
        writeChildren(config, w, 1);
        w.flush();
    }

    private static void writeChildren(final ConfigBase config, final Writer w, final int depth) throws IOException {
        if (config.entries().isEmpty()) {
            w.write("/>\n");
            return;
        }
        w.write(">\n");
        final String indent = "    ".repeat(depth);
        for (AbstractConfigEntry e : config.entries()) {
            if (e instanceof ConfigBase) {
                w.write(indent + "<config key=\"" + escape(e.getKey()) + "\"");
                writeChildren((ConfigBase)e, w, depth + 1);
            } else {
                final ValueEntry v = (ValueEntry)e;
                w.write(indent + "<entry key=\"" + escape(v.getKey()) + "\" type=\"" + v.entryType().xmlName() + "\"");
                if (v.value() == null) {
                    w.write(" isnull=\"true\" value=\"\"/>\n");
                } else {
                    w.write(" value=\"" + escape(v.value()) + "\"/>\n");
                }
            }
        }
        w.write("    ".repeat(depth - 1) + "</config>\n");
    }

    static String escape(final String s) {
        final StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            switch (c) {
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '"': b.append("&quot;"); break;
                case '\n': b.append("&#10;"); break;
                case '\r': b.append("&#13;"); break;
                case '\t': b.append("&#9;"); break;
                default:
                    if (c < 0x20) {
                        throw new IllegalArgumentException("The stand-in cannot write control character U+"
                            + String.format("%04X", (int)c) + " to settings XML (in \"" + s + "\")");
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }

    static void read(final ConfigBase target, final InputStream in) throws IOException {
        final Element root;
        try {
            final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            final DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            root = b.parse(in).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Not a valid settings XML document: " + e.getMessage(), e);
        }
        if (!"config".equals(root.getLocalName())) {
            throw new IOException("Settings XML root element must be <config>, found <" + root.getLocalName() + ">");
        }
        readChildren(target, root);
    }

    private static void readChildren(final ConfigBase target, final Element element) throws IOException {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            final Element e = (Element)n;
            final String key = requireAttr(e, "key");
            if ("config".equals(e.getLocalName())) {
                readChildren(target.addConfigBase(key), e);
            } else if ("entry".equals(e.getLocalName())) {
                final String typeName = requireAttr(e, "type");
                final EntryType type = EntryType.fromXmlName(typeName);
                if (type == null) {
                    throw new IOException("Unknown entry type \"" + typeName + "\" for key \"" + key + "\"");
                }
                final boolean isNull = "true".equals(e.getAttribute("isnull"));
                if (isNull && type != EntryType.STRING) {
                    throw new IOException("Only xstring entries may be null (key \"" + key + "\")");
                }
                target.putValue(key, type, isNull ? null : requireAttr(e, "value"));
            } else {
                throw new IOException("Unexpected element <" + e.getLocalName() + "> in settings XML");
            }
        }
    }

    private static String requireAttr(final Element e, final String name) throws IOException {
        if (!e.hasAttribute(name)) {
            throw new IOException("Element <" + e.getLocalName() + "> lacks the attribute \"" + name + "\"");
        }
        return e.getAttribute(name);
    }
}
