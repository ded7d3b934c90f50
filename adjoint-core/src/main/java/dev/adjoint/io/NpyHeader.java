package dev.adjoint.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header of a {@code .npy} file: the Python dict literal with exactly the keys {@code descr},
 * {@code fortran_order} and {@code shape}, parsed strictly (no evaluation); an error gives the column.
 */
final class NpyHeader {

    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

    private final String descr;
    private final boolean fortranOrder;
    private final int[] shape;

    private NpyHeader(String descr, boolean fortranOrder, int[] shape) {
        this.descr = descr;
        this.fortranOrder = fortranOrder;
        this.shape = shape;
    }

    String descr() {
        return descr;
    }

    boolean fortranOrder() {
        return fortranOrder;
    }

    int[] shape() {
        return shape.clone();
    }

    /** The shape as Python prints the tuple. */
    String shapeText() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    static NpyHeader parse(String text, String source) {
        return new Parser(text, source).header();
    }

    private static final class Parser {
        private final String text;
        private final String source;
        private int pos;

        Parser(String text, String source) {
            this.text = text;
            this.source = source;
        }

        NpyHeader header() {
            Map<String, Object> dict = new LinkedHashMap<>();
            space();
            expect('{');
            space();
            while (peek() != '}') {
                int at = pos;
                String key = string();
                if (!KEYS.contains(key) || dict.containsKey(key)) {
                    pos = at;
                    throw error(dict.containsKey(key) ? "key '" + key + "' given twice"
                            : "unknown key '" + key + "' (a .npy header has descr, fortran_order and shape)");
                }
                space();
                expect(':');
                space();
                dict.put(key, value(key));
                space();
                if (peek() == ',') {
                    pos++;
                    space();
                } else if (peek() != '}') {
                    throw error("expected ',' or '}'");
                }
            }
            pos++;
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\n'
                    || text.charAt(pos) == '\0')) {
                pos++;
            }
            if (pos < text.length()) {
                throw error("unexpected text after the header dict");
            }
            for (String k : KEYS) {
                if (!dict.containsKey(k)) {
                    throw new NpyException(source + ": the .npy header has no '" + k + "': " + shortText());
                }
            }
            return new NpyHeader((String) dict.get("descr"), (Boolean) dict.get("fortran_order"),
                    (int[]) dict.get("shape"));
        }

        private Object value(String key) {
            switch (key) {
                case "descr":
                    if (peek() != '\'' && peek() != '"') {
                        throw error("descr must be a dtype string such as '<f8' (structured dtypes are not"
                                + " supported)");
                    }
                    return string();
                case "fortran_order":
                    if (text.startsWith("True", pos)) {
                        pos += 4;
                        return Boolean.TRUE;
                    }
                    if (text.startsWith("False", pos)) {
                        pos += 5;
                        return Boolean.FALSE;
                    }
                    throw error("fortran_order must be True or False");
                default:
                    return tuple();
            }
        }

        private int[] tuple() {
            expect('(');
            List<Integer> dims = new ArrayList<>();
            space();
            boolean comma = true;
            while (peek() != ')') {
                if (!comma) {
                    throw error("expected ',' or ')' in the shape");
                }
                int start = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (pos == start) {
                    throw error("a shape holds non-negative integers");
                }
                try {
                    dims.add(Integer.parseInt(text.substring(start, pos)));
                } catch (NumberFormatException e) {
                    pos = start;
                    throw error("dimension " + text.substring(start, Math.min(text.length(), start + 24))
                            + " is too large");
                }
                space();
                comma = peek() == ',';
                if (comma) {
                    pos++;
                    space();
                }
            }
            pos++;
            if (dims.size() == 1 && !comma) {
                throw error("a one-element shape is written (n,)");
            }
            int[] out = new int[dims.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = dims.get(i);
            }
            return out;
        }

        private String string() {
            char q = peek();
            if (q != '\'' && q != '"') {
                throw error("expected a quoted string");
            }
            int end = text.indexOf(q, pos + 1);
            if (end < 0) {
                throw error("unterminated string");
            }
            String s = text.substring(pos + 1, end);
            pos = end + 1;
            return s;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() {
            if (pos >= text.length()) {
                throw error("the header ends early");
            }
            return text.charAt(pos);
        }

        private void space() {
            while (pos < text.length() && text.charAt(pos) == ' ') {
                pos++;
            }
        }

        private NpyException error(String what) {
            return new NpyException(source + ": malformed .npy header at column " + (pos + 1) + ": " + what + ": "
                    + shortText());
        }

        private String shortText() {
            String t = text.strip();
            return t.length() > 120 ? t.substring(0, 117) + "..." : t;
        }
    }
}
