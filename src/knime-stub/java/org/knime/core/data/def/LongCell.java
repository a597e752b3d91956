package org.knime.core.data.def;

import org.knime.core.data.BoundedValue;
import org.knime.core.data.ComplexNumberValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.FuzzyIntervalValue;
import org.knime.core.data.FuzzyNumberValue;
import org.knime.core.data.LongValue;

/** Stand-in (test harness only): a long cell. */
public class LongCell extends DataCell
    implements LongValue, DoubleValue, ComplexNumberValue, FuzzyNumberValue, FuzzyIntervalValue, BoundedValue {

    public static final DataType TYPE = DataType.getType(LongCell.class);

    private final long m_long;

    public LongCell(final long l) {
        m_long = l;
    }

    @Override
    public long getLongValue() {
        return m_long;
    }

    @Override
    public double getDoubleValue() {
        return m_long;
    }

    @Override
    public double getCore() {
        return m_long;
    }

    @Override
    public double getMaxSupport() {
        return m_long;
    }

    @Override
    public double getMinSupport() {
        return m_long;
    }

    @Override
    public double getMaxCore() {
        return m_long;
    }

    @Override
    public double getMinCore() {
        return m_long;
    }

    @Override
    public double getCenterOfGravity() {
        return m_long;
    }

    @Override
    public double getImaginaryValue() {
        return 0.0;
    }

    @Override
    public double getRealValue() {
        return m_long;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((LongCell)dc).m_long == m_long;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(m_long);
    }

    @Override
    public String toString() {
        return Long.toString(m_long);
    }
}
