package dev.adjoint;

/** A function's value and its gradient, the gradient in the same structure as the argument. */
public record ValueAndGrad<T>(Tensor value, T grad) {
}
