package org.knime.core.data;

import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Stand-in (test harness only): a row of cells with a key. */
public interface DataRow extends Iterable<DataCell> {

    int getNumCells();

    RowKey getKey();

    DataCell getCell(int index);

    default Stream<DataCell> stream() {
        return StreamSupport.stream(spliterator(), false);
    }
}
