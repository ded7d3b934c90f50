package dev.adjoint.nn.optim;

import dev.adjoint.Tensor;
import java.util.function.Function;

/**
 * An objective split as L(f(θ)): the model's outputs f(θ) and a loss of the outputs. Any optimiser can use it as a
 * plain function; {@link HessianFree} uses the split for Gauss–Newton products Jᵀ ∇²L J v, which stay positive
 * semi-definite for a convex L.
 */
public record Objective<T>(Function<T, Tensor> outputs, Function<Tensor, Tensor> loss)
        implements Function<T, Tensor> {

    @Override
    public Tensor apply(T params) {
        return loss.apply(outputs.apply(params));
    }
}
