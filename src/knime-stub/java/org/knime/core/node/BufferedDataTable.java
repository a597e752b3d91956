package org.knime.core.node;

import java.util.concurrent.atomic.AtomicInteger;

import javax.swing.JComponent;

import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** Stand-in (test harness only): an immutable in-memory table; created through {@link ExecutionContext}. */
public final class BufferedDataTable implements DataTable, PortObject {

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(BufferedDataTable.class);

    public static final PortType TYPE_OPTIONAL =
        PortTypeRegistry.getInstance().getPortType(BufferedDataTable.class, true);

    private static final AtomicInteger ID_COUNTER = new AtomicInteger();

    private final DataTable m_delegate;

    private final long m_size;

    private final int m_id = ID_COUNTER.incrementAndGet();

    BufferedDataTable(final DataTable delegate, final long size) {
        m_delegate = delegate;
        m_size = size;
    }

    @Override
    public DataTableSpec getDataTableSpec() {
        return m_delegate.getDataTableSpec();
    }

    @Override
    public DataTableSpec getSpec() {
        return getDataTableSpec();
    }

    @Override
    public String getSummary() {
        return "Rows: " + m_size + ", Cols: " + getDataTableSpec().getNumColumns();
    }

    @Override
    public CloseableRowIterator iterator() {
        final java.util.Iterator<DataRow> it = m_delegate.iterator();
        return CloseableRowIterator.from(it);
    }

    /** @deprecated use {@link #size()} */
    @Deprecated
    public int getRowCount() {
        return (int)Math.min(Integer.MAX_VALUE, m_size);
    }

    public long size() {
        return m_size;
    }

    public Integer getBufferedTableId() {
        return m_id;
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public String toString() {
        return "BufferedDataTable #" + m_id + " (" + getSummary() + ")";
    }
}
