package org.knime.core.node.config.base;

/** Stand-in internal: the entry types of KNIME's XMLConfig_2008_09 format (plus the nested config). */
enum EntryType {
    CONFIG("config"), STRING("xstring"), INT("xint"), DOUBLE("xdouble"), FLOAT("xfloat"), BOOLEAN("xboolean"),
    BYTE("xbyte"), CHAR("xchar"), LONG("xlong"), SHORT("xshort");

    private final String m_xmlName;

    EntryType(final String xmlName) {
        m_xmlName = xmlName;
    }

    String xmlName() {
        return m_xmlName;
    }

    static EntryType fromXmlName(final String name) {
        for (EntryType t : values()) {
            if (t != CONFIG && t.m_xmlName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
