package org.knime.core.data;

/** Stand-in (test harness only): the {@code MissingValue} cell value interface. */
public interface MissingValue extends DataValue {

    String getError();
}
