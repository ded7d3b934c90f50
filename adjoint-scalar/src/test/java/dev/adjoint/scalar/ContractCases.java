package dev.adjoint.scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The table the contract suite runs: every row of {@link Elementary}, {@link Power} (several exponents),
 * {@link Polygamma} (orders 0..3) and {@link Binary}, and the arithmetic of {@link Real} with its {@code double}
 * overloads, each at seeded random points inside its smooth domain. Also the finite-difference references.
 */
public final class ContractCases {

    /** One function at one point; the name says which row and where. */
    public record Case(String name, RealFunction f, double[] x) {
        @Override
        public String toString() {
            return name + " at " + java.util.Arrays.toString(x);
        }
    }

    /** Exponents for the x^p rows: negative, zero, integer and fractional. */
    static final double[] EXPONENTS = {-3, -2, -1, -0.5, 0, 1, 2, 3, 0.5, 1.5, 1.0 / 3, 2.7};

    /** Points per row and shape. */
    static final int POINTS = 3;

    /** Where the random points live when a row's smooth interval is unbounded. */
    static final double BOX = 3;

    /** Distance kept from the ends of a smooth interval, and from 0 (where 1/x, cbrt, x^−n, abs are singular). */
    static final double MARGIN = 0.15;

    private ContractCases() {
    }

    /** Every unary row of the tables. */
    static List<UnaryFunction> unaryRows() {
        List<UnaryFunction> rows = new ArrayList<>(List.of(Elementary.values()));
        for (double p : EXPONENTS) {
            rows.add(Power.of(p));
        }
        for (int n = 0; n <= 3; n++) {
            rows.add(Polygamma.of(n));
        }
        return rows;
    }

    static String name(UnaryFunction row) {
        return row instanceof Power p ? "pow(" + p.exponent() + ")" : row.symbol();
    }

    /** A seeded random point in the row's smooth interval, clipped to the box and away from 0. */
    static double pointIn(UnaryFunction row, SplittableRandom random) {
        double lo = Math.max(row.lower(), -BOX) + MARGIN;
        double hi = Math.min(row.upper(), BOX) - MARGIN;
        double x;
        do {
            x = lo + (hi - lo) * random.nextDouble();
        } while (Math.abs(x) < MARGIN);
        return x;
    }

