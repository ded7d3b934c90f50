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

    /** The value of {@code e} with its variables bound by {@code bindings}, without recursion (any depth is safe). */
    public static double evaluate(Expr e, Map<String, Double> bindings) {
        Map<Expr, Double> values = new IdentityHashMap<>();
        for (Expr node : postOrder(e)) {
            double v;
            if (node instanceof Unary u) {
                v = u.function().value(values.get(u.arg()));
            } else if (node instanceof BinaryExpr b) {
                v = b.function().value(values.get(b.left()), values.get(b.right()));
            } else {
                v = node.evaluate(bindings, values); // a leaf: constant or variable
            }
            values.put(node, v);
        }
        return values.get(e);
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
        Map<Expr, Integer> slot = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            slot.put(order.get(i), i);
        }
        // Each node's operands as slots of one array, so that a call is a loop over arrays (no maps, no boxing).
        int[] first = new int[order.size()];
        int[] second = new int[order.size()];
        for (int i = 0; i < order.size(); i++) {
            Expr node = order.get(i);
            if (node instanceof Variable v) {
                first[i] = variables.indexOf(v.name());
            } else if (node instanceof Unary u) {
                first[i] = slot.get(u.arg());
            } else if (node instanceof BinaryExpr b) {
                first[i] = slot.get(b.left());
                second[i] = slot.get(b.right());
            }
        }
        Expr[] nodes = order.toArray(new Expr[0]);
        int n = variables.size();
        return x -> {
            if (x.length != n) {
                throw new IllegalArgumentException("this function of " + variables + " takes " + n
                        + " arguments, got " + x.length);
            }
            if (n == 0) {
                return Constant.of(evaluate(e, Map.of()));
            }
            Real[] values = new Real[nodes.length];
            for (int i = 0; i < nodes.length; i++) {
                Expr node = nodes[i];
                values[i] = node instanceof Variable ? x[first[i]] : node instanceof Constant c
                        ? x[0].constant(c.number()) : evaluate(node, values[first[i]], values[second[i]]);
            }
            return values[nodes.length - 1];
        };
    }

    /** An operation node from its operands' values {@code a} and {@code b} (b unused for a unary node). */
    private static Real evaluate(Expr node, Real a, Real b) {
        if (node instanceof Unary u) {
            return u.function() == Elementary.NEG ? a.neg() : a.apply(u.function());
        }
        BinaryExpr bin = (BinaryExpr) node;
        if (bin.function() instanceof Binary op) {
            switch (op) {
                case ADD: return a.add(b);
                case SUB: return a.sub(b);
                case MUL: return a.mul(b);
                case DIV: return a.div(b);
                default: break;
            }
        }
        return a.apply(bin.function(), b);
    }

    /**
     * Whether {@code a} and {@code b} are the same expression, structurally: equal leaves and the same rows applied to
     * equal operands. Iterative, and each pair of nodes is compared once, so deep trees and shared DAGs are safe.
     */
    public static boolean equal(Expr a, Expr b) {
        Map<Expr, Expr> matched = new IdentityHashMap<>();
        Deque<Expr> left = new ArrayDeque<>();
        Deque<Expr> right = new ArrayDeque<>();
        left.push(a);
        right.push(b);
        while (!left.isEmpty()) {
            Expr x = left.pop();
            Expr y = right.pop();
            if (x == y || matched.get(x) == y) {
                continue;
            }
            if (x instanceof Unary u && y instanceof Unary v) {
                if (!u.function().equals(v.function())) {
                    return false;
                }
                left.push(u.arg());
                right.push(v.arg());
            } else if (x instanceof BinaryExpr u && y instanceof BinaryExpr v) {
                if (!u.function().equals(v.function())) {
                    return false;
                }
                left.push(u.left());
                right.push(v.left());
                left.push(u.right());
                right.push(v.right());
            } else if (x instanceof Unary || x instanceof BinaryExpr || !x.equals(y)) {
                return false; // different kinds, or leaves (constants, variables) that differ
            }
            matched.put(x, y);
        }
        return true;
    }

    /** A hash consistent with {@link #equal}, computed over the distinct nodes bottom-up (any depth is safe). */
    public static int hash(Expr e) {
        Map<Expr, Integer> hashes = new IdentityHashMap<>();
        for (Expr node : postOrder(e)) {
            int h;
            if (node instanceof Unary u) {
                h = 31 * u.function().hashCode() + hashes.get(u.arg());
            } else if (node instanceof BinaryExpr b) {
                h = (31 * b.function().hashCode() + hashes.get(b.left())) * 31 + hashes.get(b.right());
            } else {
                h = node.hashCode();
            }
            hashes.put(node, h);
        }
        return hashes.get(e);
    }

    /** The distinct nodes of {@code e}, each after its operands (left before right): the order to evaluate them in. */
    public static List<Expr> postOrder(Expr e) {
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
