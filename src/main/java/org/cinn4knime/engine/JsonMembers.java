package org.cinn4knime.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Typed access to the members of one object of model.json; a missing member or one of the wrong type is a
 * {@link ModelFormatException} that names the member by its path (e.g. {@code architecture.blocks}). The one reader
 * of model.json members: {@link ModelFile}, {@link ModelJson} and the {@code domains} member's reader in
 * {@code engine.domain} all use it. Not part of the engine's user API.
 */
public final class JsonMembers {
    final JsonObject o;
    final String path;

    JsonMembers(JsonObject o, String path) {
        this.o = o;
        this.path = path;
    }

    /**
     * The members of {@code o}, which sits at {@code path} in model.json (e.g. {@code domains}; empty for the top
     * level).
     */
    public static JsonMembers of(JsonObject o, String path) {
        return new JsonMembers(o, path);
    }

    /**
     * A corrupt model file: "the member '{@code where}' {@code what}."
     *
     * @param where the member's path, e.g. {@code domains.columns[2].lower}
     * @param what what is wrong with it, e.g. "is missing"
     */
    public static ModelFormatException invalid(String where, String what) {
        return new ModelFormatException("The model description " + ModelFile.JSON_ENTRY
                + " is corrupt or incomplete: the member '" + where + "' " + what + ".");
    }

    /** This object's own path in model.json (empty for the top level). */
    public String path() {
        return path;
    }

    /** The path of the member {@code name} of this object, e.g. {@code domains.columns}. */
    public String where(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    JsonElement get(String name) throws ModelFormatException {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw invalid(where(name), "is missing");
        }
        return e;
    }

    public static JsonMembers object(JsonElement e, String where) throws ModelFormatException {
        if (!e.isJsonObject()) {
            throw invalid(where, "is not an object");
        }
        return new JsonMembers(e.getAsJsonObject(), where);
    }

    public JsonMembers object(String name) throws ModelFormatException {
        return object(get(name), where(name));
    }

    public JsonArray array(String name) throws ModelFormatException {
        JsonElement e = get(name);
        if (!e.isJsonArray()) {
            throw invalid(where(name), "is not an array");
        }
        return e.getAsJsonArray();
    }

    private static BigDecimal decimal(JsonElement e, String where) throws ModelFormatException {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw invalid(where, "is not a number");
        }
        return e.getAsBigDecimal();
    }

    static int integer(JsonElement e, String where) throws ModelFormatException {
        try {
            return decimal(e, where).intValueExact();
        } catch (ArithmeticException ex) {
            throw invalid(where, "is not a whole number in range");
        }
    }

    int integer(String name) throws ModelFormatException {
        return integer(get(name), where(name));
    }

    long longInteger(String name) throws ModelFormatException {
        try {
            return decimal(get(name), where(name)).longValueExact();
        } catch (ArithmeticException ex) {
            throw invalid(where(name), "is not a whole number in range");
        }
    }

    double number(String name) throws ModelFormatException {
        return decimal(get(name), where(name)).doubleValue();
    }

    /** A number, or NaN where the file has null or nothing (non-finite values are written as null). */
    double numberOrNaN(String name) throws ModelFormatException {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? Double.NaN : decimal(e, where(name)).doubleValue();
    }

    /**
     * A finite number in [lo, hi] (either bound may be infinite), read as Gson reads a double.
     *
     * @throws ModelFormatException naming the member when it is missing, not a number, not finite or out of range
     */
    public double numberIn(String name, double lo, double hi) throws ModelFormatException {
        return numberIn(o.get(name), where(name), lo, hi);
    }

    /** {@link #numberIn(String, double, double)} for an array element or other value at {@code where}. */
    public static double numberIn(JsonElement e, String where, double lo, double hi) throws ModelFormatException {
        if (e == null || e.isJsonNull()) {
            throw invalid(where, "is missing");
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw invalid(where, "is not a number");
        }
        double v = e.getAsDouble();
        if (!Double.isFinite(v) || v < lo || v > hi) {
            throw invalid(where, "is " + v + ", not a finite number in [" + lo + ", " + hi + "]");
        }
        return v;
    }

    /** Whether the member is present (and not null): for members added in a later format version. */
    public boolean has(String name) {
        JsonElement e = o.get(name);
        return e != null && !e.isJsonNull();
    }

    public boolean bool(String name) throws ModelFormatException {
        JsonElement e = get(name);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw invalid(where(name), "is not true or false");
        }
        return e.getAsBoolean();
    }

    public String string(String name) throws ModelFormatException {
        JsonElement e = get(name);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw invalid(where(name), "is not a text");
        }
        return e.getAsString();
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) throws ModelFormatException {
        String v = string(name);
        try {
            return EnumValues.parse(type, v, name);
        } catch (IllegalArgumentException e) {
            throw invalid(where(name), "has the unknown value '" + v + "' (known: " + EnumValues.allowed(type) + ")");
        }
    }

    public List<String> strings(String name) throws ModelFormatException {
        JsonArray a = array(name);
        List<String> l = new ArrayList<>();
        for (int k = 0; k < a.size(); k++) {
            JsonElement e = a.get(k);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw invalid(where(name) + "[" + k + "]", "is not a text");
            }
            l.add(e.getAsString());
        }
        return l;
    }

    /**
     * The numbers of an array member; with {@code n >= 0} exactly n finite values (positive ones if
     * {@code positive}) are required.
     */
    double[] numbers(String name, int n, boolean positive) throws ModelFormatException {
        JsonArray a = array(name);
        double[] d = new double[a.size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = decimal(a.get(k), where(name) + "[" + k + "]").doubleValue();
        }
        if (n < 0) {
            return d;
        }
        if (d.length != n) {
            throw new ModelFormatException("The member '" + where(name) + "' of the model file has " + d.length
                    + " values; " + n + " expected.");
        }
        for (double v : d) {
            if (!Double.isFinite(v) || (positive && !(v > 0))) {
                throw new ModelFormatException("The member '" + where(name) + "' of the model file holds an "
                        + "invalid value " + v + (positive ? " (it must be positive)." : "."));
            }
        }
        return d;
    }
}
