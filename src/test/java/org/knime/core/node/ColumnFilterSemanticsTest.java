package org.knime.core.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;

/** The include/exclude semantics of KNIME's column filter, as nodes rely on them. */
class ColumnFilterSemanticsTest {

    private static final DataTableSpec OLD = new DataTableSpec(new String[]{"a", "b", "s"},
        new DataType[]{DoubleCell.TYPE, DoubleCell.TYPE, StringCell.TYPE});

    private static final DataTableSpec NEW = new DataTableSpec(new String[]{"a", "b", "c", "s"},
        new DataType[]{DoubleCell.TYPE, DoubleCell.TYPE, DoubleCell.TYPE, StringCell.TYPE});

    @SuppressWarnings("unchecked")
    private static SettingsModelColumnFilter2 numeric() {
        return new SettingsModelColumnFilter2("cols", DoubleValue.class);
    }

    @Test
    void enforceExclusionIncludesNewColumnsAndTypeFilterHidesOthers() {
        final SettingsModelColumnFilter2 m = numeric();
        m.loadDefaults(OLD); // include all offered (numeric) columns, enforce exclusion
        assertArrayEquals(new String[]{"a", "b"}, m.applyTo(OLD).getIncludes());
        assertArrayEquals(new String[]{"a", "b", "c"}, m.applyTo(NEW).getIncludes());
        assertArrayEquals(new String[0], m.applyTo(NEW).getExcludes(), "the String column is not offered at all");
    }

    @Test
    void enforceInclusionExcludesNewColumnsAndReportsRemovedOnes() throws Exception {
        final SettingsModelColumnFilter2 m = numeric();
        // settings as a KNIME workflow would hold them: include a and b, exclude nothing, enforce inclusion
        final NodeSettings s = new NodeSettings("model");
        m.saveSettingsTo(s);
        final NodeSettings sub = s.getNodeSettings("cols");
        sub.addStringArray("included_names", "a", "gone");
        sub.addStringArray("excluded_names");
        sub.addString("enforce_option", "EnforceInclusion");
        m.loadSettingsFrom(s);
        assertArrayEquals(new String[]{"a"}, m.applyTo(NEW).getIncludes());
        assertArrayEquals(new String[]{"b", "c"}, m.applyTo(NEW).getExcludes());
        assertArrayEquals(new String[]{"gone"}, m.applyTo(NEW).getRemovedFromIncludes());
    }
}
