package dev.adjoint.numeric;

import dev.adjoint.numeric.FiniteDifferences.Scheme;
import dev.adjoint.scalar.Derivatives;
import dev.adjoint.scalar.Mode;
import dev.adjoint.scalar.RealFunction;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * Checks derivative code against finite differences: gradients and Jacobians entry by entry, JVPs along seeded
 * random directions, VJPs through the adjoint identity ⟨v, J·u⟩ = ⟨Jᵀ·v, u⟩, and Hessian-vector products against
 * differences of the gradient. Usable on any derivative code, not only ours.
 *
 * <p>The reference is Richardson-extrapolated central differences (error O(h⁸)), accurate to about 1e−10
 * relative on smooth functions, so the default tolerance can be tight. An entry passes when
 * |actual − expected| ≤ absolute + relative·|expected|; the report names the entry with the largest error
 * relative to that bound.
 */
public final class GradCheck {

    private GradCheck() {
    }

    /** Tolerances: an entry passes when |actual − expected| ≤ absolute + relative·|expected|. */
    public record Tolerance(double absolute, double relative) {

        /** The default: 1e−6 absolute plus 1e−6 relative. */
        public static final Tolerance DEFAULT = new Tolerance(1e-6, 1e-6);

        /** A tolerance; both parts must be non-negative. */
        public Tolerance {
            if (!(absolute >= 0) || !(relative >= 0)) {
                throw new IllegalArgumentException("tolerances must be non-negative, got absolute " + absolute
                        + " and relative " + relative);
            }
        }

        /** Whether an error of |actual − expected| is allowed. */
        public boolean allows(double actual, double expected) {
            return Math.abs(actual - expected) <= bound(expected);
        }

        double bound(double expected) {
            return absolute + relative * Math.abs(expected);
        }
    }

    /**
     * The outcome of a check: the worst entry (by error relative to the tolerance), its value from the code under
     * test and from finite differences, its absolute and relative error, and pass/fail.
     */
    public record Report(String check, String worstEntry, double actual, double expected, double absoluteError,
                         double relativeError, Tolerance tolerance, boolean passed) {

        /** Throws an {@link AssertionError} carrying this report's text when the check failed; returns it otherwise. */
        public Report orThrow() {
            if (!passed) {
                throw new AssertionError(toString());
            }
            return this;
        }

        @Override
        public String toString() {
            return String.format("%s %s: worst entry %s: code %.12g vs finite differences %.12g, abs error %.3g,"
                            + " rel error %.3g (tolerance %.1g + %.1g·|expected|)", check,
                    passed ? "passed" : "FAILED", worstEntry, actual, expected, absoluteError, relativeError,
                    tolerance.absolute(), tolerance.relative());
        }
    }

    /** Checks the reverse-mode AD gradient of {@code f} ({@link Derivatives#gradient}) at x. */
    public static Report gradient(RealFunction f, double... x) {
        return gradient(FiniteDifferences.values(f), p -> Derivatives.gradient(f, Mode.REVERSE, p).gradient(), x,
                Tolerance.DEFAULT);
    }

    /**
     * Checks AD's second order on {@code f} at x: {@link Derivatives#hvp} (forward over reverse) along
     * {@code directions} random directions against central differences of the reverse-mode gradient.
     */
    public static Report secondOrder(RealFunction f, int directions, long seed, double... x) {
        return hvp(p -> Derivatives.gradient(f, Mode.REVERSE, p).gradient(), (p, v) -> Derivatives.hvp(f, p, v), x,
                directions, seed, Tolerance.DEFAULT);
    }

    /** Checks {@code gradient} (any code computing ∇f) against finite differences of f at x. */
    public static Report gradient(ToDoubleFunction<double[]> f, UnaryOperator<double[]> gradient, double[] x,
                                  Tolerance tolerance) {
        double[] actual = gradient.apply(x.clone());
        double[] expected = FiniteDifferences.gradient(f, x, Scheme.RICHARDSON);
        if (actual.length != expected.length) {
            throw new IllegalArgumentException("GradCheck.gradient: the gradient has " + actual.length
                    + " entries but x has " + x.length);
        }
        Worst w = new Worst(tolerance);
        for (int i = 0; i < actual.length; i++) {
            w.consider("∂f/∂x" + i, actual[i], expected[i]);
        }
        return w.report("gradient check");
    }

    /** Checks {@code jacobian} (any code computing the m×n Jacobian of F) against finite differences at x. */
    public static Report jacobian(UnaryOperator<double[]> f, Function<double[], double[][]> jacobian, double[] x,
                                  Tolerance tolerance) {
        double[][] actual = jacobian.apply(x.clone());
        double[][] expected = FiniteDifferences.jacobian(f, x, Scheme.RICHARDSON);
        if (actual.length != expected.length || (actual.length > 0 && actual[0].length != x.length)) {
            throw new IllegalArgumentException("GradCheck.jacobian: the Jacobian is " + actual.length + "×"
                    + (actual.length > 0 ? actual[0].length : 0) + " but F maps " + x.length + " inputs to "
                    + expected.length + " outputs");
        }
        Worst w = new Worst(tolerance);
        for (int i = 0; i < actual.length; i++) {
            for (int j = 0; j < x.length; j++) {
                w.consider("J[" + i + "][" + j + "]", actual[i][j], expected[i][j]);
            }
        }
        return w.report("Jacobian check");
    }

