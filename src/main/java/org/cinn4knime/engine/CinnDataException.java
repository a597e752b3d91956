package org.cinn4knime.engine;

/** Bad input data: empty, NaN/Inf, constant column, too few rows, wrong number of columns, duplicate names. */
public class CinnDataException extends CinnException {
    private static final long serialVersionUID = 1L;

    public CinnDataException(String message) {
        super(message);
    }
}
