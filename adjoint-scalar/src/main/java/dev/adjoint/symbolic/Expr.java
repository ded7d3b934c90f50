package dev.adjoint.symbolic;

import dev.adjoint.scalar.Binary;
import dev.adjoint.scalar.BinaryFunction;
import dev.adjoint.scalar.Elementary;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.UnaryFunction;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A symbolic expression tree, and a {@link Real}: running a {@code RealFunction} on {@link Variable}s builds the
 * function's expression. Nodes are immutable records; a node used twice is shared, so a tree is really a DAG.
 *
 * <p>Every node is one of four kinds: a constant, a variable, or a row of the shared function tables applied to
 * one or two subexpressions. The symbolic derivative therefore needs no rules of its own: it applies each row's
 * {@code derivative} to expressions.
 *
 * <p><b>Threads.</b> Expressions are immutable, so thread-safe; {@link Parser}, {@link Simplifier} and
 * {@link SymbolicDerivative} keep their state per call.
 */
public sealed interface Expr extends Real permits Constant, Variable, Unary, BinaryExpr {

    /** The value at the variables' bound values (see {@link Variable#value()}). */
    @Override
    default double value() {
        return evaluate(Map.of());
    }

    /**
     * The value with {@code bindings} overriding the variables' own values; shared nodes are computed once, and
     * the walk is iterative, so any depth is safe.
     */
    default double evaluate(Map<String, Double> bindings) {
        return Exprs.evaluate(this, bindings);
    }

    /** Evaluation with a memo of nodes already computed, so a DAG costs its number of distinct nodes. */
    double evaluate(Map<String, Double> bindings, Map<Expr, Double> memo);

    @Override
    default Expr constant(double c) {
        return Constant.of(c);
    }

    private static Expr lift(Real y) {
        if (y instanceof Expr e) {
            return e;
        }
        throw new IllegalArgumentException("cannot combine an Expr with a " + y.getClass().getSimpleName()
                + ": all operands of a symbolic computation must be Exprs (lift constants with constant(c))");
    }

    @Override
    default Expr add(Real y) {
        return new BinaryExpr(Binary.ADD, this, lift(y));
    }

    @Override
    default Expr add(double c) {
        return new BinaryExpr(Binary.ADD, this, Constant.of(c));
    }

    @Override
    default Expr sub(Real y) {
        return new BinaryExpr(Binary.SUB, this, lift(y));
    }

    @Override
    default Expr sub(double c) {
        return new BinaryExpr(Binary.SUB, this, Constant.of(c));
    }

    @Override
    default Expr mul(Real y) {
        return new BinaryExpr(Binary.MUL, this, lift(y));
    }

    @Override
    default Expr mul(double c) {
        return new BinaryExpr(Binary.MUL, this, Constant.of(c));
    }

    @Override
    default Expr div(Real y) {
        return new BinaryExpr(Binary.DIV, this, lift(y));
    }

    @Override
    default Expr div(double c) {
        return new BinaryExpr(Binary.DIV, this, Constant.of(c));
    }

    @Override
    default Expr neg() {
        return new Unary(Elementary.NEG, this);
    }

    @Override
    default Expr apply(UnaryFunction f) {
        return new Unary(f, this);
    }

    @Override
    default Expr apply(BinaryFunction f, Real y) {
        return new BinaryExpr(f, this, lift(y));
    }

    /** ∂this/∂variable as an expression, by {@link SymbolicDerivative}: shared nodes stay shared. */
    default Expr derivative(String variable) {
        return SymbolicDerivative.of(this, variable);
    }

    /**
     * Number of nodes counted as a tree: shared subexpressions counted every time they occur. Counted bottom-up
     * over the distinct nodes, without recursion; throws {@link ArithmeticException} past {@code Long.MAX_VALUE}.
     */
    default long treeSize() {
        Map<Expr, Long> sizes = new IdentityHashMap<>();
        for (Expr node : Exprs.postOrder(this)) {
            long n = 1;
            if (node instanceof Unary u) {
                n += sizes.get(u.arg());
            } else if (node instanceof BinaryExpr b) {
                n = Math.addExact(n, Math.addExact(sizes.get(b.left()), sizes.get(b.right())));
            }
            sizes.put(node, n);
        }
        return sizes.get(this);
    }

    /** Tree size with a memo so that counting a DAG with exponentially many paths stays linear. */
    long treeSize(Map<Expr, Long> memo);

    /** Number of distinct nodes: the size as a DAG with common subexpressions shared. */
    default long dagSize() {
        java.util.Set<Expr> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        java.util.ArrayDeque<Expr> todo = new java.util.ArrayDeque<>();
        todo.push(this);
        while (!todo.isEmpty()) {
            Expr e = todo.pop();
            if (seen.add(e)) {
                if (e instanceof Unary u) {
                    todo.push(u.arg());
                } else if (e instanceof BinaryExpr b) {
                    todo.push(b.left());
                    todo.push(b.right());
                }
            }
        }
        return seen.size();
    }
}
