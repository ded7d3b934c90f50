/**
 * Numerical differentiation, the baseline AD is measured against: finite differences
 * ({@link dev.adjoint.numeric.FiniteDifferences}: forward, backward, central, five-point, Richardson; gradients,
 * Jacobians, JVPs and Hessian-vector products; default step ε^(1/(p+1)) from the round-off trade-off), derivative
 * checks for any code ({@link dev.adjoint.numeric.GradCheck}), and the two studies that show why AD is preferred
 * ({@link dev.adjoint.numeric.StepSizeStudy}: truncation against round-off; {@link dev.adjoint.numeric.CostStudy}:
 * the cost of a gradient growing with the number of inputs).
 *
 * <pre>{@code
 * // Check AD (or your own gradient code) against finite differences.
 * GradCheck.gradient(f, 2.0, 5.0).orThrow();                        // reverse mode vs Richardson differences
 * GradCheck.gradient(values, myGradient, x, Tolerance.DEFAULT);     // any double[] -> double[] gradient
 * GradCheck.vjp(F, myVjp, x, 10, seed, Tolerance.DEFAULT);          // <v, J u> = <J^T v, u> on random u, v
 * }</pre>
 */
package dev.adjoint.numeric;
