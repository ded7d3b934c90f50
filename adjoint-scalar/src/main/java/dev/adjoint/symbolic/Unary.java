package dev.adjoint.symbolic;

import dev.adjoint.scalar.UnaryFunction;
import java.util.Map;

/** A row of the unary table applied to an expression: f(arg). */
public record Unary(UnaryFunction function, Expr arg) implements Expr {

    @Override
    public double evaluate(Map<String, Double> bindings, Map<Expr, Double> memo) {
        Double known = memo.get(this);
        if (known != null) {
            return known;
        }
        double v = function.value(arg.evaluate(bindings, memo));
        memo.put(this, v);
        return v;
    }

    @Override
    public long treeSize(Map<Expr, Long> memo) {
        Long known = memo.get(this);
        if (known != null) {
            return known;
        }
        long n = 1 + arg.treeSize(memo);
        memo.put(this, n);
        return n;
    }

    /** Structural equality ({@link Exprs#equal}): iterative, unlike a record's, so any depth is safe. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Expr e && Exprs.equal(this, e);
    }

    /** A structural hash ({@link Exprs#hash}), computed without recursion. */
    @Override
    public int hashCode() {
        return Exprs.hash(this);
    }

    @Override
    public String toString() {
        return ExprFormat.infix(this);
    }
}
