package org.knime.core.data;

import java.io.Serializable;

/** Stand-in (test harness only): the base class of all cells. */
public abstract class DataCell implements DataValue, Serializable {

    public final DataType getType() {
        return DataType.getType(getClass());
    }

    public boolean isMissing() {
        return false;
    }

    @Override
    public abstract String toString();

    @Override
    public final boolean equals(final Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DataCell)) {
            return false;
        }
        final DataCell other = (DataCell)o;
        if (isMissing() || other.isMissing()) {
            return isMissing() && other.isMissing();
        }
        return other.getClass() == getClass() && equalsDataCell(other);
    }

    protected abstract boolean equalsDataCell(DataCell dc);

    @Override
    public abstract int hashCode();
}
