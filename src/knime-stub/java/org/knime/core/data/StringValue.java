package org.knime.core.data;

/** Stand-in (test harness only): the {@code StringValue} cell value interface. */
public interface StringValue extends DataValue {

    String getStringValue();
}
