package org.knime.core.node.config.base;

import java.io.Serializable;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Objects;

import javax.swing.tree.TreeNode;

/** Stand-in (test harness only): a node of the in-memory settings tree. */
public abstract class AbstractConfigEntry implements Serializable, TreeNode {

    private final String m_key;

    private final EntryType m_type;

    private transient AbstractConfigEntry m_parent;

    AbstractConfigEntry(final String key, final EntryType type) {
        if (key == null) {
            throw new IllegalArgumentException("Config key must not be null");
        }
        m_key = key;
        m_type = type;
    }

    public final String getKey() {
        return m_key;
    }

    final EntryType entryType() {
        return m_type;
    }

    public final void setParent(final AbstractConfigEntry parent) {
        m_parent = parent;
    }

    public abstract String toStringValue();

    @Override
    public String toString() {
        return m_key + "(" + m_type.xmlName() + ")=" + toStringValue();
    }

    @Override
    public boolean equals(final Object obj) {
        if (this == obj) {
            return true;
        }
        if (obj == null || obj.getClass() != getClass()) {
            return false;
        }
        final AbstractConfigEntry other = (AbstractConfigEntry)obj;
        return m_key.equals(other.m_key) && m_type == other.m_type && isIdentical(other);
    }

    /**
     * @param other an entry of the same key
     * @return whether the value (or, for configs, the whole subtree) is identical
     */
    public final boolean isIdentical(final AbstractConfigEntry other) {
        return other != null && m_type == other.m_type && hasIdenticalValue(other);
    }

    abstract boolean hasIdenticalValue(AbstractConfigEntry other);

    @Override
    public int hashCode() {
        return Objects.hash(m_key, m_type);
    }

    @Override
    public TreeNode getChildAt(final int childIndex) {
        return null;
    }

    @Override
    public int getChildCount() {
        return 0;
    }

    @Override
    public final TreeNode getParent() {
        return m_parent;
    }

    @Override
    public int getIndex(final TreeNode node) {
        return -1;
    }

    @Override
    public final boolean getAllowsChildren() {
        return m_type == EntryType.CONFIG;
    }

    @Override
    public boolean isLeaf() {
        return true;
    }

    @Override
    public Enumeration<TreeNode> children() {
        return Collections.emptyEnumeration();
    }
}
