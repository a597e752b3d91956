package org.knime.core.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelLong;
import org.knime.core.node.util.filter.column.DataColumnSpecFilterConfiguration;

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

    private static NodeSettings filterSettings(final String enforce, final String[] incl, final String[] excl) {
        final NodeSettings s = new NodeSettings("model");
        numeric().saveSettingsTo(s);
        final NodeSettings sub;
        try {
            sub = s.getNodeSettings("cols");
        } catch (InvalidSettingsException e) {
            throw new AssertionError(e);
        }
        sub.addStringArray("included_names", incl);
        sub.addStringArray("excluded_names", excl);
        sub.addString("enforce_option", enforce);
        return s;
    }

    /**
     * knime-core NameFilterConfiguration.loadConfigurationInDialog: when the dialog opens, included names missing from
     * the input are dropped under EnforceExclusion (the excluded ones are kept and saved again), and kept under
     * EnforceInclusion.
     */
    @Test
    void dialogDropsIncludedNamesMissingFromTheInput() throws Exception {
        final DataColumnSpecFilterConfiguration c = new DataColumnSpecFilterConfiguration("cols");
        c.loadConfigurationInDialog(filterSettings("EnforceExclusion", new String[]{"a", "gone"},
            new String[]{"b", "old"}), OLD);
        final NodeSettings saved = new NodeSettings("model");
        c.saveConfiguration(saved);
        assertArrayEquals(new String[]{"a", "s"}, saved.getNodeSettings("cols").getStringArray("included_names"),
            "'gone' is dropped; the new column 's' is included (enforce exclusion)");
        assertArrayEquals(new String[]{"b", "old"}, saved.getNodeSettings("cols").getStringArray("excluded_names"),
            "the missing excluded name 'old' is kept for when it comes back");

        final DataColumnSpecFilterConfiguration inc = new DataColumnSpecFilterConfiguration("cols");
        inc.loadConfigurationInDialog(filterSettings("EnforceInclusion", new String[]{"a", "gone"},
            new String[]{"old"}), OLD);
        final NodeSettings savedInc = new NodeSettings("model");
        inc.saveConfiguration(savedInc);
        assertArrayEquals(new String[]{"a", "gone"}, savedInc.getNodeSettings("cols").getStringArray("included_names"),
            "under enforce inclusion the missing included name is kept");
        assertArrayEquals(new String[]{"b", "s"}, savedInc.getNodeSettings("cols").getStringArray("excluded_names"),
            "'old' is dropped, the new columns are excluded");
    }

    /** knime-core PatternFilterConfiguration: excludeMatching (since 4.5) turns the pattern into an exclusion. */
    @Test
    void namePatternHonoursExcludeMatching() throws Exception {
        final SettingsModelColumnFilter2 m = numeric();
        final NodeSettings s = new NodeSettings("model");
        m.saveSettingsTo(s);
        final NodeSettings sub = s.getNodeSettings("cols");
        sub.addString("filter-type", "name_pattern");
        final NodeSettings pattern = sub.getNodeSettings("name_pattern");
        assertEquals(false, pattern.getBoolean("excludeMatching"), "written as KNIME 4.5+ writes it");
        pattern.addString("pattern", "a*");
        m.loadSettingsFrom(s);
        assertArrayEquals(new String[]{"a"}, m.applyTo(NEW).getIncludes());
        pattern.addBoolean("excludeMatching", true);
        m.loadSettingsFrom(s);
        assertArrayEquals(new String[]{"b", "c"}, m.applyTo(NEW).getIncludes());
        assertArrayEquals(new String[]{"a"}, m.applyTo(NEW).getExcludes());
        pattern.addString("pattern", "[");
        pattern.addString("type", "Regex");
        assertThrows(InvalidSettingsException.class, () -> m.loadSettingsFrom(s), "an active broken pattern");
    }

    /** knime-core SettingsModelLong.getModelTypeID is "SMN_long" (not "SMID_long"). */
    @Test
    void settingsModelLongWritesKnimesModelId() throws Exception {
        final NodeSettings s = new NodeSettings("model");
        new SettingsModelLong("seed", 7L).saveSettingsTo(s);
        assertEquals("SMN_long", s.getNodeSettings("seed_Internals").getString("SettingsModelID"));
    }
}
