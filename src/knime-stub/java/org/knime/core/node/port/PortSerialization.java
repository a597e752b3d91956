package org.knime.core.node.port;

import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;

/** Stand-in internal: zip entries holding ModelContent XML, and instantiation of port classes by name. */
final class PortSerialization {

    static final String CFG_CLASS = "class_name";

    /** The entry of AbstractSimplePortObject(Spec) in KNIME ("content.xml", holding a config named "model.xml"). */
    static final String SIMPLE_ENTRY = "content.xml";

    static final String SIMPLE_ROOT = "model.xml";

    static final String CFG_MODEL = "model";

    /**
     * As KNIME's AbstractSimplePortObject(Spec) serializers: a config named "model.xml" with "version" 1, "class_name"
     * and the object's own config "model", written as zip entry "content.xml".
     */
    static ModelContent simpleContent(final Object o) {
        final ModelContent content = new ModelContent(SIMPLE_ROOT);
        content.addInt("version", 1);
        content.addString(CFG_CLASS, o.getClass().getName());
        return content;
    }

    private PortSerialization() {
    }

    static void writeEntry(final ZipOutputStream out, final String entry, final ModelContent content)
        throws IOException {
        out.putNextEntry(new ZipEntry(entry));
        content.saveToXML(out);
        out.closeEntry();
    }

    static ModelContentRO readEntry(final ZipInputStream in, final String entry) throws IOException {
        final ZipEntry e = in.getNextEntry();
        if (e == null || !entry.equals(e.getName())) {
            throw new IOException("Expected zip entry \"" + entry + "\", found "
                + (e == null ? "no further entry" : "\"" + e.getName() + "\""));
        }
        return ModelContent.loadFromXML(in);
    }

    private static ClassLoader loader() {
        final ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : PortSerialization.class.getClassLoader();
    }

    static <T> T instantiate(final ModelContentRO meta, final Class<T> base, final String entry) throws IOException {
        final String name;
        try {
            name = meta.getString(CFG_CLASS);
        } catch (InvalidSettingsException e) {
            throw new IOException("Zip entry \"" + entry + "\" lacks the class name: " + e.getMessage(), e);
        }
        try {
            final Class<?> c = Class.forName(name, true, loader());
            if (!base.isAssignableFrom(c)) {
                throw new IOException("Class \"" + name + "\" in \"" + entry + "\" is not a " + base.getSimpleName());
            }
            return base.cast(c.getConstructor().newInstance());
        } catch (NoSuchMethodException e) {
            throw new IOException("Class \"" + name + "\" needs a public no-argument constructor", e);
        } catch (ReflectiveOperationException e) {
            throw new IOException("Cannot instantiate class \"" + name + "\": " + e, e);
        }
    }
}
