package dev.adjoint;

import java.util.function.UnaryOperator;

/** A function's value and its pullback ȳ ↦ ȳ J, reusable for many cotangents (the result of {@link Ad#vjp}). */
public record ValueAndPullback(Tensor value, UnaryOperator<Tensor> pullback) {
}
