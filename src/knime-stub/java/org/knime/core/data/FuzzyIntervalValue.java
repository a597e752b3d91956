package org.knime.core.data;

/** Stand-in (test harness only): the {@code FuzzyIntervalValue} cell value interface. */
public interface FuzzyIntervalValue extends DataValue {

    double getMinSupport();

    double getMinCore();

    double getMaxCore();

    double getMaxSupport();

    double getCenterOfGravity();
}
