package org.knime.core.data.container;

/** Stand-in (test harness only): a row sink that can be flushed. */
public interface RowFlushable {

    void flushRows();
}
