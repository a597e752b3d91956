package org.knime.core.node.util.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

/**
 * Stand-in (test harness only): include/exclude lists with an enforce option, or a name pattern (Wildcard/Regex),
 * saved in KNIME's layout: a config named after the root name holding {@code filter-type}, {@code included_names},
 * {@code excluded_names}, {@code enforce_option} and a {@code name_pattern} config ({@code pattern}, {@code type},
 * {@code caseSensitive}).
 */
public class NameFilterConfiguration implements Cloneable {

    public static final int FILTER_BY_NAMEPATTERN = 1 << 0;

    protected static final String TYPE = "STANDARD";

    private static final String PATTERN_TYPE = "name_pattern";

    private static final String KEY_FILTER_TYPE = "filter-type";

    private static final String KEY_INCLUDED = "included_names";

    private static final String KEY_EXCLUDED = "excluded_names";

    private static final String KEY_ENFORCE = "enforce_option";

    private static final String KEY_PATTERN = "pattern";

    private static final String KEY_PATTERN_TYPE = "type";

    private static final String KEY_CASE_SENSITIVE = "caseSensitive";

    /** Since KNIME 4.5: the pattern selects the names to exclude (PatternFilterConfiguration). */
    private static final String KEY_EXCLUDE_MATCHING = "excludeMatching";

    /** Which names that are in neither list go where. */
    public enum EnforceOption {
        EnforceInclusion, EnforceExclusion;

        public static EnforceOption parse(final String name) throws InvalidSettingsException {
            for (EnforceOption o : values()) {
                if (o.name().equals(name)) {
                    return o;
                }
            }
            throw new InvalidSettingsException("Can't parse enforce option: " + name);
        }

        public static EnforceOption parse(final String name, final EnforceOption defaultOption) {
            try {
                return parse(name);
            } catch (InvalidSettingsException e) {
                return defaultOption;
            }
        }
    }

    /** The outcome of applying a filter to a list of names. */
    public static class FilterResult {

        private final String[] m_includes;

        private final String[] m_excludes;

        private final String[] m_removedFromIncludes;

        private final String[] m_removedFromExcludes;

        public FilterResult(final List<String> incls, final List<String> excls, final List<String> removedFromIncludes,
            final List<String> removedFromExcludes) {
            this(incls.toArray(new String[0]), excls.toArray(new String[0]),
                removedFromIncludes.toArray(new String[0]), removedFromExcludes.toArray(new String[0]));
        }

        protected FilterResult(final String[] incls, final String[] excls, final String[] removedFromIncludes,
            final String[] removedFromExcludes) {
            m_includes = incls.clone();
            m_excludes = excls.clone();
            m_removedFromIncludes = removedFromIncludes.clone();
            m_removedFromExcludes = removedFromExcludes.clone();
        }

        public String[] getRemovedFromIncludes() {
            return m_removedFromIncludes.clone();
        }

        public String[] getRemovedFromExcludes() {
            return m_removedFromExcludes.clone();
        }

        public String[] getIncludes() {
            return m_includes.clone();
        }

        public String[] getExcludes() {
            return m_excludes.clone();
        }
    }

    private final String m_configRootName;

    private final int m_filterMask;

    private String m_type = TYPE;

    private String[] m_includeList = new String[0];

    private String[] m_excludeList = new String[0];

    private EnforceOption m_enforceOption = EnforceOption.EnforceExclusion;

    private String m_pattern = "";

    private String m_patternType = "Wildcard";

    private boolean m_caseSensitive = true;

    private boolean m_excludeMatching;

    /** Included names missing from the input when the dialog opened, kept under EnforceInclusion (as KNIME). */
    private String[] m_removedFromIncludeList = new String[0];

    /** Excluded names missing from the input when the dialog opened, kept under EnforceExclusion (as KNIME). */
    private String[] m_removedFromExcludeList = new String[0];

    public NameFilterConfiguration(final String configRootName) {
        this(configRootName, FILTER_BY_NAMEPATTERN);
    }

    public NameFilterConfiguration(final String configRootName, final int filterEnableMask) {
        if (configRootName == null || configRootName.isEmpty()) {
            throw new IllegalArgumentException("Config name must not be null or empty.");
        }
        m_configRootName = configRootName;
        m_filterMask = filterEnableMask;
    }

