package dev.adjoint.symbolic;

import java.util.Map;

/** A named independent variable, optionally bound to a value (NaN when unbound). */
public record Variable(String name, double bound) implements Expr {

    /** An unbound variable. */
    public static Variable of(String name) {
        return new Variable(name, Double.NaN);
    }

    /** A variable bound to a value, so that {@link #value()} and branches in user code work. */
    public static Variable of(String name, double value) {
        return new Variable(name, value);
    }

    @Override
    public double evaluate(Map<String, Double> bindings, Map<Expr, Double> memo) {
        Double v = bindings.get(name);
        if (v != null) {
            return v;
        }
        if (Double.isNaN(bound)) {
            throw new IllegalArgumentException("variable '" + name + "' has no value: bind it, e.g. evaluate(Map.of(\""
                    + name + "\", 1.0))");
        }
        return bound;
    }

    @Override
    public long treeSize(Map<Expr, Long> memo) {
        return 1;
    }

    @Override
    public String toString() {
        return name;
    }
}
