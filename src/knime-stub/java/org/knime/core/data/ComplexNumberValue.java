package org.knime.core.data;

/** Stand-in (test harness only): the {@code ComplexNumberValue} cell value interface. */
public interface ComplexNumberValue extends DataValue {

    double getRealValue();

    double getImaginaryValue();
}
