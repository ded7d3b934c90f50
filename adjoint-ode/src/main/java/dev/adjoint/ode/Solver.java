package dev.adjoint.ode;

/**
 * An explicit Runge–Kutta solver: fixed steps, or adaptive steps under an error tolerance (embedded pair, step
 * controller h ← h·clamp(0.9·err^(−1/(q+1)), 0.2, 5), starting step as in Hairer, Nørsett and Wanner). Integrates
 * forward or backward in time. Immutable and thread-safe.
 */
public final class Solver {

    /** Receives every accepted step: the state y at time t and the step size h taken from it. */
    @FunctionalInterface
    public interface StepListener {

        /** The step from (t, y) of size h was accepted. */
        void accepted(double t, double h, double[] y);
    }

    private static final int MAX_STEPS = 1_000_000;

    private final Tableau tableau;
    private final double stepSize;
    private final double rtol;
    private final double atol;

    private Solver(Tableau tableau, double stepSize, double rtol, double atol) {
        this.tableau = tableau;
        this.stepSize = stepSize;
        this.rtol = rtol;
        this.atol = atol;
    }

    /** Classical RK4 with steps of at most {@code stepSize} (each interval is cut into equal steps). */
    public static Solver rk4(double stepSize) {
        return fixed(Tableau.RK4, stepSize);
    }

