package org.knime.core.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.config.ConfigRO;
import org.knime.core.node.config.ConfigWO;

/** Stand-in (test harness only): the type of a column, identified by its cell class (native types only). */
public final class DataType {

    private static final String CFG_CELL_CLASS = "cell_class";

    private static final Map<Class<? extends DataCell>, DataType> TYPES = new ConcurrentHashMap<>();

    private static final class MissingHolder {
        static final DataCell MISSING = new MissingCell(null);
    }

    private final Class<? extends DataCell> m_cellClass;

    private final List<Class<? extends DataValue>> m_valueClasses;

    private DataType(final Class<? extends DataCell> cellClass) {
        m_cellClass = cellClass;
        final Set<Class<? extends DataValue>> values = new LinkedHashSet<>();
        collectValueClasses(cellClass, values);
        m_valueClasses = Collections.unmodifiableList(new ArrayList<>(values));
    }

    @SuppressWarnings("unchecked")
    private static void collectValueClasses(final Class<?> c, final Set<Class<? extends DataValue>> out) {
        if (c == null) {
            return;
        }
        for (Class<?> i : c.getInterfaces()) {
            if (DataValue.class.isAssignableFrom(i) && i != DataValue.class) {
                out.add((Class<? extends DataValue>)i);
            }
        }
        for (Class<?> i : c.getInterfaces()) {
            collectValueClasses(i, out);
        }
        collectValueClasses(c.getSuperclass(), out);
    }

    public static DataCell getMissingCell() {
        return MissingHolder.MISSING;
    }

    public static DataType getType(final Class<? extends DataCell> cell) {
        if (cell == null) {
            throw new NullPointerException("Cell class must not be null.");
        }
        return TYPES.computeIfAbsent(cell, DataType::new);
    }

    public static DataType load(final ConfigRO config) throws InvalidSettingsException {
        final String name = config.getString(CFG_CELL_CLASS);
        try {
            final Class<?> c = Class.forName(name, true, DataType.class.getClassLoader());
            if (!DataCell.class.isAssignableFrom(c)) {
                throw new InvalidSettingsException("Class \"" + name + "\" (key " + CFG_CELL_CLASS
                    + ") is not a DataCell class");
            }
            return getType(c.asSubclass(DataCell.class));
        } catch (ClassNotFoundException e) {
            throw new InvalidSettingsException("Unknown cell class \"" + name + "\" (key " + CFG_CELL_CLASS + ")", e);
        }
    }

    public void save(final ConfigWO config) {
        config.addString(CFG_CELL_CLASS, m_cellClass.getName());
    }

    public boolean isCollectionType() {
        return false;
    }

    public DataType getCollectionElementType() {
        return null;
    }

    public Class<? extends DataCell> getCellClass() {
        return m_cellClass;
    }

    public Class<? extends DataValue> getPreferredValueClass() {
        return m_valueClasses.isEmpty() ? DataValue.class : m_valueClasses.get(0);
    }

    public List<Class<? extends DataValue>> getValueClasses() {
        return m_valueClasses;
    }

    public boolean isCompatible(final Class<? extends DataValue> valueClass) {
        return valueClass.isAssignableFrom(m_cellClass);
    }

    public boolean isASuperTypeOf(final DataType type) {
        if (type == null) {
            return false;
        }
        if (equals(type) || MissingValue.class.isAssignableFrom(type.m_cellClass)) {
            return true;
        }
        for (Class<? extends DataValue> v : m_valueClasses) {
            if (!type.isCompatible(v)) {
                return false;
            }
        }
        return !m_valueClasses.isEmpty();
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof DataType && ((DataType)other).m_cellClass == m_cellClass;
    }

    @Override
    public int hashCode() {
        return m_cellClass.hashCode();
    }

    public String getName() {
        switch (m_cellClass.getName()) {
            case "org.knime.core.data.def.DoubleCell":
                return "Number (Float)";
            case "org.knime.core.data.def.IntCell":
                return "Number (Integer)";
            case "org.knime.core.data.def.LongCell":
                return "Number (Long)";
            case "org.knime.core.data.def.StringCell":
                return "String";
            case "org.knime.core.data.def.BooleanCell":
                return "Boolean";
            default:
                return m_cellClass.getSimpleName();
        }
    }

    public String toPrettyString() {
        return getName();
    }

    @Override
    public String toString() {
        return getName();
    }
}
