package dev.adjoint.bench;

/** The little JSON this module writes: strings, finite numbers and arrays of doubles, at full precision. */
public final class Json {

    private Json() {
    }

    /** A JSON string literal. */
    public static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** A string or a number as JSON; doubles keep every bit ({@link Double#toString} round-trips). */
    public static String value(Object v) {
        if (v instanceof String) {
            return string((String) v);
        }
        if (v instanceof Double || v instanceof Float) {
            return number(((Number) v).doubleValue());
        }
        return v.toString();
    }

    /** A finite double as JSON. */
    public static String number(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("JSON has no " + d);
        }
        return Double.toString(d);
    }

    /** An array of finite doubles as JSON. */
    public static String array(double[] values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(number(values[i]));
        }
        return b.append(']').toString();
    }
}
