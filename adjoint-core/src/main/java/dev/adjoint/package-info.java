/**
 * Tensors and the composable transforms: {@link dev.adjoint.Tensor} (the fluent API), {@link dev.adjoint.Ad} (grad,
 * valueAndGrad, vjp, jvp, linearize, jacfwd, jacrev, jacobian, hessian, hvp, vmap, checkpoint, customVjp, customJvp,
 * stopGradient, noGrad, detectAnomaly), {@link dev.adjoint.Tree} (records, lists and maps of tensors),
 * {@link dev.adjoint.GradientTape} and {@link dev.adjoint.GradCheck}. Built on the primitives in
 * {@code dev.adjoint.primitive} and the interpreters in {@code dev.adjoint.interpret}.
 */
package dev.adjoint;
