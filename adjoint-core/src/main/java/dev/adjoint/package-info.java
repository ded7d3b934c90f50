/**
 * Tensors and the composable transforms: {@code Tensor}, {@code Ad} (grad, jvp, vjp, vmap, ...).
 * Built on the primitives in {@code dev.adjoint.primitive} and the interpreters in {@code dev.adjoint.interpret}.
 */
package dev.adjoint;
