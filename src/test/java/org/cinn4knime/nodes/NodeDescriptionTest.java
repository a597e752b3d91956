package org.cinn4knime.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.cinn4knime.engine.settings.Setting;
import org.cinn4knime.nodes.common.CinnNodeModel;
import org.cinn4knime.nodes.learner.CinnLearnerNodeFactory;
import org.cinn4knime.nodes.sampler.CinnSamplerNodeFactory;
import org.cinn4knime.nodes.scorer.CinnScorerNodeFactory;
import org.cinn4knime.build.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The node descriptions: valid against KNIME's schema, port/view counts as in the code, icons present. */
class NodeDescriptionTest {

    private static final Path XSD = Path.of("..", "shared", "knime-api", "xsd", "Node_v4.1.xsd");

    static Stream<NodeFactory<? extends NodeModel>> factories() {
        return Stream.of(new CinnLearnerNodeFactory(), new CinnSamplerNodeFactory(), new CinnScorerNodeFactory());
    }

    private static URL description(final NodeFactory<?> f) {
        final URL url = f.getClass().getResource(f.getClass().getSimpleName() + ".xml");
        assertNotNull(url, "no description XML beside " + f.getClass().getName());
        return url;
    }

    @ParameterizedTest
    @MethodSource("factories")
    void descriptionIsValidAgainstTheNodeSchema(final NodeFactory<?> f) throws Exception {
        SharedFiles.require("KNIME's node description schema", XSD);
        final var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(XSD.toFile());
        try (InputStream in = description(f).openStream()) {
            schema.newValidator().validate(new StreamSource(in)); // throws SAXException naming line and element
        }
    }

    @ParameterizedTest
    @MethodSource("factories")
    void portAndViewCountsMatchTheCode(final NodeFactory<?> f) throws Exception {
        final Document doc = parse(description(f));
        final NodeModel model = f.createNodeModel();
        assertEquals(call(NodeModel.class, "getNrInPorts", model), count(doc, "inPort"),
            "inPort count of " + f.getClass().getSimpleName());
        assertEquals(call(NodeModel.class, "getNrOutPorts", model), count(doc, "outPort"),
            "outPort count of " + f.getClass().getSimpleName());
        assertEquals(call(NodeFactory.class, "getNrNodeViews", f), count(doc, "view"),
            "view count of " + f.getClass().getSimpleName());
    }

    @ParameterizedTest
    @MethodSource("factories")
    void iconIsASixteenPixelPngBesideTheFactory(final NodeFactory<?> f) throws Exception {
        final Element root = parse(description(f)).getDocumentElement();
        final String icon = root.getAttribute("icon");
        assertFalse(icon.isEmpty(), "description without icon attribute");
        final URL url = f.getClass().getResource(icon.replaceFirst("^\\./", ""));
        assertNotNull(url, "icon " + icon + " not found beside " + f.getClass().getName());
        assert16x16(ImageIO.read(url), icon);
    }

    @Test
    void categoryIconIsASixteenPixelPng() throws Exception {
        final Path icon = Path.of("icons", "cinn-category.png");
        assertTrue(Files.isRegularFile(icon), icon.toAbsolutePath() + " is missing");
        assert16x16(ImageIO.read(icon.toFile()), icon.toString());
    }

    @Test
    void theSchemaCheckRejectsABrokenDescription() throws Exception {
        SharedFiles.require("KNIME's node description schema", XSD);
        final var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(XSD.toFile());
        final String broken = "<knimeNode xmlns=\"http://knime.org/node/v4.1\" type=\"Learner\"><name>x</name>"
            + "<fullDescription><intro>i</intro></fullDescription></knimeNode>"; // no shortDescription, no ports
        final var validator = schema.newValidator();
        org.junit.jupiter.api.Assertions.assertThrows(org.xml.sax.SAXException.class,
            () -> validator.validate(new StreamSource(new java.io.StringReader(broken))));
    }

    @ParameterizedTest
    @MethodSource("factories")
    void optionsAreTheLabelsOfTheSettingDeclarations(final NodeFactory<?> f) throws Exception {
        // the dialog takes its labels from the declarations, so this also checks the dialog against the description
        final Document doc = parse(description(f));
        final var options = doc.getElementsByTagNameNS("http://knime.org/node/v4.1", "option");
        final List<String> documented = new java.util.ArrayList<>();
        for (int i = 0; i < options.getLength(); i++) {
            documented.add(((Element)options.item(i)).getAttribute("name"));
        }
        final List<String> declared = ((CinnNodeModel<?>)f.createNodeModel()).settingDeclarations().stream()
            .map(Setting::label).toList();
        assertEquals(new java.util.TreeSet<>(declared), new java.util.TreeSet<>(documented),
            "options of " + f.getClass().getSimpleName() + " against the labels of its settings' declarations");
        assertEquals(declared.size(), documented.size(), "an option documented twice");
    }

    private static void assert16x16(final BufferedImage img, final String what) {
        assertNotNull(img, what + " is not a readable image");
        assertEquals(List.of(16, 16), List.of(img.getWidth(), img.getHeight()), what + " size");
    }

    private static Document parse(final URL url) throws Exception {
        final DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        try (InputStream in = url.openStream()) {
            return dbf.newDocumentBuilder().parse(in);
        }
    }

    private static int count(final Document doc, final String element) {
        return doc.getElementsByTagNameNS("http://knime.org/node/v4.1", element).getLength();
    }

    private static int call(final Class<?> declaring, final String method, final Object target) throws Exception {
        final Method m = declaring.getDeclaredMethod(method);
        m.setAccessible(true);
        return (Integer)m.invoke(target);
    }
}
