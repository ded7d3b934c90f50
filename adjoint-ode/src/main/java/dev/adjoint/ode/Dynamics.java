package dev.adjoint.ode;

/**
 * Parametrised dynamics dz/dt = f(t, z, θ) together with their vector-Jacobian products, which is all that
 * differentiation through a solver and the adjoint method need. {@link #of(RealDynamics)} builds one from code
 * written against {@code Real}, with the VJPs from scalar reverse mode; a tensor implementation can fill the same
 * two methods.
 */
public interface Dynamics {

    /** f(t, z, θ). */
    double[] apply(double t, double[] z, double[] theta);

    /**
     * Returns f(t, z, θ), and adds aᵀ·∂f/∂z to {@code zBar} and aᵀ·∂f/∂θ to {@code thetaBar}.
     */
    double[] vjp(double t, double[] z, double[] theta, double[] a, double[] zBar, double[] thetaBar);

    /** Dynamics written once against {@code Real}; values and VJPs come from a reverse-mode tape per thread. */
    static Dynamics of(RealDynamics f) {
        return new ScalarDynamics(f);
    }

    /** Dynamics written with tensors; VJPs from the tensor reverse mode ({@code dev.adjoint.interpret.Vjp}). */
    static Dynamics ofTensors(TensorField f) {
        return new TensorDynamics(f);
    }

    /** The vector field t, z ↦ f(t, z, θ) for fixed parameters. */
    default VectorField at(double[] theta) {
        return (t, z) -> apply(t, z, theta);
    }
}