    public final void loadConfigurationInModel(final NodeSettingsRO settings) throws InvalidSettingsException {
        final NodeSettingsRO sub = settings.getNodeSettings(m_configRootName);
        final String type = sub.getString(KEY_FILTER_TYPE);
        if (type == null || !verifyType(type)) {
            throw new InvalidSettingsException("Invalid filter type \"" + type + "\" in \"" + m_configRootName + "\"");
        }
        final EnforceOption enforce = EnforceOption.parse(sub.getString(KEY_ENFORCE));
        final String[] incl = sub.getStringArray(KEY_INCLUDED);
        final String[] excl = sub.getStringArray(KEY_EXCLUDED);
        if (incl == null || excl == null) {
            throw new InvalidSettingsException("Include/exclude list of \"" + m_configRootName + "\" is null");
        }
        String pattern = m_pattern;
        String patternType = m_patternType;
        boolean caseSensitive = m_caseSensitive;
        boolean excludeMatching = m_excludeMatching;
        try { // as KNIME: a broken pattern config only matters when the pattern filter is active (or pre-2.9)
            final NodeSettingsRO p = sub.getNodeSettings(PATTERN_TYPE);
            final String pat = p.getString(KEY_PATTERN);
            if (pat == null) {
                throw new InvalidSettingsException("Pattern of \"" + m_configRootName + "\" must not be null");
            }
            final String patType = p.getString(KEY_PATTERN_TYPE);
            final boolean cs = p.getBoolean(KEY_CASE_SENSITIVE);
            try {
                compile(pat, patType, cs);
            } catch (PatternSyntaxException e) {
                throw new InvalidSettingsException(
                    "The pattern \"" + pat + "\" of \"" + m_configRootName + "\" is invalid", e);
            }
            pattern = pat;
            patternType = patType;
            caseSensitive = cs;
            excludeMatching = p.getBoolean(KEY_EXCLUDE_MATCHING, false); // since KNIME 4.5: default false
        } catch (InvalidSettingsException e) {
            if (PATTERN_TYPE.equals(type)) {
                throw e;
            }
        }
        loadConfigurationInModelChild(sub);
        m_type = type;
        m_enforceOption = enforce;
        m_includeList = incl;
        m_excludeList = excl;
        m_pattern = pattern;
        m_patternType = patternType;
        m_caseSensitive = caseSensitive;
        m_excludeMatching = excludeMatching;
    }

    protected void loadConfigurationInModelChild(final NodeSettingsRO settings) throws InvalidSettingsException {
        // subclass hook
    }

    public final void saveConfiguration(final NodeSettingsWO settings) {
        final NodeSettingsWO sub = settings.addNodeSettings(m_configRootName);
        sub.addString(KEY_FILTER_TYPE, m_type);
        // as KNIME: the names missing from the input are saved again with the list the enforce option keeps
        sub.addStringArray(KEY_INCLUDED, m_enforceOption == EnforceOption.EnforceInclusion
            ? concat(m_includeList, m_removedFromIncludeList) : m_includeList);
        sub.addStringArray(KEY_EXCLUDED, m_enforceOption == EnforceOption.EnforceExclusion
            ? concat(m_excludeList, m_removedFromExcludeList) : m_excludeList);
        sub.addString(KEY_ENFORCE, m_enforceOption.name());
        final NodeSettingsWO p = sub.addNodeSettings(PATTERN_TYPE);
        p.addString(KEY_PATTERN, m_pattern);
        p.addString(KEY_PATTERN_TYPE, m_patternType);
        p.addBoolean(KEY_CASE_SENSITIVE, m_caseSensitive);
        p.addBoolean(KEY_EXCLUDE_MATCHING, m_excludeMatching);
        saveConfigurationChild(sub);
    }

    protected void saveConfigurationChild(final NodeSettingsWO settings) {
        // subclass hook
    }

    public final String getConfigRootName() {
        return m_configRootName;
    }

