package dev.adjoint.ode;

import dev.adjoint.checkpoint.Schedule;
import dev.adjoint.scalar.Real;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ODE part of the memory benchmark: the gradient of a loss on a Lotka–Volterra solution by RK4 with a growing
 * number of steps, by backprop through the solver (every state kept), backprop with binomial checkpointing
 * (⌈log₂N⌉ snapshots) and the adjoint method; peak bytes held for the backward pass and time for each.
 */
public final class OdeMemory {

    /** The ways to get the gradient. */
    public enum Method {
        /** Reverse mode through the solver's steps, every state kept. */
        BACKPROP,
        /** Reverse mode through the solver's steps under the binomial schedule. */
        BINOMIAL,
        /** The adjoint sensitivity method. */
        ADJOINT;

        /** The lower-case name used in the benchmark's JSON. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One case.
     *
     * @param steps     RK4 steps of the forward solve
     * @param method    how the gradient was computed
     * @param peakBytes bytes held for the backward pass at most (see {@link OdeGradient#peakBytes()})
     * @param tGradS    wall time in seconds (best of the repeats)
     */
    public record Measurement(int steps, Method method, long peakBytes, double tGradS) {

        /** The JSON line {@code {"workload": "memory_ode", "steps": …, "method": …, "peak_bytes": …, …}}. */
        public String toJson() {
            return String.format(Locale.ROOT, "{\"workload\": \"memory_ode\", \"steps\": %d, \"method\": \"%s\", "
                    + "\"peak_bytes\": %d, \"t_grad_s\": %.6g}", steps, method.label(), peakBytes, tGradS);
        }
    }

    private static final Dynamics LOTKA_VOLTERRA = Dynamics.of((t, z, p) -> new Real[] {
        p[0].mul(z[0]).sub(p[1].mul(z[0]).mul(z[1])),
        p[2].mul(z[0]).mul(z[1]).sub(p[3].mul(z[1]))
    });
    private static final double[] THETA = {1.1, 0.4, 0.3, 0.9};
    private static final double[] Z0 = {1.5, 0.8};
    private static final double[] TIMES = {0, 10};

    private OdeMemory() {
    }

    /** The gradient of ½‖z(10)‖² with {@code steps} RK4 steps. */
    public static OdeGradient gradient(int steps, Method method) {
        Solver rk4 = Solver.rk4(TIMES[1] / steps);
        LossGradient loss = (i, z) -> i == 0 ? new double[2] : z.clone();
        switch (method) {
            case BACKPROP:
                return Odeint.backprop(rk4, LOTKA_VOLTERRA, Z0, THETA, TIMES, loss);
            case BINOMIAL:
                return Odeint.backprop(rk4, LOTKA_VOLTERRA, Z0, THETA, TIMES, loss,
                        n -> Schedule.binomial(n, Math.max(1, (int) Math.ceil(Math.log(n) / Math.log(2)))));
            default:
                return Odeint.adjoint(rk4, LOTKA_VOLTERRA, Z0, THETA, TIMES, loss);
        }
    }

    /** Measures one case: {@code repeats} timed runs after one warm-up, the fastest reported. */
    public static Measurement measure(int steps, Method method, int repeats) {
        OdeGradient g = gradient(steps, method);
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < Math.max(1, repeats); k++) {
            long t0 = System.nanoTime();
            g = gradient(steps, method);
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9);
        }
        return new Measurement(steps, method, g.peakBytes(), best);
    }

    /** Every method for each number of steps (3 repeats). */
    public static List<Measurement> sweep(int... steps) {
        List<Measurement> out = new ArrayList<>();
        for (int n : steps) {
            for (Method m : Method.values()) {
                out.add(measure(n, m, 3));
            }
        }
        return out;
    }

    /** Prints the JSON lines for 10 … 10⁴ steps (or the step counts given as arguments). */
    public static void main(String[] args) {
        int[] steps = args.length == 0 ? new int[] {10, 100, 1000, 10000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (Measurement m : sweep(steps)) {
            System.out.println(m.toJson());
        }
    }
}
