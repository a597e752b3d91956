package org.knime.core.data;

/** Stand-in (test harness only): the {@code DoubleValue} cell value interface. */
public interface DoubleValue extends DataValue {

    double getDoubleValue();
}