    /** Any tableau with fixed steps of at most {@code stepSize}. */
    public static Solver fixed(Tableau tableau, double stepSize) {
        if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
            throw new IllegalArgumentException("the step size must be positive and finite, got " + stepSize);
        }
        return new Solver(tableau, stepSize, 0, 0);
    }

    /** Adaptive Dormand–Prince 5(4) with relative and absolute tolerances. */
    public static Solver dormandPrince(double rtol, double atol) {
        if (!(rtol >= 0 && atol >= 0 && rtol + atol > 0)) {
            throw new IllegalArgumentException("tolerances must be non-negative and not both zero, got rtol="
                    + rtol + ", atol=" + atol);
        }
        return new Solver(Tableau.DORMAND_PRINCE, 0, rtol, atol);
    }

    /** The tableau of each step. */
    public Tableau tableau() {
        return tableau;
    }

    /** Whether the step size adapts to an error tolerance. */
    public boolean adaptive() {
        return stepSize == 0;
    }

    /** y(t1) from y(t0) = y0. */
    public double[] integrate(VectorField f, double t0, double t1, double[] y0) {
        return integrate(f, t0, t1, y0, (t, h, y) -> { }, new Counter());
    }

    /** y at each of {@code times} (strictly monotone, times[0] the initial time) from y(times[0]) = y0. */
    public Trajectory solve(VectorField f, double[] y0, double... times) {
        checkTimes(times);
        Counter counter = new Counter();
        double[][] states = new double[times.length][];
        states[0] = y0.clone();
        for (int i = 1; i < times.length; i++) {
            states[i] = integrate(f, times[i - 1], times[i], states[i - 1], (t, h, y) -> { }, counter);
        }
        return new Trajectory(times, states, counter.steps, counter.rejected, counter.evaluations);
    }

    /** Integrates from t0 to t1, reporting accepted steps and counting work in {@code counter}. */
    double[] integrate(VectorField f, double t0, double t1, double[] y0, StepListener listener, Counter counter) {
        if (t0 == t1) {
            return y0.clone();
        }
        return adaptive() ? adaptive(f, t0, t1, y0, listener, counter) : fixed(f, t0, t1, y0, listener, counter);
    }

    private double[] fixed(VectorField f, double t0, double t1, double[] y0, StepListener listener,
            Counter counter) {
        int n = (int) Math.max(1, Math.ceil(Math.abs(t1 - t0) / stepSize - 1e-9));
        double h = (t1 - t0) / n;
        double[][] k = new double[tableau.stages()][];
        double[] y = y0;
        for (int j = 0; j < n; j++) {
            double t = t0 + j * h;
            listener.accepted(t, h, y);
            y = RungeKutta.step(tableau, f, t, y, h, k);
            counter.steps++;
            counter.evaluations += tableau.stages();
        }
        return y;
    }

    private double[] adaptive(VectorField f, double t0, double t1, double[] y0, StepListener listener,
            Counter counter) {
        double direction = Math.signum(t1 - t0);
        double h = counter.nextStep != 0 && Math.signum(counter.nextStep) == direction ? counter.nextStep
                : initialStep(f, t0, y0, direction, counter);
        double[][] k = new double[tableau.stages()][];
        double t = t0;
        double[] y = y0;
        double exponent = -1.0 / tableau.order();
        int attempts = 0;
        while (direction * (t1 - t) > 0) {
            boolean last = Math.abs(h) >= Math.abs(t1 - t);
            if (last) {
                h = t1 - t;
            }
            if (Math.abs(h) < 1e-14 * Math.max(1, Math.abs(t))) {
                throw new IllegalStateException("step size underflow at t=" + t + " (h=" + h
                        + "): the problem is stiff or singular there; loosen the tolerances or use fixed steps");
            }
            if (++attempts > MAX_STEPS) {
                throw new IllegalStateException("more than " + MAX_STEPS + " steps between t=" + t0 + " and t=" + t1
                        + "; loosen the tolerances");
            }
            double[] next = RungeKutta.step(tableau, f, t, y, h, k);
            counter.evaluations += tableau.stages();
            double err = errorNorm(RungeKutta.error(tableau, k, h), y, next);
            if (err <= 1) {
                listener.accepted(t, h, y);
                t = last ? t1 : t + h;
                y = next;
                counter.steps++;
                h *= err == 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(err, exponent)));
            } else if (Double.isNaN(err)) {
                throw new IllegalStateException("the solution is not finite at t=" + t
                        + " (the dynamics returned NaN or infinity)");
            } else {
                counter.rejected++;
                h *= Math.max(0.2, 0.9 * Math.pow(err, exponent));
            }
        }
        counter.nextStep = h;
        return y;
    }

    private double errorNorm(double[] err, double[] y, double[] next) {
        double sum = 0;
        for (int i = 0; i < err.length; i++) {
            double scale = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(next[i]));
            double r = err[i] / scale;
            sum += r * r;
        }
        return Math.sqrt(sum / Math.max(1, err.length));
    }

    private double initialStep(VectorField f, double t0, double[] y0, double direction, Counter counter) {
        double[] f0 = f.apply(t0, y0);
        double d0 = 0;
        double d1 = 0;
        for (int i = 0; i < y0.length; i++) {
            double scale = atol + rtol * Math.abs(y0[i]);
            d0 += (y0[i] / scale) * (y0[i] / scale);
            d1 += (f0[i] / scale) * (f0[i] / scale);
        }
        d0 = Math.sqrt(d0 / y0.length);
        d1 = Math.sqrt(d1 / y0.length);
        double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        double[] y1 = y0.clone();
        for (int i = 0; i < y1.length; i++) {
            y1[i] += direction * h0 * f0[i];
        }
        double[] f1 = f.apply(t0 + direction * h0, y1);
        counter.evaluations += 2;
        double d2 = 0;
        for (int i = 0; i < y0.length; i++) {
            double scale = atol + rtol * Math.abs(y0[i]);
            d2 += ((f1[i] - f0[i]) / scale) * ((f1[i] - f0[i]) / scale);
        }
        d2 = Math.sqrt(d2 / y0.length) / h0;
        double m = Math.max(d1, d2);
        double h1 = m <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : Math.pow(0.01 / m, 1.0 / tableau.order());
        return direction * Math.min(100 * h0, h1);
    }

    static void checkTimes(double[] times) {
        if (times.length < 2) {
            throw new IllegalArgumentException("need at least two times (the initial time and one output), got "
                    + times.length);
        }
        double direction = Math.signum(times[1] - times[0]);
        for (int i = 1; i < times.length; i++) {
            if (!(Math.signum(times[i] - times[i - 1]) == direction) || direction == 0) {
                throw new IllegalArgumentException("times must be strictly monotone: times[" + (i - 1) + "]="
                        + times[i - 1] + ", times[" + i + "]=" + times[i]);
            }
        }
    }

    @Override
    public String toString() {
        return adaptive() ? tableau + " (rtol=" + rtol + ", atol=" + atol + ")" : tableau + " (h=" + stepSize + ")";
    }

    /** Work done by one solve; the adaptive controller's last step size carries over between intervals. */
    static final class Counter {
        long steps;
        long rejected;
        long evaluations;
        double nextStep;
    }
}
