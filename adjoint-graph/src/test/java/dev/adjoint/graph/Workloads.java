package dev.adjoint.graph;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import java.util.function.Function;

/**
 * Small MLP and GMM losses as functions of one parameter tensor (data fixed, seeded); Rosenbrock is core's
 * {@code dev.adjoint.examples.Rosenbrock}.
 */
public final class Workloads {

    private Workloads() {
    }

    /** Mean squared error of a two-layer tanh network; the argument is the first layer's weights [4, 8]. */
    public static Function<Tensor, Tensor> mlpLoss() {
        Rng rng = Rng.seed(7);
        Tensor data = Tensor.randn(rng, 16, 4);
        Tensor w2 = Tensor.randn(rng, 8, 1);
        Tensor target = Tensor.randn(rng, 16, 1);
        return w1 -> data.matmul(w1).tanh().matmul(w2).sub(target).square().mean();
    }

    /** Negative log-likelihood of 32 points under an equal-weight isotropic mixture; the argument is the means [3, 2]. */
    public static Function<Tensor, Tensor> gmmLoss() {
        Rng rng = Rng.seed(11);
        Tensor points = Tensor.randn(rng, 32, 2);
        return mu -> {
            Tensor d = points.unsqueeze(1).sub(mu.unsqueeze(0));           // [32, 3, 2]
            Tensor logp = d.square().sum(new int[] {2}, false).mul(-0.5).add(Math.log(1.0 / 3)); // [32, 3]
            return logp.logsumexp(new int[] {1}, false).sum().neg();
        };
    }
}
