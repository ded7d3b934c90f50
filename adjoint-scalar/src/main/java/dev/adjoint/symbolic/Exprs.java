package dev.adjoint.symbolic;

import dev.adjoint.scalar.Binary;
import dev.adjoint.scalar.Elementary;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.RealFunction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bridges from expressions to the numeric modes: an {@link Expr} becomes a {@link RealFunction} that runs in any
 * {@code Real} implementation. Every walk here is iterative, so expressions of any depth are safe.
 */
public final class Exprs {

    private Exprs() {
    }

    /** The names of the variables in {@code e}, in order of first appearance reading left to right. */
    public static List<String> variables(Expr e) {
        Set<String> names = new LinkedHashSet<>();
        Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Expr> todo = new ArrayDeque<>();
        todo.push(e);
        while (!todo.isEmpty()) {
            Expr node = todo.pop();
            if (!seen.add(node)) {
                continue;
            }
            if (node instanceof Variable v) {
                names.add(v.name());
            } else if (node instanceof Unary u) {
                todo.push(u.arg());
            } else if (node instanceof BinaryExpr b) {
                todo.push(b.right()); // pushed first so that the left operand is read first
                todo.push(b.left());
            }
        }
        return List.copyOf(names);
    }

    /**
     * {@code e} as a function of {@code variables} (x[i] is the variable named {@code variables.get(i)}); each
     * distinct node is computed once per call, so shared subexpressions stay shared.
     *
     * @throws IllegalArgumentException if {@code e} uses a variable that is not in {@code variables}, naming it
     */
    public static RealFunction toFunction(Expr e, List<String> variables) {
        List<String> missing = new ArrayList<>(variables(e));
        missing.removeAll(variables);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no value for variable" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " of " + abbreviate(e) + " (variables given: "
                    + (variables.isEmpty() ? "none" : String.join(", ", variables)) + ")");
        }
        List<Expr> order = postOrder(e);
        int n = variables.size();
        return x -> {
            if (x.length != n) {
                throw new IllegalArgumentException("this function of " + variables + " takes " + n
                        + " arguments, got " + x.length);
            }
            if (n == 0) {
                return Constant.of(e.evaluate(Map.of()));
            }
            Map<Expr, Real> values = new IdentityHashMap<>();
            for (Expr node : order) {
                values.put(node, evaluate(node, values, variables, x));
            }
            return values.get(e);
        };
    }

    private static Real evaluate(Expr node, Map<Expr, Real> values, List<String> variables, Real[] x) {
        if (node instanceof Constant c) {
            return x[0].constant(c.number());
        }
        if (node instanceof Variable v) {
            return x[variables.indexOf(v.name())];
        }
        if (node instanceof Unary u) {
            Real a = values.get(u.arg());
            return u.function() == Elementary.NEG ? a.neg() : a.apply(u.function());
        }
        BinaryExpr b = (BinaryExpr) node;
        Real l = values.get(b.left());
        Real r = values.get(b.right());
        if (b.function() instanceof Binary op) {
            switch (op) {
                case ADD: return l.add(r);
                case SUB: return l.sub(r);
                case MUL: return l.mul(r);
                case DIV: return l.div(r);
                default: break;
            }
        }
        return l.apply(b.function(), r);
    }

    /** The distinct nodes of {@code e}, each after its operands. */
    static List<Expr> postOrder(Expr e) {
        List<Expr> order = new ArrayList<>();
        Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Expr> todo = new ArrayDeque<>();
        Deque<Boolean> expanded = new ArrayDeque<>();
        todo.push(e);
        expanded.push(false);
        while (!todo.isEmpty()) {
            Expr node = todo.pop();
            boolean done = expanded.pop();
            if (done) {
                order.add(node);
                continue;
            }
            if (!seen.add(node)) {
                continue;
            }
            todo.push(node);
            expanded.push(true);
            if (node instanceof Unary u) {
                todo.push(u.arg());
                expanded.push(false);
            } else if (node instanceof BinaryExpr b) {
                todo.push(b.right());
                expanded.push(false);
                todo.push(b.left());
                expanded.push(false);
            }
        }
        return order;
    }

    private static String abbreviate(Expr e) {
        try {
            if (e.dagSize() > 200 || e.treeSize() > 200) {
                return "the expression";
            }
        } catch (ArithmeticException tooLarge) {
            return "the expression";
        }
        String s = ExprFormat.infix(e);
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
