package org.knime.core.data;

/** Stand-in (test harness only): the {@code IntValue} cell value interface. */
public interface IntValue extends DataValue {

    int getIntValue();
}