    @Override
    public boolean equals(final Object obj) {
        if (obj == this) {
            return true;
        }
        if (obj == null || obj.getClass() != getClass()) {
            return false;
        }
        final NameFilterConfiguration o = (NameFilterConfiguration)obj;
        return m_configRootName.equals(o.m_configRootName) && m_type.equals(o.m_type)
            && Arrays.equals(m_includeList, o.m_includeList) && Arrays.equals(m_excludeList, o.m_excludeList)
            && m_enforceOption == o.m_enforceOption && m_pattern.equals(o.m_pattern)
            && m_patternType.equals(o.m_patternType) && m_caseSensitive == o.m_caseSensitive
            && m_excludeMatching == o.m_excludeMatching;
    }

    @Override
    public int hashCode() {
        return Objects.hash(m_configRootName, m_type, Arrays.hashCode(m_includeList), Arrays.hashCode(m_excludeList),
            m_enforceOption, m_pattern);
    }

    @Override
    public String toString() {
        return m_configRootName + ": " + m_type + ", includes=" + Arrays.toString(m_includeList) + ", excludes="
            + Arrays.toString(m_excludeList) + ", " + m_enforceOption
            + (PATTERN_TYPE.equals(m_type) ? ", pattern=" + m_pattern + " (" + m_patternType
                + (m_excludeMatching ? ", exclude matching" : "") + ")" : "");
    }

    public final boolean isPatternFilterEnabled() {
        return (m_filterMask & FILTER_BY_NAMEPATTERN) != 0;
    }

    protected void loadDefaults(final String[] names, final boolean includeByDefault) {
        if (includeByDefault) {
            m_includeList = names.clone();
            m_excludeList = new String[0];
            m_enforceOption = EnforceOption.EnforceExclusion;
        } else {
            m_includeList = new String[0];
            m_excludeList = names.clone();
            m_enforceOption = EnforceOption.EnforceInclusion;
        }
        m_type = TYPE;
    }

    public void loadDefaults(final String[] includes, final String[] excludes, final EnforceOption enforceOption) {
        m_includeList = includes == null ? new String[0] : includes.clone();
        m_excludeList = excludes == null ? new String[0] : excludes.clone();
        m_enforceOption = enforceOption;
        m_type = TYPE;
    }

    /**
     * As KNIME's dialog when it opens: reads what it can (defaults for the rest), then fits the lists to the input
     * names: names in neither list go where the enforce option says; names of a list missing from the input are dropped
     * from it, except that the enforced list keeps them (EnforceInclusion: included names, EnforceExclusion: excluded
     * names) so they come back when the column does.
     */
    protected final void loadConfigurationInDialog(final NodeSettingsRO settings, final String[] names) {
        NodeSettingsRO sub;
        try {
            sub = settings.getNodeSettings(m_configRootName);
        } catch (InvalidSettingsException e) {
            sub = new org.knime.core.node.NodeSettings("empty");
        }
        m_type = sub.getString(KEY_FILTER_TYPE, TYPE);
        if (m_type == null || !verifyType(m_type)) {
            m_type = TYPE;
        }
        m_includeList = Objects.requireNonNullElse(sub.getStringArray(KEY_INCLUDED, new String[0]), new String[0]);
        m_excludeList = Objects.requireNonNullElse(sub.getStringArray(KEY_EXCLUDED, new String[0]), new String[0]);
        try {
            m_enforceOption = EnforceOption.parse(sub.getString(KEY_ENFORCE));
        } catch (InvalidSettingsException e) {
            m_enforceOption = EnforceOption.EnforceExclusion;
        }
        NodeSettingsRO p;
        try {
            p = sub.getNodeSettings(PATTERN_TYPE);
        } catch (InvalidSettingsException e) {
            p = new org.knime.core.node.NodeSettings("empty");
        }
        m_pattern = Objects.requireNonNullElse(p.getString(KEY_PATTERN, null), "");
        final String patternType = p.getString(KEY_PATTERN_TYPE, null);
        m_patternType = "Regex".equals(patternType) ? "Regex" : "Wildcard";
        m_caseSensitive = p.getBoolean(KEY_CASE_SENSITIVE, true);
        m_excludeMatching = p.getBoolean(KEY_EXCLUDE_MATCHING, false);

        final String type = m_type;
        m_type = TYPE; // the lists are fitted as for the standard filter, whatever the type
        final FilterResult fitted = applyTo(names);
        m_type = type;
        m_includeList = fitted.getIncludes();
        m_excludeList = fitted.getExcludes();
        if (m_enforceOption == EnforceOption.EnforceInclusion) {
            m_removedFromIncludeList = fitted.getRemovedFromIncludes();
        } else {
            m_removedFromExcludeList = fitted.getRemovedFromExcludes();
        }
        loadConfigurationInDialogChild(sub, names);
    }

