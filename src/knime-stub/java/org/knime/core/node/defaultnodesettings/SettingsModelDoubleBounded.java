package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;

/** Stand-in (test harness only): a double setting restricted to [lower, upper]. */
public class SettingsModelDoubleBounded extends SettingsModelDouble {

    private final double m_lower;

    private final double m_upper;

    public SettingsModelDoubleBounded(final String configName, final double defaultValue, final double lowerBound, final double upperBound) {
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
    protected SettingsModelDoubleBounded createClone() {
        final SettingsModelDoubleBounded clone = new SettingsModelDoubleBounded(getConfigName(), getDoubleValue(), m_lower, m_upper);
        clone.setEnabled(isEnabled());
        return clone;
    }

    public double getLowerBound() {
        return m_lower;
    }

    public double getUpperBound() {
        return m_upper;
    }

    @Override
    protected void validateValue(final double value) throws InvalidSettingsException {
        if (!(value >= m_lower && value <= m_upper)) {
            throw new InvalidSettingsException("The value " + value + " of setting \"" + getConfigName()
                + "\" is not within the range [" + m_lower + ", " + m_upper + "]");
        }
    }

    @Override
    public void setDoubleValue(final double newValue) {
        try {
            validateValue(newValue);
        } catch (InvalidSettingsException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        super.setDoubleValue(newValue);
    }
}
