package org.knime.core.data;

/** Stand-in (test harness only): the {@code NominalValue} cell value interface. */
public interface NominalValue extends DataValue {

}
