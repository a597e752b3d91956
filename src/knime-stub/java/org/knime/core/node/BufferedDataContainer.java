package org.knime.core.node;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.DataContainer;

/** Stand-in (test harness only): a data container whose result is a {@link BufferedDataTable}. */
public class BufferedDataContainer extends DataContainer {

    private BufferedDataTable m_result;

    BufferedDataContainer(final DataTableSpec spec, final boolean initDomain) {
        super(spec, initDomain);
    }

    @Override
    public BufferedDataTable getTable() {
        if (m_result == null) {
            m_result = new BufferedDataTable(super.getTable(), size());
        }
        return m_result;
    }
}
