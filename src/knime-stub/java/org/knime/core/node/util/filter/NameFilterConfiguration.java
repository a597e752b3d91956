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
        if (sub.containsKey(PATTERN_TYPE) || PATTERN_TYPE.equals(type)) {
            final NodeSettingsRO p = sub.getNodeSettings(PATTERN_TYPE);
            pattern = p.getString(KEY_PATTERN);
            patternType = p.getString(KEY_PATTERN_TYPE);
            caseSensitive = p.getBoolean(KEY_CASE_SENSITIVE);
            if (pattern == null) {
                throw new InvalidSettingsException("Pattern of \"" + m_configRootName + "\" must not be null");
            }
            try {
                compile(pattern, patternType, caseSensitive);
            } catch (PatternSyntaxException e) {
                throw new InvalidSettingsException(
                    "The pattern \"" + pattern + "\" of \"" + m_configRootName + "\" is invalid", e);
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
    }

    protected void loadConfigurationInModelChild(final NodeSettingsRO settings) throws InvalidSettingsException {
        // subclass hook
    }

    public final void saveConfiguration(final NodeSettingsWO settings) {
        final NodeSettingsWO sub = settings.addNodeSettings(m_configRootName);
        sub.addString(KEY_FILTER_TYPE, m_type);
        sub.addStringArray(KEY_INCLUDED, m_includeList);
        sub.addStringArray(KEY_EXCLUDED, m_excludeList);
        sub.addString(KEY_ENFORCE, m_enforceOption.name());
        final NodeSettingsWO p = sub.addNodeSettings(PATTERN_TYPE);
        p.addString(KEY_PATTERN, m_pattern);
        p.addString(KEY_PATTERN_TYPE, m_patternType);
        p.addBoolean(KEY_CASE_SENSITIVE, m_caseSensitive);
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
            && m_patternType.equals(o.m_patternType) && m_caseSensitive == o.m_caseSensitive;
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
            + (PATTERN_TYPE.equals(m_type) ? ", pattern=" + m_pattern + " (" + m_patternType + ")" : "");
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

    protected final void loadConfigurationInDialog(final NodeSettingsRO settings, final String[] names) {
        try {
            loadConfigurationInModel(settings);
        } catch (InvalidSettingsException e) {
            loadDefaults(names, true);
        }
        loadConfigurationInDialogChild(settings, names);
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
                (p.matcher(n).matches() ? incl : excl).add(n);
            }
            return new FilterResult(incl, excl, new ArrayList<>(), new ArrayList<>());
        }
        final Set<String> inclSet = new LinkedHashSet<>(Arrays.asList(m_includeList));
        final Set<String> exclSet = new LinkedHashSet<>(Arrays.asList(m_excludeList));
        final Set<String> present = new LinkedHashSet<>(Arrays.asList(names));
        for (String n : names) {
            if (inclSet.contains(n)) {
                incl.add(n);
            } else if (exclSet.contains(n)) {
                excl.add(n);
            } else if (m_enforceOption == EnforceOption.EnforceInclusion) {
                incl.add(n);
            } else {
                excl.add(n);
            }
        }
        final List<String> removedIncl = new ArrayList<>();
        for (String n : m_includeList) {
            if (!present.contains(n)) {
                removedIncl.add(n);
            }
        }
        final List<String> removedExcl = new ArrayList<>();
        for (String n : m_excludeList) {
            if (!present.contains(n)) {
                removedExcl.add(n);
            }
        }
        return new FilterResult(incl, excl, removedIncl, removedExcl);
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
