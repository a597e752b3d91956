package org.cinn4knime.engine;

/** Base of all engine errors. Messages are meant for users and name the column, row or setting at fault. */
public class CinnException extends Exception {
    private static final long serialVersionUID = 1L;

    public CinnException(String message) {
        super(message);
    }

    public CinnException(String message, Throwable cause) {
        super(message, cause);
    }
}
