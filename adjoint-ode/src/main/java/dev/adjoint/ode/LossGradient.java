package dev.adjoint.ode;

/** The gradient of a loss L(z(t₀), …, z(t_K)) with respect to the state at each observation time. */
@FunctionalInterface
public interface LossGradient {

    /** ∂L/∂z(tᵢ) at the solution z = z(tᵢ); an array of zeros if L does not depend on it. */
    double[] at(int i, double[] z);
}