    /**
     * Checks {@code jvp} ((x, u) ↦ J·u) along {@code directions} random Gaussian directions u drawn from
     * {@code seed}, against finite differences of F along the line x + t·u.
     */
    public static Report jvp(UnaryOperator<double[]> f, BinaryOperator<double[]> jvp, double[] x, int directions,
                             long seed, Tolerance tolerance) {
        Random random = new Random(seed);
        Worst w = new Worst(tolerance);
        for (int d = 0; d < directions; d++) {
            double[] u = gaussian(random, x.length);
            double[] actual = jvp.apply(x.clone(), u.clone());
            double[] expected = FiniteDifferences.jvp(f, x, u, Scheme.RICHARDSON);
            if (actual.length != expected.length) {
                throw new IllegalArgumentException("GradCheck.jvp: the JVP has " + actual.length
                        + " entries but F has " + expected.length + " outputs");
            }
            for (int i = 0; i < actual.length; i++) {
                w.consider("(J·u" + d + ")[" + i + "]", actual[i], expected[i]);
            }
        }
        return w.report("JVP check");
    }

    /**
     * Checks {@code vjp} ((x, v) ↦ Jᵀ·v) through the adjoint identity ⟨v, J·u⟩ = ⟨Jᵀ·v, u⟩ for
     * {@code directions} pairs of random Gaussian u, v drawn from {@code seed}; J·u comes from finite differences.
     */
    public static Report vjp(UnaryOperator<double[]> f, BinaryOperator<double[]> vjp, double[] x, int directions,
                             long seed, Tolerance tolerance) {
        Random random = new Random(seed);
        int m = f.apply(x.clone()).length;
        Worst w = new Worst(tolerance);
        for (int d = 0; d < directions; d++) {
            double[] u = gaussian(random, x.length);
            double[] v = gaussian(random, m);
            double[] jtv = vjp.apply(x.clone(), v.clone());
            if (jtv.length != x.length) {
                throw new IllegalArgumentException("GradCheck.vjp: Jᵀ·v has " + jtv.length + " entries but x has "
                        + x.length);
            }
            double[] ju = FiniteDifferences.jvp(f, x, u, Scheme.RICHARDSON);
            w.consider("⟨Jᵀ·v" + d + ", u" + d + "⟩ vs ⟨v" + d + ", J·u" + d + "⟩", dot(jtv, u), dot(v, ju));
        }
        return w.report("VJP adjoint-identity check");
    }

    /**
     * Checks {@code hvp} ((x, v) ↦ H·v) along random directions against central differences of the gradient,
     * (∇f(x+hv) − ∇f(x−hv)) / 2h: the second-order check, given a gradient already checked by
     * {@link #gradient(ToDoubleFunction, UnaryOperator, double[], Tolerance)}.
     */
    public static Report hvp(UnaryOperator<double[]> gradient, BinaryOperator<double[]> hvp, double[] x,
                             int directions, long seed, Tolerance tolerance) {
        Random random = new Random(seed);
        Worst w = new Worst(tolerance);
        for (int d = 0; d < directions; d++) {
            double[] v = gaussian(random, x.length);
            double[] actual = hvp.apply(x.clone(), v.clone());
            double[] expected = FiniteDifferences.jvp(gradient, x, v, Scheme.RICHARDSON);
            if (actual.length != expected.length) {
                throw new IllegalArgumentException("GradCheck.hvp: H·v has " + actual.length
                        + " entries but x has " + x.length);
            }
            for (int i = 0; i < actual.length; i++) {
                w.consider("(H·v" + d + ")[" + i + "]", actual[i], expected[i]);
            }
        }
        return w.report("HVP check");
    }

    private static double[] gaussian(Random random, int n) {
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = random.nextGaussian();
        }
        return u;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Tracks the entry with the largest error relative to its tolerance bound. */
    private static final class Worst {
        private final Tolerance tolerance;
        private boolean passed = true;
        private double ratio = -1;
        private String entry = "(none)";
        private double actual;
        private double expected;

        Worst(Tolerance tolerance) {
            this.tolerance = tolerance;
        }

        void consider(String name, double a, double e) {
            double error = Math.abs(a - e);
            double r = Double.isNaN(error) ? Double.POSITIVE_INFINITY : error / tolerance.bound(e);
            if (Double.isNaN(r)) {
                r = 0; // 0/0: exact agreement with a zero tolerance
            }
            passed &= tolerance.allows(a, e);
            if (r > ratio) {
                ratio = r;
                entry = name;
                actual = a;
                expected = e;
            }
        }

        Report report(String check) {
            double abs = Math.abs(actual - expected);
            double scale = Math.max(Math.abs(actual), Math.abs(expected));
            double rel = scale == 0 ? 0 : abs / scale;
            return new Report(check, entry, actual, expected, abs, rel, tolerance, passed);
        }
    }
}
