package dev.adjoint.nn.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an optimiser carries from one step to the next (moments, step count, curvature pairs, damping), as named
 * scalars and named vectors laid out like the flattened parameters ({@code Flat}), so that a run can be saved and
 * resumed bit for bit. {@code kind} names the optimiser family whose state this is ({@code adam}, {@code sgd}, …).
 */
public final class OptimizerState {

    private final String kind;
    private final Map<String, Double> scalars;
    private final Map<String, double[]> vectors;

    private OptimizerState(String kind, Map<String, Double> scalars, Map<String, double[]> vectors) {
        this.kind = kind;
        this.scalars = scalars;
        this.vectors = vectors;
    }

    /** A state of optimiser family {@code kind} (the arrays are copied). */
    public static OptimizerState of(String kind, Map<String, Double> scalars, Map<String, double[]> vectors) {
        if (kind == null || kind.isEmpty() || kind.contains("/")) {
            throw new IllegalArgumentException("OptimizerState: kind must be a non-empty name without '/', got "
                    + kind);
        }
        Map<String, double[]> v = new LinkedHashMap<>();
        int length = -1;
        for (Map.Entry<String, double[]> e : vectors.entrySet()) {
            name(e.getKey());
            if (length >= 0 && e.getValue().length != length) {
                throw new IllegalArgumentException("OptimizerState: vector '" + e.getKey() + "' has "
                        + e.getValue().length + " entries, the others " + length);
            }
            length = e.getValue().length;
            v.put(e.getKey(), e.getValue().clone());
        }
        scalars.keySet().forEach(OptimizerState::name);
        return new OptimizerState(kind, Collections.unmodifiableMap(new LinkedHashMap<>(scalars)),
                Collections.unmodifiableMap(v));
    }

    private static void name(String n) {
        if (n == null || n.isEmpty() || n.contains("/")) {
            throw new IllegalArgumentException("OptimizerState: names must be non-empty, without '/', got " + n);
        }
    }

    /** The optimiser family. */
    public String kind() {
        return kind;
    }

    /** The scalars by name. */
    public Map<String, Double> scalars() {
        return scalars;
    }

    /** The names of the vectors. */
    public Set<String> vectorNames() {
        return vectors.keySet();
    }

    /** A copy of one vector. */
    public double[] vector(String name) {
        double[] v = vectors.get(name);
        if (v == null) {
            throw new IllegalArgumentException("OptimizerState: no vector '" + name + "' in " + vectorNames());
        }
        return v.clone();
    }

    /** The length of the vectors, or −1 if there are none. */
    public int length() {
        return vectors.isEmpty() ? -1 : vectors.values().iterator().next().length;
    }

    /**
     * Checks that this is the state of family {@code kind} with exactly the given scalars and vectors, or says
     * what differs; the optimisers call it before they change anything.
     */
    public void expect(String expectedKind, Set<String> expectedScalars, Set<String> expectedVectors) {
        if (!kind.equals(expectedKind)) {
            throw new IllegalArgumentException("the saved optimiser state is " + kind + "'s, but the optimiser is "
                    + expectedKind);
        }
        List<String> problems = new ArrayList<>();
        differ("scalar", scalars.keySet(), expectedScalars, problems);
        differ("vector", vectors.keySet(), expectedVectors, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the saved " + kind + " state does not fit this optimiser: "
                    + String.join("; ", problems));
        }
    }

    /** A scalar that must be a whole number in [0, 2³¹). */
    public int count(String name) {
        double v = scalars.get(name);
        if (!(v >= 0 && v <= Integer.MAX_VALUE && v == Math.rint(v))) {
            throw new IllegalArgumentException("the saved " + kind + " state has " + name + " = " + v
                    + " (need a whole number ≥ 0)");
        }
        return (int) v;
    }

    private static void differ(String what, Set<String> have, Set<String> want, List<String> problems) {
        Set<String> missing = new TreeSet<>(want);
        missing.removeAll(have);
        Set<String> extra = new TreeSet<>(have);
        extra.removeAll(want);
        if (!missing.isEmpty()) {
            problems.add("missing " + what + (missing.size() > 1 ? "s " : " ") + missing);
        }
        if (!extra.isEmpty()) {
            problems.add("unexpected " + what + (extra.size() > 1 ? "s " : " ") + extra);
        }
    }
}
