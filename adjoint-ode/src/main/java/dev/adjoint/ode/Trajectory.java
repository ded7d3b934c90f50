package dev.adjoint.ode;

/** A solution at the requested times, with the work the solver did. */
public final class Trajectory {

    private final double[] times;
    private final double[][] states;
    private final long steps;
    private final long rejected;
    private final long evaluations;

    Trajectory(double[] times, double[][] states, long steps, long rejected, long evaluations) {
        this.times = times.clone();
        this.states = states;
        this.steps = steps;
        this.rejected = rejected;
        this.evaluations = evaluations;
    }

    /** The requested times (a copy). */
    public double[] times() {
        return times.clone();
    }

    /** The number of requested times. */
    public int size() {
        return times.length;
    }

    /** y(times[i]) (a copy). */
    public double[] state(int i) {
        return states[i].clone();
    }

    /** The state at the last time (a copy). */
    public double[] last() {
        return state(states.length - 1);
    }

    /** Accepted steps. */
    public long steps() {
        return steps;
    }

    /** Rejected steps (adaptive solvers only). */
    public long rejected() {
        return rejected;
    }

    /** Evaluations of the vector field. */
    public long evaluations() {
        return evaluations;
    }
}
