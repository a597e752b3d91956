package org.cinn4knime.engine;

/** A model file that is corrupt, truncated, oversized, foreign or of an unsupported (newer) format version. */
public class ModelFormatException extends CinnException {
    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
