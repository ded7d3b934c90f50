package dev.adjoint.numeric;

import dev.adjoint.numeric.FiniteDifferences.Scheme;
import dev.adjoint.scalar.Derivatives;
import dev.adjoint.scalar.RealFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * The error of finite differences against the exact (AD) derivative as the step h shrinks from 10⁻¹ to 10⁻¹⁶:
 * truncation error falls like hᵖ until round-off, growing like ε/h, takes over, which draws the U-shaped curve
 * whose bottom is the best step.
 *
 * @param x       the point
 * @param exact   the exact derivative (from forward-mode AD unless given)
 * @param curves  one error curve per scheme
 */
public record StepSizeStudy(double x, double exact, List<Curve> curves) {

    /** The schemes studied by default. */
    public static final List<Scheme> DEFAULT_SCHEMES =
            List.of(Scheme.FORWARD, Scheme.CENTRAL, Scheme.FIVE_POINT, Scheme.RICHARDSON);

    /** One step: the estimate it gave and its absolute error (NaN when the step vanished: x + h == x). */
    public record Point(double step, double estimate, double error) {
    }

    /** A scheme's errors over all steps, largest step first. */
    public record Curve(Scheme scheme, List<Point> points) {

        /** The curve as given; the list is copied. */
        public Curve {
            points = List.copyOf(points);
        }

        /** The step with the smallest error (the larger step on ties; steps that vanished are skipped), or null if none. */
        public Point best() {
            Point best = null;
            for (Point p : points) {
                if (!Double.isNaN(p.error()) && (best == null || p.error() < best.error())) {
                    best = p;
                }
            }
            return best;
        }
    }

    /** The study as given; the list is copied. */
    public StepSizeStudy {
        curves = List.copyOf(curves);
    }

    /** Steps 10⁻¹, 10^(−1−1/k), …, 10⁻¹⁶: {@code perDecade} steps per power of ten. */
    public static double[] steps(int perDecade) {
        if (perDecade < 1) {
            throw new IllegalArgumentException("need at least one step per decade, got " + perDecade);
        }
        int count = 15 * perDecade + 1;
        double[] h = new double[count];
        for (int i = 0; i < count; i++) {
            h[i] = Math.pow(10, -1 - (double) i / perDecade);
        }
        return h;
    }

    /** The study of a one-variable {@code RealFunction} at x, with the exact derivative from forward-mode AD. */
    public static StepSizeStudy of(RealFunction f, double x) {
        ToDoubleFunction<double[]> values = FiniteDifferences.values(f);
        return of(t -> values.applyAsDouble(new double[] {t}), x, Derivatives.derivative(f, x), DEFAULT_SCHEMES,
                steps(1));
    }

    /** The study of f at x against {@code exact} for the given schemes and steps. */
    public static StepSizeStudy of(DoubleUnaryOperator f, double x, double exact, List<Scheme> schemes,
                                   double[] steps) {
        List<Curve> curves = new ArrayList<>();
        for (Scheme s : schemes) {
            List<Point> points = new ArrayList<>();
            for (double h : steps) {
                double d;
                try {
                    d = FiniteDifferences.derivative(f, x, s, h);
                } catch (IllegalArgumentException stepVanished) {
                    d = Double.NaN; // x + h == x: no difference can be formed at all
                }
                points.add(new Point(h, d, Math.abs(d - exact)));
            }
            curves.add(new Curve(s, points));
        }
        return new StepSizeStudy(x, exact, curves);
    }

    /** The curve for {@code scheme}. */
    public Curve curve(Scheme scheme) {
        for (Curve c : curves) {
            if (c.scheme() == scheme) {
                return c;
            }
        }
        throw new IllegalArgumentException("this study has no curve for " + scheme);
    }

    /** A text table: one row per step, one error column per scheme, then each scheme's best step and error. */
    public String table() {
        StringBuilder out = new StringBuilder(String.format("%-8s", "h"));
        for (Curve c : curves) {
            out.append(String.format(" %12s", c.scheme().name().toLowerCase().replace('_', '-')));
        }
        out.append('\n');
        int rows = curves.isEmpty() ? 0 : curves.get(0).points().size();
        for (int i = 0; i < rows; i++) {
            out.append(String.format("%-8.1e", curves.get(0).points().get(i).step()));
            for (Curve c : curves) {
                double e = c.points().get(i).error();
                out.append(Double.isNaN(e) ? String.format(" %12s", "x+h = x") : String.format(" %12.2e", e));
            }
            out.append('\n');
        }
        for (Curve c : curves) {
            Point b = c.best();
            if (b == null) {
                out.append(String.format("%-10s no step gave a finite error%n",
                        c.scheme().name().toLowerCase().replace('_', '-')));
                continue;
            }
            out.append(String.format("%-10s best h %.1e, error %.2e (order %d; default step formula gives %.1e)%n",
                    c.scheme().name().toLowerCase().replace('_', '-'), b.step(), b.error(), c.scheme().order(),
                    c.scheme().defaultStep(x)));
        }
        return out.toString();
    }
}
