package dev.adjoint.ode;

import dev.adjoint.checkpoint.Loop;
import dev.adjoint.checkpoint.Schedule;
import dev.adjoint.checkpoint.Step;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Solving dz/dt = f(t, z, θ) and differentiating a loss on the solution, in two ways.
 *
 * <p>{@link #backprop}: discretise-then-optimise. The forward solve records its step grid (t_k, h_k); the solver's
 * steps then form a {@link Loop} that is reversed step by step (each step's VJP from the dynamics' VJPs at its
 * stages), keeping the states a {@link Schedule} asks for: all of them, or O(s) under binomial checkpointing. The
 * step sizes are held fixed, as if the grid had been chosen in advance: the controller is not differentiated.
 *
 * <p>{@link #adjoint}: optimise-then-discretise (Chen et al. 2018). The gradient comes from solving the augmented
 * system d/dt [z, a, θ̄] = [f, −aᵀ∂f/∂z, −aᵀ∂f/∂θ] backwards from t_K, adding ∂L/∂z(tᵢ) to a at each observation
 * and resetting z to the forward solution there. Memory is a few augmented states, whatever the number of steps;
 * the gradient matches backprop to the solver's tolerance.
 */
public final class Odeint {

    private Odeint() {
    }

    /** z at each of {@code times}, from z(times[0]) = z0. */
    public static Trajectory solve(Solver solver, Dynamics f, double[] z0, double[] theta, double... times) {
        return solver.solve(f.at(theta), z0, times);
    }

    /** The loss gradient by reverse mode through the solver's steps, keeping every state. */
    public static OdeGradient backprop(Solver solver, Dynamics f, double[] z0, double[] theta, double[] times,
            LossGradient loss) {
        return backprop(solver, f, z0, theta, times, loss, Schedule::storeAll);
    }

    /**
     * The loss gradient by reverse mode through the solver's steps, keeping the states that {@code schedule}
     * (given the number of steps, e.g. {@code n -> Schedule.binomial(n, 8)}) asks for.
     */
    public static OdeGradient backprop(Solver solver, Dynamics f, double[] z0, double[] theta, double[] times,
            LossGradient loss, IntFunction<Schedule> schedule) {
        Solver.checkTimes(times);
        Grid grid = new Grid(times.length, !solver.adaptive());
        Solver.Counter counter = new Solver.Counter();
        VectorField field = f.at(theta);
        double[][] states = new double[times.length][];
        states[0] = z0.clone();
        for (int i = 1; i < times.length; i++) {
            grid.observe(i - 1);
            states[i] = solver.integrate(field, times[i - 1], times[i], states[i - 1], grid::add, counter);
        }
        grid.observe(times.length - 1);
        int n = grid.size;
        double[] thetaBar = new double[theta.length];
        Tableau tb = solver.tableau();
        Step<double[]> step = new Step<>() {
            @Override
            public double[] forward(int k, double[] z) {
                return RungeKutta.step(tb, field, grid.t(k), z, grid.h(k), new double[tb.stages()][]);
            }

            @Override
            public double[] backward(int k, double[] z, double[] zNextBar) {
                double[] zBar = RungeKutta.reverse(tb, f, theta, grid.t(k), z, grid.h(k), zNextBar, thetaBar);
                int i = grid.observationAt(k);
                return i < 0 ? zBar : add(zBar, lossAt(loss, i, z));
            }
        };
        int last = times.length - 1;
        Loop.Result<double[]> r = Loop.of(n, step).gradient(z0, z -> lossAt(loss, last, z).clone(),
                schedule.apply(n), z -> 8L * z.length + 16);
        long gridBytes = grid.bytes();
        return new OdeGradient(states, r.cotangent(), thetaBar, counter.steps, n, r.cost().peakBytes() + gridBytes);
    }

    /** The loss gradient by the adjoint sensitivity method, the adjoint solved with the same solver. */
    public static OdeGradient adjoint(Solver solver, Dynamics f, double[] z0, double[] theta, double[] times,
            LossGradient loss) {
        Solver.checkTimes(times);
        Solver.Counter forward = new Solver.Counter();
        VectorField field = f.at(theta);
        int k = times.length - 1;
        double[][] states = new double[times.length][];
        states[0] = z0.clone();
        for (int i = 1; i <= k; i++) {
            states[i] = solver.integrate(field, times[i - 1], times[i], states[i - 1], (t, h, y) -> { }, forward);
        }
        int n = z0.length;
        int p = theta.length;
        VectorField augmented = (t, y) -> {
            double[] z = Arrays.copyOfRange(y, 0, n);
            double[] a = Arrays.copyOfRange(y, n, 2 * n);
            double[] zBar = new double[n];
            double[] thetaBar = new double[p];
            double[] dz = f.vjp(t, z, theta, a, zBar, thetaBar);
            double[] out = new double[2 * n + p];
            System.arraycopy(dz, 0, out, 0, n);
            for (int r = 0; r < n; r++) {
                out[n + r] = -zBar[r];
            }
            for (int r = 0; r < p; r++) {
                out[2 * n + r] = -thetaBar[r];
            }
            return out;
        };
        double[] y = new double[2 * n + p];
        Solver.Counter backward = new Solver.Counter();
        for (int i = k; i >= 0; i--) {
            System.arraycopy(states[i], 0, y, 0, n);
            double[] g = lossAt(loss, i, states[i]);
            for (int r = 0; r < n; r++) {
                y[n + r] += g[r];
            }
            if (i > 0) {
                y = solver.integrate(augmented, times[i], times[i - 1], y, (t, h, yy) -> { }, backward);
            }
        }
        long workspace = 8L * (2 * n + p) * (solver.tableau().stages() + 3);
        return new OdeGradient(states, Arrays.copyOfRange(y, n, 2 * n), Arrays.copyOfRange(y, 2 * n, 2 * n + p),
                forward.steps, backward.steps, workspace);
    }

    private static double[] lossAt(LossGradient loss, int i, double[] z) {
        double[] g = loss.at(i, z);
        if (g == null || g.length != z.length) {
            throw new IllegalArgumentException("the loss gradient at observation " + i + " has "
                    + (g == null ? "no" : String.valueOf(g.length)) + " entries for a state of " + z.length);
        }
        return g;
    }

    private static double[] add(double[] a, double[] b) {
        for (int r = 0; r < a.length; r++) {
            a[r] += b[r];
        }
        return a;
    }

    /**
     * The accepted steps (t_k, h_k) of a forward solve and which step boundary each observation falls on. Adaptive
     * steps are stored (16 bytes each); fixed steps are recomputed from each interval's start and step size, as
     * the solver computed them.
     */
    private static final class Grid {
        private final boolean fixed;
        private double[] t = new double[16];
        private double[] h = new double[16];
        private final int[] observed;
        private final double[] intervalStart;
        private final double[] intervalStep;
        private int size;
        private int current;

        Grid(int observations, boolean fixed) {
            this.fixed = fixed;
            observed = new int[observations];
            intervalStart = new double[observations];
            intervalStep = new double[observations];
        }

        void add(double time, double step, double[] y) {
            if (fixed) {
                if (observed[current] == size) {
                    intervalStart[current] = time;
                    intervalStep[current] = step;
                }
                size++;
                return;
            }
            if (size == t.length) {
                t = Arrays.copyOf(t, 2 * size);
                h = Arrays.copyOf(h, 2 * size);
            }
            t[size] = time;
            h[size] = step;
            size++;
        }

        void observe(int i) {
            observed[i] = size;
            current = i;
        }

        double t(int k) {
            if (!fixed) {
                return t[k];
            }
            int i = interval(k);
            return intervalStart[i] + (k - observed[i]) * intervalStep[i];
        }

        double h(int k) {
            return fixed ? intervalStep[interval(k)] : h[k];
        }

        long bytes() {
            return fixed ? 24L * observed.length : 16L * size;
        }

        /** The observation interval that step k belongs to. */
        private int interval(int k) {
            int i = Arrays.binarySearch(observed, 0, observed.length - 1, k);
            return i >= 0 ? i : -i - 2;
        }

        /** The observation whose state is the input of step k, or −1. */
        int observationAt(int k) {
            int i = Arrays.binarySearch(observed, 0, observed.length - 1, k);
            return i < 0 ? -1 : i;
        }
    }
}
