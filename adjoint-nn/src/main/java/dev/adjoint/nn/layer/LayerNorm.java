package dev.adjoint.nn.layer;

import dev.adjoint.Tensor;
import dev.adjoint.nn.Layer;
import dev.adjoint.nn.Phase;

/** Normalises each example over its last axis: (x − mean)/√(var + eps)·γ + β, with γ, β of shape {@code [d]}. */
public record LayerNorm(Tensor gamma, Tensor beta, double eps) implements Layer {

    /** γ = 1, β = 0 for features of size d, eps = 1e-5. */
    public static LayerNorm create(int d) {
        return new LayerNorm(Tensor.ones(d), Tensor.zeros(d), 1e-5);
    }

    @Override
    public Tensor apply(Tensor x, Phase phase) {
        if (x.dim(-1) != gamma.dim(0)) {
            throw new IllegalArgumentException("LayerNorm: input of shape " + x.shape() + " for " + gamma.dim(0)
                    + " features");
        }
        int[] last = {-1};
        Tensor c = x.sub(x.mean(last, true));
        Tensor v = c.square().mean(last, true);
        return c.div(v.add(eps).sqrt()).mul(gamma).add(beta);
    }
}
