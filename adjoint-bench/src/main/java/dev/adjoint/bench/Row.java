package dev.adjoint.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the report: ordered fields (strings and numbers) that print as one JSON object, e.g.
 * {@code {"workload": "seed", "impl": "manual", "t_obj_s": 1.2E-8, "t_grad_s": 2.1E-8, "ratio": 1.75}}.
 *
 * @param fields the fields in output order
 */
public record Row(Map<String, Object> fields) {

    /** Keeps an unmodifiable copy in order, and accepts only strings and finite numbers. */
    public Row {
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            Object v = e.getValue();
            if (!(v instanceof String) && !(v instanceof Number)) {
                throw new IllegalArgumentException("Row field '" + e.getKey() + "' must be a string or a number, not "
                        + v);
            }
            if (v instanceof Double && !Double.isFinite((Double) v)) {
                throw new IllegalArgumentException("Row field '" + e.getKey() + "' is " + v
                        + ", which JSON cannot hold");
            }
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** An empty row. */
    public static Row empty() {
        return new Row(Map.of());
    }

    /** This row with one more field (or a field replaced). */
    public Row with(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(fields);
        m.put(key, value);
        return new Row(m);
    }

    /** A field's value, or null. */
    public Object get(String key) {
        return fields.get(key);
    }

    /** The row as one line of JSON. */
    public String toJson() {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(Json.string(e.getKey())).append(": ").append(Json.value(e.getValue()));
        }
        return b.append('}').toString();
    }
}
