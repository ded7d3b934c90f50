package dev.adjoint.nn.layer;

import dev.adjoint.Tensor;
import dev.adjoint.nn.Layer;
import dev.adjoint.nn.Phase;

/** x for x &gt; 0, else slope·x. */
public record LeakyRelu(double slope) implements Layer {

    /** The usual slope 0.01. */
    public static LeakyRelu standard() {
        return new LeakyRelu(0.01);
    }

    @Override
    public Tensor apply(Tensor x, Phase phase) {
        return Activations.leakyRelu(x, slope);
    }
}
