package dev.adjoint.checkpoint;

import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * One step xᵢ₊₁ = Fᵢ(xᵢ) of a loop, with its vector-Jacobian product. The state type is free: {@code double[]},
 * a tensor, or a record holding both the state and the parameters (whose cotangent then accumulates through the
 * loop like any other part of the state).
 *
 * @param <S> the loop's state (and cotangent) type
 */
public interface Step<S> {

    /** xᵢ₊₁ = Fᵢ(xᵢ); must not modify {@code state}, which may be a snapshot. */
    S forward(int i, S state);

    /** x̄ᵢ = (∂Fᵢ/∂xᵢ)ᵀ·x̄ᵢ₊₁ at the step's input {@code state}; must not modify its arguments. */
    S backward(int i, S state, S cotangent);

    /** A step that is the same map at every index, from its forward map and its VJP (x, x̄ᵢ₊₁) ↦ x̄ᵢ. */
    static <S> Step<S> of(UnaryOperator<S> forward, BinaryOperator<S> backward) {
        return new Step<>() {
            @Override
            public S forward(int i, S state) {
                return forward.apply(state);
            }

            @Override
            public S backward(int i, S state, S cotangent) {
                return backward.apply(state, cotangent);
            }
        };
    }
}
