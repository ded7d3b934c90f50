package dev.adjoint.symbolic;

import java.util.Map;

/** A number. */
public record Constant(double number) implements Expr {

    /** The constant c. */
    public static Constant of(double c) {
        return new Constant(c);
    }

    @Override
    public double evaluate(Map<String, Double> bindings, Map<Expr, Double> memo) {
        return number;
    }

    @Override
    public long treeSize(Map<Expr, Long> memo) {
        return 1;
    }

    @Override
    public String toString() {
        return ExprFormat.infix(this);
    }
}
