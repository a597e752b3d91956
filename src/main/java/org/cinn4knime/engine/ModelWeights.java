package org.cinn4knime.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The entry {@code weights.bin} of a model file: the marker "CINNWTS1", the format version (int32), the bytes per
 * value (int32: 4 for float32, 8 for float64), the number of values (int64), the values in the documented weights
 * order (little-endian), then a CRC-32 of everything before it. See {@code docs/model-format.md}.
 */
final class ModelWeights {
    static final String ENTRY = "weights.bin";
    static final byte[] MAGIC = "CINNWTS1".getBytes(StandardCharsets.US_ASCII);
    /** Bytes before the first value: marker, version, bytes per value, count. */
    static final int HEADER = 8 + 4 + 4 + 8;
    /** Largest weights.bin that fits a Java array. */
    static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private ModelWeights() {
    }

    /** @return the value type as model.json names it: "float64" or "float32" */
    static String valueType(boolean dbl) {
        return dbl ? "float64" : "float32";
    }

    /** @return the size in bytes of weights.bin for {@code count} values */
    static long size(long count, boolean dbl) {
        return HEADER + count * (dbl ? 8 : 4) + 4;
    }

    /** @return the entry's bytes for the weights {@code p}, rounded to float32 unless {@code dbl} */
    static byte[] write(double[] p, boolean dbl) {
        int bpv = dbl ? 8 : 4;
        ByteBuffer bb = ByteBuffer.allocate((int) size(p.length, dbl)).order(ByteOrder.LITTLE_ENDIAN);
        bb.put(MAGIC).putInt(ModelFile.FORMAT_VERSION).putInt(bpv).putLong(p.length);
        for (double v : p) {
            if (dbl) {
                bb.putDouble(v);
            } else {
                bb.putFloat((float) v);
            }
        }
        CRC32 crc = new CRC32();
        crc.update(bb.array(), 0, bb.position());
        bb.putInt((int) crc.getValue());
        return bb.array();
    }

    /**
     * @param b the entry's bytes
     * @param count number of values model.json declares
     * @param dbl whether model.json declares float64 values
     * @return the weights
     * @throws ModelFormatException if size, marker, header, CRC-32 or a value (non-finite) is wrong
     */
    static double[] read(byte[] b, int count, boolean dbl) throws ModelFormatException {
        int bpv = dbl ? 8 : 4;
        long expected = size(count, dbl);
        if (b.length != expected) {
            throw new ModelFormatException(ENTRY + " has " + b.length + " bytes, " + expected
                    + " expected (truncated or corrupt).");
        }
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[MAGIC.length];
        bb.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new ModelFormatException(ENTRY + " does not start with the cINN weights marker.");
        }
        int v = bb.getInt();
        int fileBpv = bb.getInt();
        long n = bb.getLong();
        if (v > ModelFile.FORMAT_VERSION || fileBpv != bpv || n != count) {
            throw new ModelFormatException(ENTRY + " header does not match model.json (version " + v
                    + ", " + fileBpv + " bytes per value, " + n + " values).");
        }
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 4);
        int stored = ByteBuffer.wrap(b, b.length - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (stored != (int) crc.getValue()) {
            throw new ModelFormatException(ENTRY + " fails its CRC-32 check; the file is corrupt.");
        }
        double[] p = new double[count];
        for (int i = 0; i < count; i++) {
            p[i] = dbl ? bb.getDouble() : bb.getFloat();
            if (!Double.isFinite(p[i])) {
                throw new ModelFormatException(ENTRY + " holds a non-finite weight at index " + i + ".");
            }
        }
        return p;
    }

    /** @return the SHA-256 of {@code b} in lower-case hex (recorded in model.json) */
    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
