package org.knime.core.data;

/** Stand-in (test harness only): the {@code FuzzyNumberValue} cell value interface. */
public interface FuzzyNumberValue extends DataValue {

    double getMinSupport();

    double getCore();

    double getMaxSupport();
}
