package dev.adjoint.symbolic;

import dev.adjoint.scalar.Binary;
import dev.adjoint.scalar.BinaryFunction;
import dev.adjoint.scalar.Elementary;
import dev.adjoint.scalar.Power;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.RealFunction;
import dev.adjoint.scalar.UnaryFunction;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random expression trees over the whole function table, built bottom-up at a random point so that every
 * node's argument lies well inside its function's smooth domain there (away from poles, kinks and edges), and
 * every value and slope stays moderate. Variables are bound to the point.
 */
final class RandomExprs {

    static final String[] NAMES = {"x", "y", "z"};

    private static final List<UnaryFunction> UNARY = new ArrayList<>();

    static {
        for (Elementary e : Elementary.values()) {
            UNARY.add(e);
        }
        for (double k : new double[] {2, 3, -1, -2, 0.5, 1.5}) {
            UNARY.add(Power.of(k));
        }
    }

    private final Random random;
    final double[] point;
    final Variable[] variables;

    RandomExprs(long seed) {
        random = new Random(seed);
        point = new double[NAMES.length];
        variables = new Variable[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            point[i] = -2 + 4 * random.nextDouble();
            variables[i] = Variable.of(NAMES[i], point[i]);
        }
    }

    /** A random expression of at most {@code depth} levels. */
    Expr next(int depth) {
        if (depth == 0 || random.nextInt(5) == 0) {
            return random.nextInt(4) == 0 ? Constant.of(Math.round((random.nextDouble() * 6 - 3) * 4) / 4.0)
                    : variables[random.nextInt(variables.length)];
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            Expr e = random.nextBoolean() ? unary(next(depth - 1)) : binary(next(depth - 1), next(depth - 1));
            if (e != null && moderate(e.value())) {
                return e;
            }
        }
        return variables[random.nextInt(variables.length)];
    }

    private Expr unary(Expr a) {
        UnaryFunction f = UNARY.get(random.nextInt(UNARY.size()));
        double v = a.value();
        double margin = 0.05;
        if (!(v > f.lower() + margin && v < f.upper() - margin)) {
            return null;
        }
        if ((f == Elementary.ABS || f == Elementary.SIGNUM || f == Elementary.CBRT || (f instanceof Power p
                && p.exponent() < 1)) && Math.abs(v) < margin) {
            return null; // kink or infinite slope at 0
        }
        if (!moderate(f.slope(v))) {
            return null;
        }
        return new Unary(f, a);
    }

    private Expr binary(Expr a, Expr b) {
        Binary f = Binary.values()[random.nextInt(Binary.values().length)];
        double x = a.value();
        double y = b.value();
        if (f == Binary.DIV && Math.abs(y) < 0.2) {
            return null;
        }
        if (f == Binary.POW && (x < 0.2 || Math.abs(y) > 4)) {
            return null;
        }
        if ((f == Binary.ATAN2 || f == Binary.HYPOT) && Math.hypot(x, y) < 0.2) {
            return null;
        }
        if ((f == Binary.MIN || f == Binary.MAX) && Math.abs(x - y) < 1e-3) {
            return null;
        }
        if (!moderate(f.slopeX(x, y)) || !moderate(f.slopeY(x, y))) {
            return null;
        }
        return new BinaryExpr(f, a, b);
    }

    private static boolean moderate(double v) {
        return Double.isFinite(v) && Math.abs(v) < 1e4;
    }

    /** The point as bindings. */
    Map<String, Double> bindings() {
        return Map.of(NAMES[0], point[0], NAMES[1], point[1], NAMES[2], point[2]);
    }

    /** e as a function of (x, y, z) in any mode: each node applies its row to its operands' Reals. */
    static RealFunction function(Expr e) {
        return in -> eval(e, in, new IdentityHashMap<>());
    }

    private static Real eval(Expr e, Real[] in, Map<Expr, Real> memo) {
        Real known = memo.get(e);
        if (known != null) {
            return known;
        }
        Real r;
        if (e instanceof Constant c) {
            r = in[0].constant(c.number());
        } else if (e instanceof Variable v) {
            r = in[List.of(NAMES).indexOf(v.name())];
        } else if (e instanceof Unary u) {
            r = eval(u.arg(), in, memo).apply(u.function());
        } else {
            BinaryExpr b = (BinaryExpr) e;
            BinaryFunction f = b.function();
            Real l = eval(b.left(), in, memo);
            Real rr = eval(b.right(), in, memo);
            r = f == Binary.ADD ? l.add(rr) : f == Binary.SUB ? l.sub(rr) : f == Binary.MUL ? l.mul(rr)
                    : f == Binary.DIV ? l.div(rr) : l.apply(f, rr);
        }
        memo.put(e, r);
        return r;
    }
}
