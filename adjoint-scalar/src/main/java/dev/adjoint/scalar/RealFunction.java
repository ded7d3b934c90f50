package dev.adjoint.scalar;

/** A scalar function ℝⁿ → ℝ written once against {@link Real}, to be run in any mode. */
@FunctionalInterface
public interface RealFunction {

    /** f(x). */
    Real apply(Real[] x);
}
