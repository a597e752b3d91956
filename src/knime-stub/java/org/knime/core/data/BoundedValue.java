package org.knime.core.data;

/** Stand-in (test harness only): the {@code BoundedValue} cell value interface. */
public interface BoundedValue extends DataValue {

}
