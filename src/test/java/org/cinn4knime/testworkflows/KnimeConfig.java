package org.cinn4knime.testworkflows;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A config tree in KNIME's XMLConfig format (http://www.knime.org/2008/09/XMLConfig, as in settings.xml and
 * workflow.knime): {@code config} elements with a key holding {@code entry} elements (key, type, value, isnull) and
 * nested configs, in order. Test-workflow tooling only: reads and writes the text the way KNIME 5 saves it.
 */
final class KnimeConfig {

    static final String NAMESPACE = "http://www.knime.org/2008/09/XMLConfig";

    private final String m_key;
    private final List<Object> m_children = new ArrayList<>();

    /** One entry: its type is the XMLConfig type without the "x" (string, int, double, boolean, long, byte, ...). */
    record Entry(String key, String type, String value, boolean isNull) {
    }

    KnimeConfig(final String key) {
        m_key = key;
    }

    String key() {
        return m_key;
    }

    List<Object> children() {
        return m_children;
    }

    // ---- building (each returns this for chaining, config() returns the new child) ----

    KnimeConfig string(final String key, final String value) {
        return value == null ? add(new Entry(key, "string", "", true)) : add(new Entry(key, "string", value, false));
    }

    KnimeConfig integer(final String key, final int value) {
        return add(new Entry(key, "int", Integer.toString(value), false));
    }

    KnimeConfig bool(final String key, final boolean value) {
        return add(new Entry(key, "boolean", Boolean.toString(value), false));
    }

    KnimeConfig config(final String key) {
        final KnimeConfig child = new KnimeConfig(key);
        m_children.add(child);
        return child;
    }

    /** Adds a finished child config (e.g. one read from elsewhere) under a new key. */
    KnimeConfig put(final String key, final KnimeConfig source) {
        final KnimeConfig copy = new KnimeConfig(key);
        copy.m_children.addAll(source.m_children);
        m_children.add(copy);
        return this;
    }

    /** A string array as KNIME writes it: a config with "array-size" and entries "0", "1", ... */
    KnimeConfig stringArray(final String key, final List<String> values) {
        final KnimeConfig array = config(key).integer("array-size", values.size());
        for (int i = 0; i < values.size(); i++) {
            array.string(Integer.toString(i), values.get(i));
        }
        return this;
    }

    KnimeConfig intArray(final String key, final int[] values) {
        final KnimeConfig array = config(key).integer("array-size", values.length);
        for (int i = 0; i < values.length; i++) {
            array.integer(Integer.toString(i), values[i]);
        }
        return this;
    }

    /** A settings model as KNIME's SettingsModel saves it: "key_Internals" (model id, enabled) then the value. */
    KnimeConfig settingsModel(final String modelId, final Entry value) {
        config(value.key() + "_Internals").string("SettingsModelID", modelId).bool("EnabledStatus", true);
        return add(value);
    }

    private KnimeConfig add(final Entry e) {
        m_children.add(e);
        return this;
    }

    // ---- reading / editing ----

    Optional<Entry> entry(final String key) {
        return m_children.stream().filter(c -> c instanceof Entry e && e.key().equals(key)).map(Entry.class::cast)
            .findFirst();
    }

    Optional<KnimeConfig> child(final String key) {
        return m_children.stream().filter(c -> c instanceof KnimeConfig k && k.m_key.equals(key))
            .map(KnimeConfig.class::cast).findFirst();
    }

    KnimeConfig requireChild(final String key) {
        return child(key).orElseThrow(() -> new IllegalArgumentException("no config '" + key + "' in '" + m_key
            + "'; it has " + keys()));
    }

    Entry requireEntry(final String key) {
        return entry(key).orElseThrow(() -> new IllegalArgumentException("no entry '" + key + "' in '" + m_key
            + "'; it has " + keys()));
    }

    /** Replaces the value of an existing entry, keeping its type; fails if there is no such entry. */
    KnimeConfig set(final String key, final String value) {
        final Entry old = requireEntry(key);
        m_children.set(m_children.indexOf(old), new Entry(key, old.type(), value, false));
        return this;
    }

