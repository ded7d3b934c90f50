package dev.adjoint.nn.layer;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.nn.Init;
import dev.adjoint.nn.Layer;
import dev.adjoint.nn.Phase;

/** y = x W + b, with W of shape {@code [in, out]} and b of shape {@code [out]}; x is {@code [..., in]}. */
public record Linear(Tensor weight, Tensor bias) implements Layer {

    /** Checks that the shapes fit together. */
    public Linear {
        if (weight.rank() != 2 || bias.rank() != 1 || bias.dim(0) != weight.dim(1)) {
            throw new IllegalArgumentException("Linear: weight " + weight.shape() + " and bias " + bias.shape()
                    + " do not fit (need [in, out] and [out])");
        }
    }

    /** A layer with weights drawn by {@code init} and zero biases. */
    public static Linear create(int in, int out, Init init, Rng rng) {
        return new Linear(init.sample(rng, in, out, in, out), Tensor.zeros(out));
    }

    @Override
    public Tensor apply(Tensor x, Phase phase) {
        if (x.rank() == 0 || x.dim(-1) != weight.dim(0)) {
            throw new IllegalArgumentException("Linear: input of shape " + x.shape() + " for a layer of "
                    + weight.dim(0) + " inputs (weight " + weight.shape() + ")");
        }
        return x.matmul(weight).add(bias);
    }
}
