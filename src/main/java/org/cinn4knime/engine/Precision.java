package org.cinn4knime.engine;

/** Floating-point precision of the network arithmetic (the API itself always speaks double). */
public enum Precision {
    /** 32-bit floats: about twice as fast; invertibility to about 1e-5. */
    FLOAT,
    /** 64-bit doubles: invertibility to about 1e-12. */
    DOUBLE
}
