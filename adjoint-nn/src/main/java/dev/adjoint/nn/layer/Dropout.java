package dev.adjoint.nn.layer;

import dev.adjoint.Tensor;
import dev.adjoint.nn.Layer;
import dev.adjoint.nn.Phase;

/**
 * Inverted dropout: in training each element is zeroed with probability {@code rate} and the others scaled by
 * 1/(1 − rate), with masks from the phase's seeded generator; the identity in evaluation.
 */
public record Dropout(double rate) implements Layer {

    /** Checks the rate. */
    public Dropout {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("Dropout: rate must be in [0, 1), got " + rate);
        }
    }

    @Override
    public Tensor apply(Tensor x, Phase phase) {
        if (!phase.training() || rate == 0) {
            return x;
        }
        Tensor keep = Tensor.rand(phase.rng(), x.shape().dims()).ge(rate).div(1 - rate);
        return x.mul(keep);
    }
}
