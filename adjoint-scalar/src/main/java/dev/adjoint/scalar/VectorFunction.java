package dev.adjoint.scalar;

/** A vector function ℝⁿ → ℝᵐ written once against {@link Real}, to be run in any mode. */
@FunctionalInterface
public interface VectorFunction {

    /** f(x). */
    Real[] apply(Real[] x);
}
