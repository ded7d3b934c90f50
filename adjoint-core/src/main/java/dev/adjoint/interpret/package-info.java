/**
 * Transforms as interpreters on a thread-local stack of scopes: {@link dev.adjoint.interpret.Evaluate} (kernels),
 * {@link dev.adjoint.interpret.Jvp} (forward), {@link dev.adjoint.interpret.Vjp} (reverse, a tape) and
 * {@link dev.adjoint.interpret.Batch} (vmap).
 */
package dev.adjoint.interpret;
