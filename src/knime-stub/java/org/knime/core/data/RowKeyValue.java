package org.knime.core.data;

/** Stand-in (test harness only): a value holding a row key string. */
public interface RowKeyValue {

    String getString();
}
