package org.knime.core.data;

/** Stand-in (test harness only): a table with a spec and rows. */
public interface DataTable extends Iterable<DataRow> {

    DataTableSpec getDataTableSpec();

    @Override
    RowIterator iterator();
}
