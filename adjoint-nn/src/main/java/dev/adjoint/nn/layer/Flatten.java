package dev.adjoint.nn.layer;

import dev.adjoint.Tensor;
import dev.adjoint.nn.Layer;
import dev.adjoint.nn.Phase;

/** {@code [N, d1, d2, ...]} to {@code [N, d1·d2·...]}. */
public record Flatten() implements Layer {

    @Override
    public Tensor apply(Tensor x, Phase phase) {
        if (x.rank() < 1) {
            throw new IllegalArgumentException("Flatten: input of shape " + x.shape() + " has no batch axis");
        }
        return x.reshape(x.dim(0), -1);
    }
}
