package dev.adjoint.nn.layer;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.nn.Buffer;
import dev.adjoint.nn.Layer;
import dev.adjoint.nn.Phase;

/**
 * Batch normalisation over every axis but the last (features, or channels of {@code [N, H, W, C]} images). In
 * training it uses the batch's mean and (biased) variance and moves the running statistics towards them
 * (running ← (1 − momentum)·running + momentum·batch, the unbiased variance as PyTorch does); in evaluation it uses
 * the running statistics, which are {@link Buffer}s, not parameters.
 */
public record BatchNorm(Tensor gamma, Tensor beta, Buffer runningMean, Buffer runningVar, double momentum,
                        double eps) implements Layer {

    /** γ = 1, β = 0, running mean 0 and variance 1, momentum 0.1, eps 1e-5. */
    public static BatchNorm create(int channels) {
        return new BatchNorm(Tensor.ones(channels), Tensor.zeros(channels),
                Buffer.of(NdArray.zeros(Shape.of(channels))), Buffer.of(NdArray.full(Shape.of(channels), 1)),
                0.1, 1e-5);
    }

    @Override
    public Tensor apply(Tensor x, Phase phase) {
        int c = gamma.dim(0);
        if (x.rank() < 2 || x.dim(-1) != c) {
            throw new IllegalArgumentException("BatchNorm: input of shape " + x.shape() + " for " + c
                    + " channels (need [N, ..., " + c + "])");
        }
        int[] axes = new int[x.rank() - 1];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i;
        }
        Tensor mean;
        Tensor var;
        if (phase.training()) {
            mean = x.mean(axes, false);
            var = x.sub(mean).square().mean(axes, false);
            int n = x.size() / c;
            update(mean.array(), var.array(), n);
        } else {
            // The running statistics in the input's dtype, whatever dtype they were accumulated in.
            mean = Tensor.of(runningMean.get().astype(x.dtype()));
            var = Tensor.of(runningVar.get().astype(x.dtype()));
        }
        return x.sub(mean).div(var.add(eps).sqrt()).mul(gamma).add(beta);
    }

    private void update(NdArray mean, NdArray var, int n) {
        double unbias = n > 1 ? (double) n / (n - 1) : 1;
        runningMean.set(runningMean.get().scale(1 - momentum).add(mean.scale(momentum)));
        runningVar.set(runningVar.get().scale(1 - momentum).add(var.scale(momentum * unbias)));
    }
}
