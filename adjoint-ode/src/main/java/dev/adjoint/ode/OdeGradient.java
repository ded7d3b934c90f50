package dev.adjoint.ode;

/**
 * The result of differentiating an ODE solve: the solution at the observation times, the gradients of the loss
 * with respect to z₀ and θ, and what the backward pass cost.
 */
public final class OdeGradient {

    private final double[][] states;
    private final double[] z0;
    private final double[] theta;
    private final long forwardSteps;
    private final long backwardSteps;
    private final long peakBytes;

    OdeGradient(double[][] states, double[] z0, double[] theta, long forwardSteps, long backwardSteps,
            long peakBytes) {
        this.states = states;
        this.z0 = z0;
        this.theta = theta;
        this.forwardSteps = forwardSteps;
        this.backwardSteps = backwardSteps;
        this.peakBytes = peakBytes;
    }

    /** z(tᵢ) from the forward solve (a copy). */
    public double[] state(int i) {
        return states[i].clone();
    }

    /** The number of observation times. */
    public int size() {
        return states.length;
    }

    /** ∂L/∂z₀ (a copy). */
    public double[] z0() {
        return z0.clone();
    }

    /** ∂L/∂θ (a copy). */
    public double[] theta() {
        return theta.clone();
    }

    /** Accepted steps of the forward solve. */
    public long forwardSteps() {
        return forwardSteps;
    }

    /** Steps of the backward pass (reversed solver steps, or accepted steps of the adjoint solve). */
    public long backwardSteps() {
        return backwardSteps;
    }

    /**
     * The most bytes held for the backward pass beyond the solution itself: kept states and step grid when
     * differentiating through the solver, the augmented state and stage buffers for the adjoint method.
     */
    public long peakBytes() {
        return peakBytes;
    }
}
