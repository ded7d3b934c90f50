package dev.adjoint.symbolic;

import dev.adjoint.scalar.Binary;
import dev.adjoint.scalar.BinaryFunction;
import dev.adjoint.scalar.Elementary;
import dev.adjoint.scalar.Power;
import dev.adjoint.scalar.UnaryFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Algebraic simplification: constant folding; sums collected into like terms (x + 0 → x, x − x → 0, −−x → x,
 * 2x + 3x → 5x); products collected into a coefficient times powers (x·1 → x, x·0 → 0, x/x → 1, x·x → x²,
 * x²·x⁻¹ → x); x^c with a constant c as a power; (x^p)^k → x^(pk) for an integer k. Sums are not multiplied out
 * and common factors are not pulled out, so the cost stays about linear in the number of distinct nodes.
 *
 * <p>Every node is built once (hash-consing), so equal subexpressions become the same object: shared nodes stay
 * shared and "is this x the same as that x" is an identity test. Terms and factors are ordered by first
 * appearance, so x·y and y·x simplify to the same node. The result equals the input wherever the input is
 * defined (x/x → 1 also at x = 0, where the input is NaN) up to rounding from the reordered arithmetic.
 */
public final class Simplifier {

    private final Map<Key, Expr> interned = new HashMap<>();
    private final Map<Expr, Expr> memo = new IdentityHashMap<>();

    private Simplifier() {
    }

    /** The simplified form of e. */
    public static Expr simplify(Expr e) {
        return new Simplifier().canonical(e);
    }

    /** Simplifies the distinct nodes bottom-up, without recursion, each from its operands' canonical forms. */
    private Expr canonical(Expr root) {
        for (Expr e : Exprs.postOrder(root)) {
            Expr s;
            if (e instanceof Constant || e instanceof Variable) {
                s = intern(e);
            } else if (e instanceof Unary u) {
                s = unary(u.function(), memo.get(u.arg()));
            } else {
                BinaryExpr b = (BinaryExpr) e;
                s = binary(b.function(), memo.get(b.left()), memo.get(b.right()));
            }
            memo.put(e, s);
        }
        return memo.get(root);
    }

    private Expr unary(UnaryFunction f, Expr a) {
        if (a instanceof Constant c) {
            double v = f.value(c.number());
            if (Double.isFinite(v)) {
                return constant(v);
            }
        }
        if (f == Elementary.NEG) {
            Terms t = new Terms();
            t.collect(a, -1);
            return t.build();
        }
        if (f == Elementary.RECIPROCAL || f instanceof Power) {
            Factors p = new Factors();
            p.collect(new Unary(f, a), 1);
            return p.build();
        }
        return intern(new Unary(f, a));
    }

    private Expr binary(BinaryFunction f, Expr a, Expr b) {
        if (a instanceof Constant x && b instanceof Constant y) {
            double v = f.value(x.number(), y.number());
            if (Double.isFinite(v)) {
                return constant(v);
            }
        }
        if (f == Binary.ADD || f == Binary.SUB) {
            Terms t = new Terms();
            t.collect(a, 1);
            t.collect(b, f == Binary.ADD ? 1 : -1);
            return t.build();
        }
        if (f == Binary.MUL || f == Binary.DIV) {
            Factors p = new Factors();
            p.collect(a, 1);
            p.collect(b, f == Binary.MUL ? 1 : -1);
            return p.build();
        }
        if (f == Binary.POW && b instanceof Constant c) {
            return unary(Power.of(c.number()), a);
        }
        return intern(new BinaryExpr(f, a, b));
    }

    private Expr constant(double c) {
        return intern(Constant.of(c));
    }

    private Expr intern(Expr e) {
        Key k = new Key(e);
        Expr known = interned.get(k);
        if (known != null) {
            return known;
        }
        interned.put(k, e);
        return e;
    }

    /**
     * A fixed order on canonical nodes, by structure: constants, variables, unary, binary; then by function, then
     * by operands. Equal nodes are identical, so the walk follows one pair of operands per level, in a loop.
     */
    static int compare(Expr a, Expr b) {
        while (a != b) {
            int byKind = Integer.compare(rank(a), rank(b));
            if (byKind != 0) {
                return byKind;
            }
            if (a instanceof Constant x) {
                return Double.compare(x.number(), ((Constant) b).number());
            }
            if (a instanceof Variable x) {
                Variable y = (Variable) b;
                int byName = x.name().compareTo(y.name());
                return byName != 0 ? byName : Double.compare(x.bound(), y.bound());
            }
            if (a instanceof Unary x) {
                Unary y = (Unary) b;
                int byFunction = x.function().symbol().compareTo(y.function().symbol());
                if (byFunction == 0 && x.function() instanceof Power p && y.function() instanceof Power q) {
                    byFunction = Double.compare(p.exponent(), q.exponent());
                }
                if (byFunction != 0) {
                    return byFunction;
                }
                a = x.arg();
                b = y.arg();
            } else {
                BinaryExpr x = (BinaryExpr) a;
                BinaryExpr y = (BinaryExpr) b;
                int byFunction = x.function().symbol().compareTo(y.function().symbol());
                if (byFunction != 0) {
                    return byFunction;
                }
                // Canonical nodes are equal only when identical: the first operands that differ decide.
                boolean leftsDiffer = x.left() != y.left();
                a = leftsDiffer ? x.left() : x.right();
                b = leftsDiffer ? y.left() : y.right();
            }
        }
        return 0;
    }