    /** Every case: unary rows alone and times a second variable, binary rows, and arithmetic. */
    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(unary());
        cases.addAll(binary());
        cases.addAll(arithmetic());
        return cases;
    }

    /** Each unary row as x ↦ f(x), and as (x, y) ↦ f(x)·y to bring in mixed second partials. */
    public static List<Case> unary() {
        SplittableRandom random = new SplittableRandom(20261127);
        List<Case> cases = new ArrayList<>();
        for (UnaryFunction row : unaryRows()) {
            for (int k = 0; k < POINTS; k++) {
                double x = pointIn(row, random);
                cases.add(new Case(name(row), v -> v[0].apply(row), new double[] {x}));
                double y = -2 + 4 * random.nextDouble();
                cases.add(new Case(name(row) + "(x)*y", v -> v[0].apply(row).mul(v[1]), new double[] {x, y}));
            }
        }
        return cases;
    }

    /** Each binary row, at points away from its singularities and kinks. */
    public static List<Case> binary() {
        SplittableRandom random = new SplittableRandom(1127);
        List<Case> cases = new ArrayList<>();
        for (Binary row : Binary.values()) {
            for (int k = 0; k < POINTS + 1; k++) {
                double[] p = binaryPoint(row, random);
                cases.add(new Case(row.name().toLowerCase(java.util.Locale.ROOT), v -> v[0].apply(row, v[1]), p));
            }
        }
        return cases;
    }

    private static double[] binaryPoint(Binary row, SplittableRandom random) {
        Predicate<double[]> smooth;
        double xLo = -BOX;
        switch (row) {
            case DIV:
                smooth = p -> Math.abs(p[1]) > 0.3;
                break;
            case POW:
                xLo = 0.2;
                smooth = p -> true;
                break;
            case ATAN2:
                smooth = p -> Math.abs(p[0]) > 0.1 && Math.hypot(p[0], p[1]) > 0.3; // off the branch cut
                break;
            case HYPOT:
                smooth = p -> Math.hypot(p[0], p[1]) > 0.3;
                break;
            case MIN:
            case MAX:
                smooth = p -> Math.abs(p[0] - p[1]) > 0.2;
                break;
            default:
                smooth = p -> true;
        }
        double[] p;
        do {
            p = new double[] {xLo + (BOX - xLo) * random.nextDouble(), -BOX + 2 * BOX * random.nextDouble()};
        } while (!smooth.test(p));
        return p;
    }

    private record Op(String name, RealFunction f, double lo, double hi, Predicate<double[]> smooth) {
        Op(String name, RealFunction f) {
            this(name, f, 0.5, 2.5, p -> true);
        }
    }

    /** Arithmetic with Real and double operands, the Real default methods, and a few compositions. */
    public static List<Case> arithmetic() {
        List<Op> ops = List.of(
                new Op("x+y", v -> v[0].add(v[1])),
                new Op("x+c", v -> v[0].add(2.5)),
                new Op("x-y", v -> v[0].sub(v[1])),
                new Op("x-c", v -> v[0].sub(2.5)),
                new Op("c-x", v -> v[0].constant(2.5).sub(v[0])),
                new Op("x*y", v -> v[0].mul(v[1])),
                new Op("x*x", v -> v[0].mul(v[0])),
                new Op("x*c", v -> v[0].mul(-1.5)),
                new Op("c*x", v -> v[0].constant(-1.5).mul(v[0])),
                new Op("x/y", v -> v[0].div(v[1])),
                new Op("x/c", v -> v[0].div(0.3)),
                new Op("c/x", v -> v[0].constant(0.3).div(v[0])),
                new Op("-x", v -> v[0].neg()),
                new Op("1/x", v -> v[0].reciprocal()),
                new Op("x^2", v -> v[0].square()),
                new Op("x^3 (int), negative x", v -> v[0].pow(3), -2.5, -0.5, p -> true),
                new Op("x^-2 (int), negative x", v -> v[0].pow(-2), -2.5, -0.5, p -> true),
                new Op("x^2.5", v -> v[0].pow(2.5)),
                new Op("x^y", v -> v[0].pow(v[1])),
                new Op("min(x, c)", v -> v[0].min(1.5), 0.5, 2.5, p -> Math.abs(p[0] - 1.5) > 0.1),
                new Op("max(x, c)", v -> v[0].max(1.5), 0.5, 2.5, p -> Math.abs(p[0] - 1.5) > 0.1),
                new Op("min(x, y)", v -> v[0].min(v[1]), 0.5, 2.5, p -> Math.abs(p[0] - p[1]) > 0.1),
                new Op("max(x, y)", v -> v[0].max(v[1]), 0.5, 2.5, p -> Math.abs(p[0] - p[1]) > 0.1),
                new Op("hypot(x, c)", v -> v[0].hypot(0.7)),
                new Op("atan2(x, c)", v -> v[0].atan2(-0.7)),
                new Op("atan2(x, y)", v -> v[0].atan2(v[1])),
                new Op("lecture ln(x)+x*y-sin(y)", v -> v[0].log().add(v[0].mul(v[1])).sub(v[1].sin())),
                new Op("rosenbrock", v -> v[0].neg().add(1).square().add(v[1].sub(v[0].square()).square().mul(100))),
                new Op("x*y/(x+y*y+3)", v -> v[0].mul(v[1]).div(v[0].add(v[1].square()).add(3))),
                new Op("exp(sin(x*y))*sqrt(x)", v -> v[0].mul(v[1]).sin().exp().mul(v[0].sqrt())),
                // Operations with a constant are scales on the tape, not entries; these mix them into every kind
                // of recorded entry: binary, unary, both operands on one entry, a constant operand, a scaled output.
                new Op("logistic step (c*x)*(x-c)", v -> v[0].mul(-4).mul(v[0].sub(1))),
                new Op("(x+c)*x", v -> v[0].add(1.5).mul(v[0])),
                new Op("(c*x)*(c*x)", v -> v[0].mul(2).mul(v[0].mul(-3))),
                new Op("x-x+x*y", v -> v[0].sub(v[0]).add(v[0].mul(v[1]))),
                new Op("(c*x)/(x+c)", v -> v[0].mul(0.5).div(v[0].add(2))),
                new Op("-x/c+y*c", v -> v[0].neg().div(0.7).add(v[1].mul(3))),
                new Op("c*(x*y)", v -> v[0].mul(v[1]).mul(-2.5)),
                new Op("sin(c*x-c)", v -> v[0].mul(2).sub(0.5).sin()),
                new Op("atan2(c*x, c*y)", v -> v[0].mul(0.5).atan2(v[1].mul(2))),
                new Op("(c*c)*x", v -> v[0].constant(2).mul(v[0].constant(3)).mul(v[0])),
                new Op("(x*c)^2*(y-c)", v -> v[0].mul(3).square().mul(v[1].sub(0.25))));
        SplittableRandom random = new SplittableRandom(42);
        List<Case> cases = new ArrayList<>();
        for (Op op : ops) {
            for (int k = 0; k < POINTS; k++) {
                double[] p;
                do {
                    p = new double[] {op.lo + (op.hi - op.lo) * random.nextDouble(), 0.5 + 2 * random.nextDouble()};
                } while (!op.smooth.test(p));
                cases.add(new Case(op.name, op.f, p));
            }
        }
        return cases;
    }

    /** f(x) on plain doubles (untagged constant duals). */
    public static double value(RealFunction f, double[] x) {
        Dual[] d = new Dual[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = Dual.constantOf(x[i]);
        }
        return f.apply(d).value();
    }

    /** The step for the five-point stencils: relative to |x|, so that rounding stays small. */
    static double step(double x) {
        return 1e-4 * Math.max(1, Math.abs(x));
    }

    /** ∇f by the five-point central stencil [f(x−2h) − 8f(x−h) + 8f(x+h) − f(x+2h)] / 12h, error O(h⁴). */
    public static double[] finiteDifferenceGradient(RealFunction f, double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            final int k = i;
            g[i] = fivePoint(t -> value(f, shifted(x, k, t)), x[i]);
        }
        return g;
    }

    /** ∇²f by the five-point stencil applied to the reverse-mode gradient (itself checked against differences). */
    public static double[][] finiteDifferenceHessian(RealFunction f, double[] x) {
        int n = x.length;
        double[][] h = new double[n][n];
        for (int j = 0; j < n; j++) {
            final int k = j;
            double hj = step(x[j]);
            double[][] g = new double[4][];
            double[] offsets = {-2, -1, 1, 2};
            for (int s = 0; s < 4; s++) {
                g[s] = Derivatives.gradient(f, Mode.REVERSE, shifted(x, k, x[k] + offsets[s] * hj)).gradient();
            }
            for (int i = 0; i < n; i++) {
                h[i][j] = (g[0][i] - 8 * g[1][i] + 8 * g[2][i] - g[3][i]) / (12 * hj);
            }
        }
        return h;
    }

    static double fivePoint(java.util.function.DoubleUnaryOperator f, double x) {
        double h = step(x);
        return (f.applyAsDouble(x - 2 * h) - 8 * f.applyAsDouble(x - h) + 8 * f.applyAsDouble(x + h)
                - f.applyAsDouble(x + 2 * h)) / (12 * h);
    }

    private static double[] shifted(double[] x, int i, double xi) {
        double[] y = x.clone();
        y[i] = xi;
        return y;
    }
}
