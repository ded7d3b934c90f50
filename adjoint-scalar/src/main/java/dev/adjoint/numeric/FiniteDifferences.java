package dev.adjoint.numeric;

import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.RealFunction;
import dev.adjoint.scalar.VectorFunction;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * Derivatives by finite differences: the numerical baseline that AD is checked and measured against.
 *
 * <p><b>Default step.</b> A scheme of order p has truncation error about C·hᵖ and round-off error about ε·|f|/h
 * (ε = 2⁻⁵² is the spacing of doubles near 1). With f and its derivatives of order one, the sum is smallest near
 * <pre>    h = ε^(1/(p+1)) · max(1, |x|)</pre>
 * giving an error of about ε^(p/(p+1)): h ≈ 1.5e−8 (error ~1e−8) for forward and backward differences,
 * h ≈ 6.1e−6 (error ~1e−11) for central, h ≈ 7.4e−4 (error ~1e−13) for the five-point stencil, and
 * h ≈ 1.8e−2 for Richardson extrapolation (its smallest step is h/8). Every method also takes an explicit step.
 * Steps are rounded so that x + h is a double exactly h away from x, which removes one source of round-off.
 *
 * <p>Functions are plain {@code double} code; {@link #values(RealFunction)} adapts code written against
 * {@link Real}.
 */
public final class FiniteDifferences {

    /** The spacing of doubles at 1: 2⁻⁵². */
    public static final double EPSILON = Math.ulp(1.0);

    /** Number of central differences (h, h/2, h/4, ...) that {@link Scheme#RICHARDSON} combines. */
    public static final int RICHARDSON_LEVELS = 4;

    private FiniteDifferences() {
    }

    /** A difference stencil with its order of accuracy. */
    public enum Scheme {
        /** (f(x+h) − f(x)) / h, error O(h). */
        FORWARD(1) {
            @Override
            double[] apply(DoubleFunction<double[]> g, double t, double h, double[] atT) {
                double tp = t + h;
                return quotient(g.apply(tp), atT != null ? atT : g.apply(t), nonzero(tp - t, t, h));
            }
        },
        /** (f(x) − f(x−h)) / h, error O(h). */
        BACKWARD(1) {
            @Override
            double[] apply(DoubleFunction<double[]> g, double t, double h, double[] atT) {
                double tm = t - h;
                return quotient(atT != null ? atT : g.apply(t), g.apply(tm), nonzero(t - tm, t, h));
            }
        },
        /** (f(x+h) − f(x−h)) / 2h, error O(h²). */
        CENTRAL(2) {
            @Override
            double[] apply(DoubleFunction<double[]> g, double t, double h, double[] atT) {
                double tp = t + h;
                double tm = t - h;
                return quotient(g.apply(tp), g.apply(tm), nonzero(tp - tm, t, h));
            }
        },
        /** (−f(x+2h) + 8f(x+h) − 8f(x−h) + f(x−2h)) / 12h, error O(h⁴). */
        FIVE_POINT(4) {
            @Override
            double[] apply(DoubleFunction<double[]> g, double t, double h, double[] atT) {
                double step = nonzero((t + h) - t, t, h);
                double[] p2 = g.apply(t + 2 * step);
                double[] p1 = g.apply(t + step);
                double[] m1 = g.apply(t - step);
                double[] m2 = g.apply(t - 2 * step);
                double[] d = new double[p1.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = (-p2[i] + 8 * p1[i] - 8 * m1[i] + m2[i]) / (12 * step);
                }
                return d;
            }
        },
        /** Central differences at h, h/2, h/4, h/8 combined by Richardson extrapolation, error O(h⁸). */
        RICHARDSON(2 * RICHARDSON_LEVELS) {
            @Override
            double[] apply(DoubleFunction<double[]> g, double t, double h, double[] atT) {
                return extrapolate(g, t, h, RICHARDSON_LEVELS);
            }
        };

        private final int order;

        Scheme(int order) {
            this.order = order;
        }

        /** The exponent p in the truncation error O(hᵖ). */
        public int order() {
            return order;
        }

        /** The step that balances truncation and round-off at x: ε^(1/(p+1)) · max(1, |x|). */
        public double defaultStep(double x) {
            return Math.pow(EPSILON, 1.0 / (order + 1)) * Math.max(1, Math.abs(x));
        }

        /** The derivative of the curve g at t with step h; {@code atT} is g(t) when already known, else null. */
        abstract double[] apply(DoubleFunction<double[]> g, double t, double h, double[] atT);
    }

    /** f′(x) by central differences with the default step. */
    public static double derivative(DoubleUnaryOperator f, double x) {
        return derivative(f, x, Scheme.CENTRAL);
    }

    /** f′(x) by {@code scheme} with its default step. */
    public static double derivative(DoubleUnaryOperator f, double x, Scheme scheme) {
        return derivative(f, x, scheme, scheme.defaultStep(x));
    }

    /** f′(x) by {@code scheme} with step h. */
    public static double derivative(DoubleUnaryOperator f, double x, Scheme scheme, double h) {
        checkStep(h);
        return scheme.apply(t -> new double[] {f.applyAsDouble(t)}, x, h, null)[0];
    }

    /**
     * f′(x) by Richardson extrapolation of central differences D(h), D(h/2), …, D(h/2^(levels−1)): each level
     * cancels the next even power of h, D′ = D(h/2) + (D(h/2) − D(h)) / (4^k − 1), so the error is O(h^(2·levels)).
     */
    public static double richardson(DoubleUnaryOperator f, double x, double h, int levels) {
        checkStep(h);
        return extrapolate(t -> new double[] {f.applyAsDouble(t)}, x, h, levels)[0];
    }

    static double[] extrapolate(DoubleFunction<double[]> g, double t, double h, int levels) {
        if (levels < 1) {
            throw new IllegalArgumentException("Richardson extrapolation needs at least 1 level, got " + levels);
        }
        double[][] row = new double[levels][];
        double step = h;
        for (int i = 0; i < levels; i++, step /= 2) {
            double[] d = Scheme.CENTRAL.apply(g, t, step, null);
            double factor = 4;
            for (int k = 0; k < i; k++, factor *= 4) {
                // d now holds level k+1 of row i; row[k] holds level k of row i−1 … until replaced below.
                double[] prev = row[k];
                double[] next = new double[d.length];
                for (int j = 0; j < d.length; j++) {
                    next[j] = d[j] + (d[j] - prev[j]) / (factor - 1);
                }
                row[k] = d;
                d = next;
            }
            row[i] = d;
        }
        return row[levels - 1];
    }

    /** ∇f(x) by central differences: 2n evaluations. */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x) {
        return gradient(f, x, Scheme.CENTRAL);
    }

    /** ∇f(x) by {@code scheme}, with each coordinate's default step; forward and backward need n + 1 evaluations. */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x, Scheme scheme) {
        return jacobian(p -> new double[] {f.applyAsDouble(p)}, x, scheme)[0];
    }

    /** ∇f(x) by {@code scheme} with the same step h for every coordinate. */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] x, Scheme scheme, double h) {
        return jacobian(p -> new double[] {f.applyAsDouble(p)}, x, scheme, h)[0];
    }

    /** The m×n Jacobian of F: ℝⁿ → ℝᵐ at x by central differences. */
    public static double[][] jacobian(UnaryOperator<double[]> f, double[] x) {
        return jacobian(f, x, Scheme.CENTRAL);
    }

    /** The m×n Jacobian of F at x by {@code scheme}, column by column, with each coordinate's default step. */
    public static double[][] jacobian(UnaryOperator<double[]> f, double[] x, Scheme scheme) {
        return jacobian(f, x, scheme, Double.NaN);
    }

    /** The m×n Jacobian of F at x by {@code scheme} with the same step h for every coordinate. */
    public static double[][] jacobian(UnaryOperator<double[]> f, double[] x, Scheme scheme, double h) {
        if (!Double.isNaN(h)) {
            checkStep(h);
        }
        double[] atX = scheme == Scheme.FORWARD || scheme == Scheme.BACKWARD ? f.apply(x.clone()) : null;
        double[][] columns = new double[x.length][];
        for (int j = 0; j < x.length; j++) {
            int jj = j;
            DoubleFunction<double[]> g = t -> {
                double[] p = x.clone();
                p[jj] = t;
                return f.apply(p);
            };
            columns[j] = scheme.apply(g, x[j], Double.isNaN(h) ? scheme.defaultStep(x[j]) : h, atX);
        }
        int m = x.length == 0 ? (atX != null ? atX.length : f.apply(x.clone()).length) : columns[0].length;
        double[][] jac = new double[m][x.length];
        for (int j = 0; j < x.length; j++) {
            if (columns[j].length != m) {
                throw new IllegalArgumentException("FiniteDifferences.jacobian: the function returned " + m
                        + " values at one point and " + columns[j].length + " at another");
            }
            for (int i = 0; i < m; i++) {
                jac[i][j] = columns[j][i];
            }
        }
        return jac;
    }

    /** ∇f(x)·u, the derivative along u, by {@code scheme} in one dimension: 2 evaluations for central. */
    public static double directionalDerivative(ToDoubleFunction<double[]> f, double[] x, double[] u, Scheme scheme) {
        return jvp(p -> new double[] {f.applyAsDouble(p)}, x, u, scheme)[0];
    }

    /** J·u, the Jacobian-vector product, by {@code scheme} along the line x + t·u. */
    public static double[] jvp(UnaryOperator<double[]> f, double[] x, double[] u, Scheme scheme) {
        checkSameLength("jvp", x, u, "direction u");
        double h = scheme.defaultStep(maxAbs(x)) / Math.max(maxAbs(u), Double.MIN_NORMAL);
        return scheme.apply(t -> f.apply(axpy(t, u, x)), 0, h, null);
    }

    /**
     * H·v for a scalar f from values only, by the mixed second difference
     * (Hv)ᵢ ≈ [f(x+hᵢeᵢ+kv) − f(x+hᵢeᵢ−kv) − f(x−hᵢeᵢ+kv) + f(x−hᵢeᵢ−kv)] / 4hᵢk: error O(h²), 4n evaluations,
     * steps ε^(1/4) scaled by |xᵢ| and by max|x| / max|v|.
     */
    public static double[] hvp(ToDoubleFunction<double[]> f, double[] x, double[] v) {
        checkSameLength("hvp", x, v, "vector v");
        double root = Math.pow(EPSILON, 0.25);
        double k = root * Math.max(1, maxAbs(x)) / Math.max(maxAbs(v), Double.MIN_NORMAL);
        double[] plus = axpy(k, v, x);
        double[] minus = axpy(-k, v, x);
        double[] hv = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double h = root * Math.max(1, Math.abs(x[i]));
            double[] pp = plus.clone();
            double[] pm = plus.clone();
            double[] mp = minus.clone();
            double[] mm = minus.clone();
            pp[i] += h;
            pm[i] -= h;
            mp[i] += h;
            mm[i] -= h;
            hv[i] = (f.applyAsDouble(pp) - f.applyAsDouble(pm) - f.applyAsDouble(mp) + f.applyAsDouble(mm)) / (4 * h * k);
        }
        return hv;
    }

    /** H·v from a gradient function (for example an AD gradient): (∇f(x+hv) − ∇f(x−hv)) / 2h, error O(h²). */
    public static double[] hvpOfGradient(UnaryOperator<double[]> gradient, double[] x, double[] v) {
        return jvp(gradient, x, v, Scheme.CENTRAL);
    }

    /** Adapts a {@code RealFunction} to plain doubles: it runs on values only, with no derivative bookkeeping. */
    public static ToDoubleFunction<double[]> values(RealFunction f) {
        return x -> f.apply(DoubleValue.of(x)).value();
    }

    /** Adapts a {@code VectorFunction} to plain doubles. */
    public static UnaryOperator<double[]> vectorValues(VectorFunction f) {
        return x -> {
            Real[] y = f.apply(DoubleValue.of(x));
            double[] out = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                out[i] = y[i].value();
            }
            return out;
        };
    }

    /** The step actually taken, or an error when it vanished because h is below the spacing of doubles at t. */
    private static double nonzero(double actual, double t, double h) {
        if (actual == 0) {
            throw new IllegalArgumentException("finite-difference step h = " + h + " vanishes at x = " + t
                    + " (x + h == x in doubles); use a step above " + Math.ulp(t));
        }
        return actual;
    }

    private static double[] quotient(double[] a, double[] b, double h) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("finite difference: the function returned " + a.length
                    + " values at one point and " + b.length + " at another");
        }
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (a[i] - b[i]) / h;
        }
        return d;
    }

    static double[] axpy(double t, double[] u, double[] x) {
        double[] p = new double[x.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = x[i] + t * u[i];
        }
        return p;
    }

    static double maxAbs(double[] x) {
        double m = 0;
        for (double xi : x) {
            m = Math.max(m, Math.abs(xi));
        }
        return m;
    }

    static void checkSameLength(String operation, double[] x, double[] u, String name) {
        if (x.length != u.length) {
            throw new IllegalArgumentException("FiniteDifferences." + operation + ": x has " + x.length
                    + " entries but " + name + " has " + u.length);
        }
    }

    private static void checkStep(double h) {
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("finite-difference step must be positive and finite, got " + h);
        }
    }
}
