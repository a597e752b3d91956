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

    /** Stand-in only: the iterators of this table that are neither closed nor at their end. */
    private final java.util.Set<CloseableRowIterator> m_openIterators =
        java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));

    /**
     * As in KNIME, an iterator holds resources (file handles of a buffer) until it is closed or has returned its last
     * row; the stand-in records such open iterators so a test can show that an error leaving a loop closes it.
     */
    @Override
    public CloseableRowIterator iterator() {
        final java.util.Iterator<DataRow> it = m_delegate.iterator();
        final CloseableRowIterator tracked = new CloseableRowIterator() {
            @Override
            public boolean hasNext() {
                final boolean more = it.hasNext();
                if (!more) {
                    m_openIterators.remove(this);
                }
                return more;
            }

            @Override
            public DataRow next() {
                return it.next();
            }

            @Override
            public void close() {
                m_openIterators.remove(this);
            }
        };
        m_openIterators.add(tracked);
        return tracked;
    }

    /** Stand-in only (for the test harness): iterators neither closed nor run to their end. */
    int openIterators() {
        return m_openIterators.size();
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
}
