package dev.adjoint.ode;

import dev.adjoint.Tensor;

/**
 * Dynamics dz/dt = f(t, z, θ) written with tensors: z and θ arrive as flat vectors (reshape or slice them), the
 * result may have any shape with as many entries as z.
 */
@FunctionalInterface
public interface TensorField {

    /** f(t, z, θ). */
    Tensor apply(double t, Tensor z, Tensor theta);
}
