package org.knime.core.node.message;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Stand-in (test harness only): a node message (summary only). */
public final class Message {

    private final String m_summary;

    private Message(final String summary) {
        m_summary = Objects.requireNonNull(summary, "summary");
    }

    public static Message fromSummary(final String summary) {
        return new Message(summary);
    }

    public String getSummary() {
        return m_summary;
    }

    public List<String> getResolutions() {
        return Collections.emptyList();
    }

    @Override
    public String toString() {
        return m_summary;
    }

    @Override
    public boolean equals(final Object obj) {
        return obj instanceof Message && ((Message)obj).m_summary.equals(m_summary);
    }

    @Override
    public int hashCode() {
        return m_summary.hashCode();
    }
}
