package dev.adjoint.nn.optim;

import java.util.function.Function;

/**
 * A line search for a step α along a descent direction that satisfies the strong Wolfe conditions
 * φ(α) ≤ φ(0) + c₁αφ′(0) and |φ′(α)| ≤ c₂|φ′(0)| (Nocedal &amp; Wright, Algorithms 3.5 and 3.6: bracketing, then
 * zooming with safeguarded cubic interpolation).
 */
public record WolfeLineSearch(double c1, double c2, int maxEvaluations) {

    /** φ(α) and φ′(α) together. */
    public record Point(double alpha, double value, double slope, double[] grad) {
    }

    /** The accepted point, whether it satisfies both conditions, and the number of evaluations. */
    public record Result(Point point, boolean wolfe, int evaluations) {
    }

    /** Checks 0 &lt; c₁ &lt; c₂ &lt; 1. */
    public WolfeLineSearch {
        if (!(0 < c1 && c1 < c2 && c2 < 1) || maxEvaluations < 1) {
            throw new IllegalArgumentException("WolfeLineSearch: need 0 < c1 < c2 < 1 and maxEvaluations ≥ 1, got "
                    + c1 + ", " + c2 + ", " + maxEvaluations);
        }
    }

    /** c₁ = 1e-4, c₂ = 0.9 (the usual choice for quasi-Newton methods), at most 25 evaluations. */
    public static WolfeLineSearch standard() {
        return new WolfeLineSearch(1e-4, 0.9, 25);
    }

    /** A step from {@code start} (α = 0, with φ′(0) &lt; 0) trying {@code alpha1} first. */
    public Result search(Function<Double, Point> phi, Point start, double alpha1) {
        if (!(start.slope() < 0)) {
            throw new IllegalArgumentException("WolfeLineSearch: not a descent direction (φ′(0) = " + start.slope()
                    + ")");
        }
        int evals = 0;
        Point prev = start;
        double alpha = alpha1;
        while (evals < maxEvaluations) {
            Point p = phi.apply(alpha);
            evals++;
            if (!Double.isFinite(p.value()) || p.value() > start.value() + c1 * alpha * start.slope()
                    || evals > 1 && p.value() >= prev.value()) {
                return zoom(phi, start, prev, p, evals);
            }
            if (Math.abs(p.slope()) <= -c2 * start.slope()) {
                return new Result(p, true, evals);
            }
            if (p.slope() >= 0) {
                return zoom(phi, start, p, prev, evals);
            }
            prev = p;
            alpha *= 2;
        }
        return new Result(prev, false, evals);
    }

    private Result zoom(Function<Double, Point> phi, Point start, Point lo, Point hi, int evals) {
        while (evals < maxEvaluations) {
            double a = interpolate(lo, hi);
            Point p = phi.apply(a);
            evals++;
            if (!Double.isFinite(p.value()) || p.value() > start.value() + c1 * a * start.slope()
                    || p.value() >= lo.value()) {
                hi = p;
            } else {
                if (Math.abs(p.slope()) <= -c2 * start.slope()) {
                    return new Result(p, true, evals);
                }
                if (p.slope() * (hi.alpha() - lo.alpha()) >= 0) {
                    hi = lo;
                }
                lo = p;
            }
            if (Math.abs(hi.alpha() - lo.alpha()) < 1e-16 * Math.max(1, lo.alpha())) {
                break;
            }
        }
        return new Result(lo, false, evals);
    }

    /** The minimiser of the cubic through both ends' values and slopes, kept inside the bracket, else bisection. */
    private static double interpolate(Point lo, Point hi) {
        double a = lo.alpha();
        double b = hi.alpha();
        double width = Math.abs(b - a);
        double left = Math.min(a, b);
        double right = Math.max(a, b);
        if (Double.isFinite(hi.value()) && Double.isFinite(hi.slope())) {
            double d1 = lo.slope() + hi.slope() - 3 * (lo.value() - hi.value()) / (a - b);
            double disc = d1 * d1 - lo.slope() * hi.slope();
            if (disc >= 0) {
                double d2 = Math.signum(b - a) * Math.sqrt(disc);
                double t = b - (b - a) * (hi.slope() + d2 - d1) / (hi.slope() - lo.slope() + 2 * d2);
                if (Double.isFinite(t) && t > left + 0.1 * width && t < right - 0.1 * width) {
                    return t;
                }
            }
        }
        return 0.5 * (a + b);
    }
}