    /** Replaces an existing child config by a string array; fails if there is no such child. */
    KnimeConfig setStringArray(final String key, final List<String> values) {
        final KnimeConfig old = requireChild(key);
        final int index = m_children.indexOf(old);
        stringArray(key, values);
        m_children.set(index, m_children.remove(m_children.size() - 1));
        return this;
    }

    /** Keys of the direct children, in order. */
    List<String> keys() {
        return m_children.stream().map(c -> c instanceof Entry e ? e.key() : ((KnimeConfig)c).m_key).toList();
    }

    /** All paths below this config ("a/b/c"), entries and configs, for comparing key sets. */
    List<String> paths() {
        final List<String> out = new ArrayList<>();
        collect("", out);
        return out;
    }

    private void collect(final String prefix, final List<String> out) {
        for (final Object c : m_children) {
            if (c instanceof Entry e) {
                out.add(prefix + e.key());
            } else {
                final KnimeConfig k = (KnimeConfig)c;
                out.add(prefix + k.m_key + "/");
                k.collect(prefix + k.m_key + "/", out);
            }
        }
    }

    // ---- XML ----

    static KnimeConfig parse(final String xml) throws IOException {
        return parse(new InputSource(new StringReader(xml)));
    }

    static KnimeConfig read(final Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(new InputSource(in));
        }
    }

    private static KnimeConfig parse(final InputSource source) throws IOException {
        try {
            final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            final Element root = f.newDocumentBuilder().parse(source).getDocumentElement();
            if (!"config".equals(root.getLocalName()) || !NAMESPACE.equals(root.getNamespaceURI())) {
                throw new IOException("not an XMLConfig document: root element " + root.getTagName());
            }
            return fromElement(root);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(e);
        }
    }

    private static KnimeConfig fromElement(final Element element) {
        final KnimeConfig config = new KnimeConfig(element.getAttribute("key"));
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                if ("config".equals(child.getLocalName())) {
                    config.m_children.add(fromElement(child));
                } else {
                    config.m_children.add(new Entry(child.getAttribute("key"),
                        child.getAttribute("type").substring(1), child.getAttribute("value"),
                        "true".equals(child.getAttribute("isnull"))));
                }
            }
        }
        return config;
    }

    /** The document text as KNIME 5 writes it (4-space indentation). */
    String toXml() {
        final StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<config xmlns=\"").append(NAMESPACE)
            .append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"")
            .append(NAMESPACE).append(" http://www.knime.org/XMLConfig_2008_09.xsd\" key=\"").append(escape(m_key))
            .append("\">\n");
        writeChildren(sb, 1);
        return sb.append("</config>\n").toString();
    }

    private void writeChildren(final StringBuilder sb, final int depth) {
        final String indent = "    ".repeat(depth);
        for (final Object c : m_children) {
            if (c instanceof Entry e) {
                sb.append(indent).append("<entry key=\"").append(escape(e.key())).append("\" type=\"x")
                    .append(e.type()).append('"').append(e.isNull() ? " isnull=\"true\"" : "").append(" value=\"")
                    .append(escape(e.value())).append("\"/>\n");
            } else {
                final KnimeConfig k = (KnimeConfig)c;
                if (k.m_children.isEmpty()) {
                    sb.append(indent).append("<config key=\"").append(escape(k.m_key)).append("\"/>\n");
                } else {
                    sb.append(indent).append("<config key=\"").append(escape(k.m_key)).append("\">\n");
                    k.writeChildren(sb, depth + 1);
                    sb.append(indent).append("</config>\n");
                }
            }
        }
    }

    /** XML attribute escaping as KNIME does it; line breaks and tabs survive as character references. */
    static String escape(final String s) {
        final StringBuilder sb = new StringBuilder(s.length());
        for (final char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\n' -> sb.append("&#10;");
                case '\r' -> sb.append("&#13;");
                case '\t' -> sb.append("&#9;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "config '%s' %s", m_key, keys());
    }
}
