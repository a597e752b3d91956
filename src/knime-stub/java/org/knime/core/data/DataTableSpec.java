package org.knime.core.data;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import javax.swing.JComponent;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContent;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortObjectSpecZipInputStream;
import org.knime.core.node.port.PortObjectSpecZipOutputStream;

/** Stand-in (test harness only): the spec of a table: a name and unique, ordered column specs. */
public final class DataTableSpec implements PortObjectSpec, Iterable<DataColumnSpec> {

    private static final String DEFAULT_NAME = "default";

    private static final String CFG_NAME = "spec_name";

    private static final String CFG_NUMBER_COLUMNS = "number_columns";

    private static final String CFG_COLUMN_SPEC = "column_spec_";

    private final String m_name;

    private final DataColumnSpec[] m_columns;

    private final Map<String, Integer> m_index = new HashMap<>();

    public DataTableSpec() {
        this(DEFAULT_NAME);
    }

    public DataTableSpec(final DataColumnSpec... colSpecs) {
        this(DEFAULT_NAME, colSpecs);
    }

    public DataTableSpec(final String name) {
        this(name, new DataColumnSpec[0]);
    }

    public DataTableSpec(final String name, final DataColumnSpec... colSpecs) {
        m_name = name;
        m_columns = colSpecs.clone();
        for (int i = 0; i < m_columns.length; i++) {
            if (m_columns[i] == null) {
                throw new NullPointerException("Column spec at position " + i + " must not be null.");
            }
            final Integer prev = m_index.put(m_columns[i].getName(), i);
            if (prev != null) {
                throw new IllegalArgumentException("Duplicate column name \"" + m_columns[i].getName()
                    + "\" at positions " + prev + " and " + i + ".");
            }
        }
    }

    public DataTableSpec(final DataTableSpec spec1, final DataTableSpec spec2) {
        this(DEFAULT_NAME, spec1, spec2);
    }

    public DataTableSpec(final String name, final DataTableSpec spec1, final DataTableSpec spec2) {
        this(name, concat(spec1, spec2));
    }

    public DataTableSpec(final String[] names, final DataType[] types) {
        this(DEFAULT_NAME, names, types);
    }

    public DataTableSpec(final String name, final String[] names, final DataType[] types) {
        this(name, createColumnSpecs(names, types));
    }

    private static DataColumnSpec[] concat(final DataTableSpec a, final DataTableSpec b) {
        final DataColumnSpec[] result = Arrays.copyOf(a.m_columns, a.m_columns.length + b.m_columns.length);
        System.arraycopy(b.m_columns, 0, result, a.m_columns.length, b.m_columns.length);
        return result;
    }

    public static final DataColumnSpec[] createColumnSpecs(final String[] names, final DataType[] types) {
        if (names.length != types.length) {
            throw new IllegalArgumentException(
                "Number of names (" + names.length + ") and types (" + types.length + ") differ.");
        }
        final DataColumnSpec[] result = new DataColumnSpec[names.length];
        for (int i = 0; i < names.length; i++) {
            result[i] = new DataColumnSpecCreator(names[i], types[i]).createSpec();
        }
        return result;
    }

    public String getName() {
        return m_name;
    }

    public int getNumColumns() {
        return m_columns.length;
    }

    public DataColumnSpec getColumnSpec(final int index) {
        return m_columns[index];
    }

    public DataColumnSpec getColumnSpec(final String column) {
        final Integer i = m_index.get(column);
        return i == null ? null : m_columns[i];
    }

    public int findColumnIndex(final String columnName) {
        final Integer i = m_index.get(columnName);
        return i == null ? -1 : i;
    }

    public boolean containsName(final String columnName) {
        return m_index.containsKey(columnName);
    }

    public boolean containsCompatibleType(final Class<? extends DataValue> valueClass) {
        return stream().anyMatch(c -> c.getType().isCompatible(valueClass));
    }

