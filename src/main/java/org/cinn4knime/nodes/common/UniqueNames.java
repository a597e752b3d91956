package org.cinn4knime.nodes.common;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out column names that do not clash with names already taken, the KNIME way: {@code name}, else
 * {@code name (#1)}, {@code name (#2)}, ...
 */
public final class UniqueNames {

    private final Set<String> m_taken = new HashSet<>();

    /** @param taken names that are already in use */
    public UniqueNames(final Iterable<String> taken) {
        taken.forEach(m_taken::add);
    }

    /**
     * @param base the wanted name
     * @return {@code base} if free, otherwise the first free {@code base (#k)}; the returned name is taken from now on
     */
    public String make(final String base) {
        String name = base;
        for (int k = 1; m_taken.contains(name); k++) {
            name = base + " (#" + k + ")";
        }
        m_taken.add(name);
        return name;
    }
}
