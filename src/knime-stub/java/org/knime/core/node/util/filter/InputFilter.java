package org.knime.core.node.util.filter;

/** Stand-in (test harness only): decides which elements a filter offers at all. */
public abstract class InputFilter<T> {

    public abstract boolean include(T name);
}
