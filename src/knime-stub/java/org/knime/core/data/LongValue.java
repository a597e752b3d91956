package org.knime.core.data;

/** Stand-in (test harness only): the {@code LongValue} cell value interface. */
public interface LongValue extends DataValue {

    long getLongValue();
}
