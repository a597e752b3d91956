package org.knime.core.node.util.filter.column;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.util.filter.InputFilter;
import org.knime.core.node.util.filter.NameFilterConfiguration;

/**
 * Stand-in (test harness only): a name filter over the columns of a table spec; columns rejected by the input filter
 * (e.g. non-numeric ones) are neither included nor excluded. The type filter of KNIME's dialog is not implemented;
 * its {@code datatype} config is written (empty) so the layout matches KNIME's.
 */
public final class DataColumnSpecFilterConfiguration extends NameFilterConfiguration {

    public static final int FILTER_BY_DATATYPE = 1 << 5;

    private static final String KEY_DATATYPE = "datatype";

    private static final String KEY_TYPELIST = "typelist";

    private final InputFilter<DataColumnSpec> m_filter;

    public DataColumnSpecFilterConfiguration(final String configRootName) {
        this(configRootName, null);
    }

    public DataColumnSpecFilterConfiguration(final String configRootName, final InputFilter<DataColumnSpec> filter) {
        this(configRootName, filter, FILTER_BY_NAMEPATTERN);
    }

    public DataColumnSpecFilterConfiguration(final String configRootName, final InputFilter<DataColumnSpec> filter,
        final int filterEnableMask) {
        super(configRootName, filterEnableMask);
        m_filter = filter;
    }

    private String[] filteredNames(final DataTableSpec spec) {
        final List<String> names = new ArrayList<>();
        for (DataColumnSpec c : spec) {
            if (m_filter == null || m_filter.include(c)) {
                names.add(c.getName());
            }
        }
        return names.toArray(new String[0]);
    }

    public void loadConfigurationInDialog(final NodeSettingsRO settings, final DataTableSpec spec) {
        loadConfigurationInDialog(settings, filteredNames(spec));
    }

    @Override
    public void loadConfigurationInModelChild(final NodeSettingsRO settings) throws InvalidSettingsException {
        // the type filter is not evaluated by the stand-in
    }

    @Override
    protected void saveConfigurationChild(final NodeSettingsWO settings) {
        settings.addNodeSettings(KEY_DATATYPE).addNodeSettings(KEY_TYPELIST);
    }

    public FilterResult applyTo(final DataTableSpec spec) {
        return applyTo(filteredNames(spec));
    }

    @Override
    public DataColumnSpecFilterConfiguration clone() {
        return (DataColumnSpecFilterConfiguration)super.clone();
    }

    @Override
    public boolean equals(final Object obj) {
        return super.equals(obj);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    public String toString() {
        return super.toString();
    }

    public void loadDefaults(final DataTableSpec spec, final boolean includeByDefault) {
        loadDefaults(filteredNames(spec), includeByDefault);
    }

    public void loadDefault(final DataTableSpec spec, final InputFilter<DataColumnSpec> filter,
        final boolean filterDefinesIncludeList) {
        final List<String> incl = new ArrayList<>();
        final List<String> excl = new ArrayList<>();
        for (String name : filteredNames(spec)) {
            final boolean pass = filter == null || filter.include(spec.getColumnSpec(name));
            (pass == filterDefinesIncludeList ? incl : excl).add(name);
        }
        loadDefaults(incl.toArray(new String[0]), excl.toArray(new String[0]),
            filterDefinesIncludeList ? EnforceOption.EnforceExclusion : EnforceOption.EnforceInclusion);
    }

    public InputFilter<DataColumnSpec> getFilter() {
        return m_filter;
    }
}
