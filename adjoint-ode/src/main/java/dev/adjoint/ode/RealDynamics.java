package dev.adjoint.ode;

import dev.adjoint.scalar.Real;

/** Dynamics dz/dt = f(t, z, θ) written against {@link Real}, so that any AD mode can run them. */
@FunctionalInterface
public interface RealDynamics {

    /** f(t, z, θ). */
    Real[] apply(double t, Real[] z, Real[] theta);
}
