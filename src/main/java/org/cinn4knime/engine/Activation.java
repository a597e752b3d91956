package org.cinn4knime.engine;

/** Activation of the hidden layers of every coupling subnetwork. */
public enum Activation {
    /** max(0, a). */
    RELU,
    /** a for a &gt; 0, 0.01·a otherwise. */
    LEAKY_RELU,
    /** tanh(a). */
    TANH,
    /** a for a &gt; 0, exp(a) − 1 otherwise. */
    ELU
}
