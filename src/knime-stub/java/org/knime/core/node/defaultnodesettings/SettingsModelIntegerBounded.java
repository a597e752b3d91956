package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

/** Stand-in (test harness only): a int setting restricted to [lower, upper]. */
public class SettingsModelIntegerBounded extends SettingsModelInteger {

    private final int m_lower;

    private final int m_upper;

    public SettingsModelIntegerBounded(final String configName, final int defaultValue, final int lowerBound, final int upperBound) {
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
    protected SettingsModelIntegerBounded createClone() {
        final SettingsModelIntegerBounded clone = new SettingsModelIntegerBounded(getConfigName(), getIntValue(), m_lower, m_upper);
        clone.setEnabled(isEnabled());
        return clone;
    }

    public int getLowerBound() {
        return m_lower;
    }

    public int getUpperBound() {
        return m_upper;
    }

    @Override
    protected void validateValue(final int value) throws InvalidSettingsException {
        if (!(value >= m_lower && value <= m_upper)) {
            throw new InvalidSettingsException("The value " + value + " of setting \"" + getConfigName()
                + "\" is not within the range [" + m_lower + ", " + m_upper + "]");
        }
    }

    @Override
    public void setIntValue(final int newValue) {
        try {
            validateValue(newValue);
        } catch (InvalidSettingsException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        super.setIntValue(newValue);
    }
}
