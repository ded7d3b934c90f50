/**
 * Scalar workloads ({@code seed}, {@code logistic}, {@code rosenbrock}): each written once against {@code Real}
 * and run in reverse and forward mode, next to hand-written plain and gradient code and to Hipparchus.
 */
package dev.adjoint.bench.scalar;
