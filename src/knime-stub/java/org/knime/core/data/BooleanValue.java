package org.knime.core.data;

/** Stand-in (test harness only): the {@code BooleanValue} cell value interface. */
public interface BooleanValue extends DataValue {

    boolean getBooleanValue();
}
