package org.knime.core.data.def;

import org.knime.core.data.BoundedValue;
import org.knime.core.data.ComplexNumberValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.FuzzyIntervalValue;
import org.knime.core.data.FuzzyNumberValue;
import org.knime.core.data.IntValue;
import org.knime.core.data.LongValue;

/** Stand-in (test harness only): an int cell. */
public class IntCell extends DataCell
    implements IntValue, LongValue, DoubleValue, ComplexNumberValue, FuzzyNumberValue, FuzzyIntervalValue, BoundedValue {

    public static final DataType TYPE = DataType.getType(IntCell.class);

    private final int m_int;

    public IntCell(final int i) {
        m_int = i;
    }

    @Override
    public int getIntValue() {
        return m_int;
    }

    @Override
    public long getLongValue() {
        return m_int;
    }

    @Override
    public double getDoubleValue() {
        return m_int;
    }

    @Override
    public double getCore() {
        return m_int;
    }

    @Override
    public double getMaxSupport() {
        return m_int;
    }

    @Override
    public double getMinSupport() {
        return m_int;
    }

    @Override
    public double getMaxCore() {
        return m_int;
    }

    @Override
    public double getMinCore() {
        return m_int;
    }

    @Override
    public double getCenterOfGravity() {
        return m_int;
    }

    @Override
    public double getImaginaryValue() {
        return 0.0;
    }

    @Override
    public double getRealValue() {
        return m_int;
    }

    @Override
    protected boolean equalsDataCell(final DataCell dc) {
        return ((IntCell)dc).m_int == m_int;
    }

    @Override
    public int hashCode() {
        return m_int;
    }

    @Override
    public String toString() {
        return Integer.toString(m_int);
    }
}
