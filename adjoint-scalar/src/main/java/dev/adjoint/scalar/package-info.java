/**
 * Scalar automatic differentiation: {@link dev.adjoint.scalar.Real} and its implementations in forward mode
 * ({@link dev.adjoint.scalar.Dual}, {@link dev.adjoint.scalar.DualVector}, {@link dev.adjoint.scalar.Jet}) and
 * reverse mode ({@link dev.adjoint.scalar.Tape}, {@link dev.adjoint.scalar.Var}), the shared table of elementary
 * functions ({@link dev.adjoint.scalar.Elementary}, {@link dev.adjoint.scalar.Binary}), and
 * {@link dev.adjoint.scalar.Derivatives}.
 */
package dev.adjoint.scalar;
