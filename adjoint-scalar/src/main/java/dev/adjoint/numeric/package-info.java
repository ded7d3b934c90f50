/**
 * Numerical differentiation, the baseline AD is measured against: finite differences
 * ({@link dev.adjoint.numeric.FiniteDifferences}), derivative checks for any code
 * ({@link dev.adjoint.numeric.GradCheck}), and the two studies that show why AD is preferred
 * ({@link dev.adjoint.numeric.StepSizeStudy}: truncation versus round-off; {@link dev.adjoint.numeric.CostStudy}:
 * cost growing with the number of inputs).
 */
package dev.adjoint.numeric;
