package dev.adjoint;

/** A function's value and its directional derivative (the result of {@link Ad#jvp}). */
public record ValueAndTangent(Tensor value, Tensor tangent) {
}