    public final String[] getColumnNames() {
        return stream().map(DataColumnSpec::getName).toArray(String[]::new);
    }

    public int[] columnsToIndices(final String... columns) {
        final int[] result = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            result[i] = findColumnIndex(columns[i]);
            if (result[i] < 0) {
                throw new IllegalArgumentException("Column \"" + columns[i] + "\" not in spec.");
            }
        }
        return result;
    }

    public boolean equalStructure(final DataTableSpec spec) {
        if (spec == null || spec.m_columns.length != m_columns.length) {
            return false;
        }
        for (int i = 0; i < m_columns.length; i++) {
            if (!m_columns[i].equalStructure(spec.m_columns[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof DataTableSpec && Arrays.equals(m_columns, ((DataTableSpec)obj).m_columns);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m_columns);
    }

    @Override
    public String toString() {
        return "name=" + m_name + ",columns=" + Arrays.toString(m_columns);
    }

    @Override
    public Iterator<DataColumnSpec> iterator() {
        return Arrays.asList(m_columns).iterator();
    }

    public Stream<DataColumnSpec> stream() {
        return Arrays.stream(m_columns);
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    public static String getUniqueColumnName(final DataTableSpec spec, final String columnName) {
        if (spec == null || !spec.containsName(columnName)) {
            return columnName;
        }
        int i = 1;
        String candidate;
        do {
            candidate = columnName + " (#" + i++ + ")";
        } while (spec.containsName(candidate));
        return candidate;
    }

    public void save(final ConfigWO config) {
        config.addString(CFG_NAME, m_name);
        config.addInt(CFG_NUMBER_COLUMNS, m_columns.length);
        for (int i = 0; i < m_columns.length; i++) {
            m_columns[i].save(config.addConfig(CFG_COLUMN_SPEC + i));
        }
    }

    public static DataTableSpec load(final ConfigRO config) throws InvalidSettingsException {
        final int n = config.getInt(CFG_NUMBER_COLUMNS);
        final List<DataColumnSpec> cols = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cols.add(DataColumnSpec.load(config.getConfig(CFG_COLUMN_SPEC + i)));
        }
        return new DataTableSpec(config.getString(CFG_NAME), cols.toArray(new DataColumnSpec[0]));
    }

    /** Saves the spec as XML into the zip entry {@code spec.xml}. */
    public static final class Serializer extends PortObjectSpecSerializer<DataTableSpec> {

        private static final String ENTRY = "spec.xml";

        @Override
        public DataTableSpec loadPortObjectSpec(final PortObjectSpecZipInputStream in) throws IOException {
            final ZipEntry entry = in.getNextEntry();
            if (entry == null || !ENTRY.equals(entry.getName())) {
                throw new IOException("Expected zip entry \"" + ENTRY + "\", found "
                    + (entry == null ? "none" : "\"" + entry.getName() + "\""));
            }
            final ModelContentRO content = ModelContent.loadFromXML(new NonClosingInputStream(in));
            try {
                return load(content);
            } catch (InvalidSettingsException e) {
                throw new IOException("Invalid table spec in \"" + ENTRY + "\": " + e.getMessage(), e);
            }
        }

        @Override
        public void savePortObjectSpec(final DataTableSpec spec, final PortObjectSpecZipOutputStream out)
            throws IOException {
            out.putNextEntry(new ZipEntry(ENTRY));
            final ModelContent content = new ModelContent(ENTRY);
            spec.save(content);
            content.saveToXML(new OutputStream() {
                @Override
                public void write(final int b) throws IOException {
                    out.write(b);
                }

                @Override
                public void write(final byte[] b, final int off, final int len) throws IOException {
                    out.write(b, off, len);
                }
            });
            out.closeEntry();
        }
    }

    private static final class NonClosingInputStream extends java.io.FilterInputStream {
        NonClosingInputStream(final java.io.InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip stream stays open for the caller
        }
    }
}