    private static int rank(Expr e) {
        return e instanceof Constant ? 0 : e instanceof Variable ? 1 : e instanceof Unary ? 2 : 3;
    }

    private static boolean isOp(Expr e, Object op) {
        return (e instanceof BinaryExpr b && b.function() == op) || (e instanceof Unary u && u.function() == op);
    }

    /** A sum being collected: a constant plus coefficient × term, each term a canonical node. */
    private final class Terms {
        private double constant;
        private final Map<Expr, double[]> coefficients = new IdentityHashMap<>();

        /** Adds sign·e, walking the chain of + − and negation of a canonical sum with an explicit stack. */
        void collect(Expr root, double rootSign) {
            java.util.ArrayDeque<Expr> nodes = new java.util.ArrayDeque<>();
            java.util.ArrayDeque<Double> signs = new java.util.ArrayDeque<>();
            nodes.push(root);
            signs.push(rootSign);
            while (!nodes.isEmpty()) {
                Expr e = nodes.pop();
                double sign = signs.pop();
                if (e instanceof Constant c) {
                    constant += sign * c.number();
                } else if (isOp(e, Binary.ADD) || isOp(e, Binary.SUB)) {
                    BinaryExpr b = (BinaryExpr) e;
                    nodes.push(b.right());
                    signs.push(isOp(e, Binary.ADD) ? sign : -sign);
                    nodes.push(b.left());
                    signs.push(sign);
                } else if (isOp(e, Elementary.NEG)) {
                    nodes.push(((Unary) e).arg());
                    signs.push(-sign);
                } else if (isOp(e, Binary.MUL) && ((BinaryExpr) e).left() instanceof Constant c) {
                    add(((BinaryExpr) e).right(), sign * c.number());
                } else if (isOp(e, Binary.DIV) && ((BinaryExpr) e).left() instanceof Constant c && c.number() != 1) {
                    // c/d is the term 1/d with coefficient c, so that 2/d + 1/d collect.
                    add(intern(new BinaryExpr(Binary.DIV, constant(1), ((BinaryExpr) e).right())), sign * c.number());
                } else {
                    add(e, sign);
                }
            }
        }

        private void add(Expr term, double coefficient) {
            coefficients.computeIfAbsent(term, t -> new double[1])[0] += coefficient;
        }

        Expr build() {
            List<Expr> positive = new ArrayList<>();
            List<Expr> negative = new ArrayList<>();
            for (Map.Entry<Expr, double[]> t : coefficients.entrySet()) {
                double c = t.getValue()[0];
                if (c > 0 || Double.isNaN(c)) {
                    positive.add(t.getKey());
                } else if (c < 0) {
                    negative.add(t.getKey());
                }
            }
            positive.sort(Simplifier::compare);
            negative.sort(Simplifier::compare);
            Expr sum = null;
            for (Expr t : positive) {
                sum = plus(sum, term(coefficients.get(t)[0], t));
            }
            if (constant != 0) {
                sum = sum == null || constant > 0 ? plus(sum, constant(constant))
                        : intern(new BinaryExpr(Binary.SUB, sum, constant(-constant)));
            }
            for (Expr t : negative) {
                double c = coefficients.get(t)[0];
                sum = sum == null ? term(c, t) : intern(new BinaryExpr(Binary.SUB, sum, term(-c, t)));
            }
            return sum == null ? constant(0) : sum;
        }

        private Expr plus(Expr sum, Expr term) {
            return sum == null ? term : intern(new BinaryExpr(Binary.ADD, sum, term));
        }

        private Expr term(double c, Expr t) {
            if (c == 1) {
                return t;
            }
            Factors product = new Factors();
            product.coefficient = c;
            product.collect(t, 1);
            return product.build();
        }
    }

    /** A product being collected: a coefficient times canonical bases raised to exponents. */
    private final class Factors {
        private double coefficient = 1;
        private final Map<Expr, double[]> exponents = new IdentityHashMap<>();

