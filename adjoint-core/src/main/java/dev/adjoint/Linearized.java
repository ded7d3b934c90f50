package dev.adjoint;

import java.util.function.UnaryOperator;

/** A function's value and its linearization v ↦ J v, evaluated without re-running the function. */
public record Linearized(Tensor value, UnaryOperator<Tensor> jvp) {
}
