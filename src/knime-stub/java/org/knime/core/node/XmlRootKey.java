package org.knime.core.node;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.knime.core.node.config.Config;
import org.xml.sax.SAXException;

/** Stand-in internal: loads a settings XML document into {@code target} and returns the root config's key. */
final class XmlRootKey {

    private XmlRootKey() {
    }

    static String read(final InputStream in, final Config target) throws IOException {
        final byte[] bytes = in.readAllBytes();
        final String key;
        try {
            final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            final var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            key = builder.parse(new ByteArrayInputStream(bytes)).getDocumentElement().getAttribute("key");
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Not a valid settings XML document: " + e.getMessage(), e);
        }
        target.load(new ByteArrayInputStream(bytes));
        return key;
    }
}