        /** Multiplies in e^exponent, walking products, quotients and negations with an explicit stack. */
        void collect(Expr root, double rootExponent) {
            java.util.ArrayDeque<Expr> nodes = new java.util.ArrayDeque<>();
            java.util.ArrayDeque<Double> powers = new java.util.ArrayDeque<>();
            nodes.push(root);
            powers.push(rootExponent);
            while (!nodes.isEmpty()) {
                Expr e = nodes.pop();
                double exponent = powers.pop();
                if (e instanceof Constant c) {
                    coefficient *= exponent == 1 ? c.number() : Math.pow(c.number(), exponent);
                } else if (isOp(e, Binary.MUL) || isOp(e, Binary.DIV)) {
                    BinaryExpr b = (BinaryExpr) e;
                    nodes.push(b.right());
                    powers.push(isOp(e, Binary.MUL) ? exponent : -exponent);
                    nodes.push(b.left());
                    powers.push(exponent);
                } else if (isOp(e, Elementary.NEG)) {
                    coefficient *= exponent == 1 ? -1 : Math.pow(-1, exponent);
                    nodes.push(((Unary) e).arg());
                    powers.push(exponent);
                } else if (isOp(e, Elementary.RECIPROCAL)) {
                    nodes.push(((Unary) e).arg());
                    powers.push(-exponent);
                } else if (e instanceof Unary u && u.function() instanceof Power p) {
                    Expr base = u.arg();
                    double k = p.exponent();
                    if (base instanceof Unary inner && inner.function() instanceof Power q && k == Math.rint(k)) {
                        // (b^q)^k = b^(qk) for an integer k.
                        base = inner.arg();
                        k *= q.exponent();
                    }
                    if (base instanceof Constant c) {
                        coefficient *= Math.pow(Math.pow(c.number(), k), exponent);
                    } else if (k == Math.rint(k) && isProduct(base)) {
                        nodes.push(base); // (a·b)^k = a^k·b^k for an integer k
                        powers.push(k * exponent);
                    } else {
                        add(base, k * exponent);
                    }
                } else {
                    add(e, exponent);
                }
            }
        }

        private boolean isProduct(Expr e) {
            return isOp(e, Binary.MUL) || isOp(e, Binary.DIV) || isOp(e, Elementary.NEG)
                    || isOp(e, Elementary.RECIPROCAL);
        }

        private void add(Expr base, double exponent) {
            exponents.computeIfAbsent(base, b -> new double[1])[0] += exponent;
        }

        Expr build() {
            if (coefficient == 0) {
                return constant(0);
            }
            // A product base whose exponents added up to an integer multiplies out: (xy)^1.5·(xy)^−0.5 = x·y.
            boolean again = true;
            while (again) {
                again = false;
                for (Map.Entry<Expr, double[]> f : new ArrayList<>(exponents.entrySet())) {
                    double k = f.getValue()[0];
                    if (k != 0 && k == Math.rint(k) && isProduct(f.getKey())) {
                        exponents.remove(f.getKey());
                        collect(f.getKey(), k);
                        again = true;
                    }
                }
            }
            List<Expr> bases = new ArrayList<>();
            for (Map.Entry<Expr, double[]> f : exponents.entrySet()) {
                if (f.getValue()[0] != 0) {
                    bases.add(f.getKey());
                }
            }
            bases.sort(Simplifier::compare);
            Expr numerator = null;
            Expr denominator = null;
            for (Expr b : bases) {
                double k = exponents.get(b)[0];
                if (k > 0) {
                    numerator = times(numerator, power(b, k));
                } else {
                    denominator = times(denominator, power(b, -k));
                }
            }
            Expr rest;
            double c = coefficient;
            if (numerator == null && denominator == null) {
                return constant(c);
            } else if (numerator == null) {
                rest = intern(new BinaryExpr(Binary.DIV, constant(Math.abs(c)), denominator));
                c = Math.signum(c);
            } else {
                rest = denominator == null ? numerator : intern(new BinaryExpr(Binary.DIV, numerator, denominator));
            }
            if (c == 1) {
                return rest;
            }
            if (c == -1) {
                return intern(new Unary(Elementary.NEG, rest));
            }
            return intern(new BinaryExpr(Binary.MUL, constant(c), rest));
        }

        private Expr times(Expr product, Expr factor) {
            return product == null ? factor : intern(new BinaryExpr(Binary.MUL, product, factor));
        }

        private Expr power(Expr base, double k) {
            return k == 1 ? base : intern(new Unary(Power.of(k), base));
        }
    }

    /** Structural identity of one node given canonical children: children compare by reference. */
    private static final class Key {
        private final Object op;
        private final Expr a;
        private final Expr b;
        private final long bits;
        private final String name;

        Key(Expr e) {
            if (e instanceof Constant c) {
                op = Constant.class;
                a = null;
                b = null;
                bits = Double.doubleToLongBits(c.number());
                name = null;
            } else if (e instanceof Variable v) {
                op = Variable.class;
                a = null;
                b = null;
                bits = Double.doubleToLongBits(v.bound());
                name = v.name();
            } else if (e instanceof Unary u) {
                op = u.function();
                a = u.arg();
                b = null;
                bits = 0;
                name = null;
            } else {
                BinaryExpr x = (BinaryExpr) e;
                op = x.function();
                a = x.left();
                b = x.right();
                bits = 0;
                name = null;
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.op.equals(op) && k.a == a && k.b == b && k.bits == bits
                    && java.util.Objects.equals(k.name, name);
        }

        @Override
        public int hashCode() {
            return ((op.hashCode() * 31 + System.identityHashCode(a)) * 31 + System.identityHashCode(b)) * 31
                    + Long.hashCode(bits) + (name == null ? 0 : name.hashCode());
        }
    }
}
