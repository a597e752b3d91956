package org.knime.core.data.container;

import org.knime.core.data.DataRow;

/** Stand-in (test harness only): something rows can be added to. */
public interface RowAppender {

    void addRowToTable(DataRow row);
}
