package dev.adjoint.nn.layer;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.nn.Layer;
import dev.adjoint.nn.Phase;

/** Rows of a table looked up by integer index: an index tensor of shape s gives s + {@code [dim]}. */
public record Embedding(Tensor table) implements Layer {

    /** A {@code [vocabulary, dim]} table drawn from N(0, 1). */
    public static Embedding create(int vocabulary, int dim, Rng rng) {
        return new Embedding(Tensor.randn(rng, vocabulary, dim));
    }

    @Override
    public Tensor apply(Tensor indices, Phase phase) {
        int v = table.dim(0);
        for (double d : indices.stopGradient().toArray()) {
            if (d != Math.rint(d) || d < 0 || d >= v) {
                throw new IllegalArgumentException("Embedding: index " + d + " is not an integer in [0, " + v + ")");
            }
        }
        return table.take(0, indices);
    }
}
