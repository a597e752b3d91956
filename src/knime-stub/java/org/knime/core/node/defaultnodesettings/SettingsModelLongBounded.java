package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

/** Stand-in (test harness only): a long setting restricted to [lower, upper]. */
public class SettingsModelLongBounded extends SettingsModelLong {

    private final long m_lower;

    private final long m_upper;

    public SettingsModelLongBounded(final String configName, final long defaultValue, final long lowerBound, final long upperBound) {
        super(configName, defaultValue);
        if (!(lowerBound <= upperBound)) {
            throw new IllegalArgumentException("Lower bound (" + lowerBound + ") of setting \"" + configName
                + "\" must not be larger than the upper bound (" + upperBound + ")");
        }
        m_lower = lowerBound;
        m_upper = upperBound;
        if (!(defaultValue >= lowerBound && defaultValue <= upperBound)) {
            throw new IllegalArgumentException("Default value " + defaultValue + " of setting \"" + configName
                + "\" is not within the range [" + lowerBound + ", " + upperBound + "]");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    protected SettingsModelLongBounded createClone() {
        final SettingsModelLongBounded clone = new SettingsModelLongBounded(getConfigName(), getLongValue(), m_lower, m_upper);
        clone.setEnabled(isEnabled());
        return clone;
    }

    public long getLowerBound() {
        return m_lower;
    }

    public long getUpperBound() {
        return m_upper;
    }

    @Override
    protected void validateValue(final long value) throws InvalidSettingsException {
        if (!(value >= m_lower && value <= m_upper)) {
            throw new InvalidSettingsException("The value " + value + " of setting \"" + getConfigName()
                + "\" is not within the range [" + m_lower + ", " + m_upper + "]");
        }
    }

    @Override
    public void setLongValue(final long newValue) {
        try {
            validateValue(newValue);
        } catch (InvalidSettingsException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        super.setLongValue(newValue);
    }
}
