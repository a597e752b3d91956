package org.cinn4knime.engine;

/** The listener asked to cancel; nothing is returned. */
public class CancelledException extends CinnException {
    private static final long serialVersionUID = 1L;

    public CancelledException(String message) {
        super(message);
    }
}
