package org.knime.core.data;

/** Stand-in (test harness only): marker interface of all cell value types. */
public interface DataValue {
}