    private static String[] concat(final String[] a, final String[] b) {
        final String[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    protected void loadConfigurationInDialogChild(final NodeSettingsRO settings, final String[] names) {
        // subclass hook
    }

    private static Pattern compile(final String pattern, final String type, final boolean caseSensitive) {
        final String regex;
        if ("Wildcard".equals(type)) {
            final StringBuilder b = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                if (c == '*') {
                    b.append(".*");
                } else if (c == '?') {
                    b.append('.');
                } else {
                    b.append(Pattern.quote(String.valueOf(c)));
                }
            }
            regex = b.toString();
        } else if ("Regex".equals(type)) {
            regex = pattern;
        } else {
            throw new PatternSyntaxException("Unknown pattern type " + type, pattern, -1);
        }
        return caseSensitive ? Pattern.compile(regex)
            : Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    protected FilterResult applyTo(final String[] names) {
        final List<String> incl = new ArrayList<>();
        final List<String> excl = new ArrayList<>();
        if (PATTERN_TYPE.equals(m_type)) {
            final Pattern p = compile(m_pattern, m_patternType, m_caseSensitive);
            for (String n : names) {
                (p.matcher(n).matches() != m_excludeMatching ? incl : excl).add(n); // excludeMatching: KNIME 4.5+
            }
            return new FilterResult(incl, excl, new ArrayList<>(), new ArrayList<>());
        }
        final Set<String> inclSet = new LinkedHashSet<>(Arrays.asList(concat(m_includeList, m_removedFromIncludeList)));
        final Set<String> exclSet = new LinkedHashSet<>(Arrays.asList(concat(m_excludeList, m_removedFromExcludeList)));
        for (String n : names) {
            if (inclSet.remove(n)) { // as KNIME: what stays in the sets are the names missing from the input
                incl.add(n);
                exclSet.remove(n);
            } else if (exclSet.remove(n)) {
                excl.add(n);
            } else if (m_enforceOption == EnforceOption.EnforceExclusion) {
                incl.add(n); // the exclude list is enforced: new names are included
            } else {
                excl.add(n); // the include list is enforced: new names are excluded
            }
        }
        return new FilterResult(incl, excl, new ArrayList<>(inclSet), new ArrayList<>(exclSet));
    }

    protected String[] getIncludeList() {
        return m_includeList.clone();
    }

    protected void setIncludeList(final String[] includeList) {
        m_includeList = includeList.clone();
    }

    protected String[] getExcludeList() {
        return m_excludeList.clone();
    }

    protected void setExcludeList(final String[] excludeList) {
        m_excludeList = excludeList.clone();
    }

    protected EnforceOption getEnforceOption() {
        return m_enforceOption;
    }

    protected void setEnforceOption(final EnforceOption enforceOption) {
        m_enforceOption = enforceOption;
    }

    public boolean isEnforceInclusion() {
        return m_enforceOption == EnforceOption.EnforceInclusion;
    }

    public boolean isEnforceExclusion() {
        return m_enforceOption == EnforceOption.EnforceExclusion;
    }

    @Override
    protected NameFilterConfiguration clone() {
        try {
            final NameFilterConfiguration c = (NameFilterConfiguration)super.clone();
            c.m_includeList = m_includeList.clone();
            c.m_excludeList = m_excludeList.clone();
            c.m_removedFromIncludeList = m_removedFromIncludeList.clone();
            c.m_removedFromExcludeList = m_removedFromExcludeList.clone();
            return c;
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    protected final String getType() {
        return m_type;
    }

    protected boolean verifyType(final String type) {
        return TYPE.equals(type) || PATTERN_TYPE.equals(type);
    }
}
