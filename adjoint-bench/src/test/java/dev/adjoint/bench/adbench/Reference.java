package dev.adjoint.bench.adbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reference file written by {@code python/adbench_reference.py} from ADBench's PyTorch module (under
 * {@code /adbench/reference/} in the test resources), parsed by a small JSON reader: objects, arrays, numbers, strings.
 */
final class Reference {

    private final Map<String, Object> root;

    private Reference(Map<String, Object> root) {
        this.root = root;
    }

    @SuppressWarnings("unchecked")
    static Reference load(String name) {
        try (InputStream in = Reference.class.getResourceAsStream("/adbench/reference/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing reference file " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Reference((Map<String, Object>) new Parser(text).value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    double number(String key) {
        return ((Number) root.get(key)).doubleValue();
    }

    double[] numbers(String key) {
        return numbers(root.get(key));
    }

    Object get(String key) {
        return root.get(key);
    }

    @SuppressWarnings("unchecked")
    static double[] numbers(Object list) {
        List<Object> l = (List<Object>) list;
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) l.get(i)).doubleValue();
        }
        return out;
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Object value() {
            space();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                space();
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    space();
                    String k = string();
                    space();
                    i++; // ':'
                    m.put(k, value());
                    space();
                    if (s.charAt(i++) == '}') {
                        return m;
                    }
                }
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                space();
                if (s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    space();
                    if (s.charAt(i++) == ']') {
                        return l;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            return Double.parseDouble(s.substring(start, i));
        }

        String string() {
            int start = ++i;
            while (s.charAt(i) != '"') {
                i += s.charAt(i) == '\\' ? 2 : 1;
            }
            return s.substring(start, i++);
        }

        void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
