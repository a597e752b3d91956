package org.knime.core.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.cinn4knime.build.SharedFiles;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;

/** The stand-in's settings trees read and write KNIME's settings.xml format (XMLConfig_2008_09). */
class SettingsXmlFormatTest {

    private static final Path SHARED = Paths.get("..", "shared", "knime-api");

    private static final Path EXAMPLE = SHARED.resolve("example-workflow").resolve("Empty Table Creator (#1)")
        .resolve("settings.xml");

    private static final Path XSD = SHARED.resolve("xsd").resolve("XMLConfig_2008_09.xsd");

    private static String write(final NodeSettings s) throws IOException {
        final ByteArrayOutputStream bos = new ByteArrayOutputStream();
        s.saveToXML(bos);
        return bos.toString(StandardCharsets.UTF_8);
    }

    private static NodeSettings sample() {
        final NodeSettings s = new NodeSettings("settings.xml");
        s.addString("text", "a \"quoted\" <tag> & line\nbreak");
        s.addString("nothing", null);
        s.addInt("int", -3);
        s.addLong("long", 1L << 40);
        s.addDouble("double", 0.1);
        s.addFloat("float", 2.5f);
        s.addBoolean("bool", true);
        s.addChar("char", 'x');
        s.addShort("short", (short)7);
        s.addByte("byte", (byte)-8);
        s.addStringArray("names", "x1", null, "x3");
        s.addDoubleArray("values", 1.5, Double.NaN, Double.NEGATIVE_INFINITY);
        s.addNodeSettings("empty");
        s.addNodeSettings("nested").addIntArray("ints", 4, 5);
        s.addDataType("type", DoubleCell.TYPE);
        return s;
    }

    @Test
    void everyEntryTypeRoundTrips() throws Exception {
        final String xml = write(sample());
        final NodeSettingsRO r = NodeSettings.loadFromXML(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals("settings.xml", r.getKey());
        assertEquals("a \"quoted\" <tag> & line\nbreak", r.getString("text"));
        assertNull(r.getString("nothing"));
        assertEquals(-3, r.getInt("int"));
        assertEquals(1L << 40, r.getLong("long"));
        assertEquals(0.1, r.getDouble("double"));
        assertEquals(2.5f, r.getFloat("float"));
        assertTrue(r.getBoolean("bool"));
        assertEquals('x', r.getChar("char"));
        assertEquals((short)7, r.getShort("short"));
        assertEquals((byte)-8, r.getByte("byte"));
        assertArrayEquals(new String[]{"x1", null, "x3"}, r.getStringArray("names"));
        assertArrayEquals(new double[]{1.5, Double.NaN, Double.NEGATIVE_INFINITY}, r.getDoubleArray("values"));
        assertTrue(r.getNodeSettings("empty").keySet().isEmpty());
        assertArrayEquals(new int[]{4, 5}, r.getNodeSettings("nested").getIntArray("ints"));
        assertEquals(DoubleCell.TYPE, r.getDataType("type"));
        assertEquals(xml, write((NodeSettings)r), "write -> read -> write must be identical");
        assertTrue(xml.contains("<entry key=\"nothing\" type=\"xstring\" isnull=\"true\" value=\"\"/>"), xml);
        assertTrue(xml.contains("<config key=\"empty\"/>"), xml);
    }

    @Test
    void typeMismatchAndMissingKeysNameTheKey() {
        final NodeSettings s = sample();
        final InvalidSettingsException wrongType = assertThrows(InvalidSettingsException.class, () -> s.getInt("long"));
        assertTrue(wrongType.getMessage().contains("\"long\"") && wrongType.getMessage().contains("xlong"),
            wrongType.getMessage());
        final InvalidSettingsException missing = assertThrows(InvalidSettingsException.class, () -> s.getDouble("nope"));
        assertTrue(missing.getMessage().contains("\"nope\""), missing.getMessage());
        assertEquals(42, s.getInt("nope", 42));
        assertThrows(InvalidSettingsException.class, () -> s.getNodeSettings("int"));
        assertEquals(DataType.getType(DoubleCell.class), s.getDataType("nope", DoubleCell.TYPE));
    }

    @Test
    void writtenXmlIsValidAgainstKnimesSchema() throws Exception {
        SharedFiles.require("KNIME's settings schema", XSD);
        final var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(XSD.toFile());
        schema.newValidator().validate(new StreamSource(new java.io.StringReader(write(sample()))));
    }

    @Test
    void readsAndRewritesASettingsFileSavedByKnime() throws Exception {
        SharedFiles.require("a settings.xml saved by KNIME", EXAMPLE);
        final byte[] original = Files.readAllBytes(EXAMPLE);
        final NodeSettingsRO s;
        try (InputStream in = Files.newInputStream(EXAMPLE)) {
            s = NodeSettings.loadFromXML(in);
        }
        final NodeSettingsRO model = s.getNodeSettings("model");
        assertEquals(3000, model.getInt("cfg_nr"));
        assertEquals(1747758211145L, model.getLong("CFG_SEED"));
        assertEquals("SMID_integer", model.getNodeSettings("cfg_nr_Internals").getString("SettingsModelID"));
        assertNull(s.getString("customDescription"));
        assertEquals(new String(original, StandardCharsets.UTF_8).replace("\r\n", "\n").trim(),
            write((NodeSettings)s).trim(), "the stand-in must write the file exactly as KNIME did");
    }
}
