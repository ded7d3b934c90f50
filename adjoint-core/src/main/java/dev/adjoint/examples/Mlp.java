package dev.adjoint.examples;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-layer perceptron with tanh hidden layers and a softmax cross-entropy loss, as an immutable record whose
 * gradient ({@code Ad.valueAndGrad((Mlp m) -> m.loss(x, labels))}) comes back as an {@code Mlp}. The benchmark
 * workload {@code mlp} is 784-256-256-10 with batch 128.
 */
public record Mlp(List<Dense> layers) {

    /** One affine layer y = x W + b. */
    public record Dense(Tensor weight, Tensor bias) {
    }

    /** A labelled batch: inputs [batch, features] and integer class labels [batch]. */
    public record Data(Tensor inputs, Tensor labels) {
    }

    /** Random weights (scaled normal, Glorot-like) for layer sizes such as 784, 256, 256, 10. */
    public static Mlp init(Rng rng, int... sizes) {
        List<Dense> ls = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            double scale = Math.sqrt(1.0 / sizes[i]);
            ls.add(new Dense(Tensor.randn(rng, sizes[i], sizes[i + 1]).mul(scale), Tensor.zeros(sizes[i + 1])));
        }
        return new Mlp(List.copyOf(ls));
    }

    /** A random batch: normal inputs and uniformly drawn labels. */
    public static Data data(Rng rng, int batch, int features, int classes) {
        double[] labels = new double[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = Math.floor(rng.uniform() * classes);
        }
        return new Data(Tensor.randn(rng, batch, features), Tensor.of(labels));
    }

    /** The logits for a batch of inputs. */
    public Tensor logits(Tensor x) {
        Tensor h = x;
        for (int i = 0; i < layers.size(); i++) {
            Dense d = layers.get(i);
            h = h.matmul(d.weight()).add(d.bias());
            if (i + 1 < layers.size()) {
                h = h.tanh();
            }
        }
        return h;
    }

    /** The mean softmax cross-entropy of the batch. */
    public Tensor loss(Tensor x, Tensor labels) {
        Tensor logp = logits(x).logSoftmax(1);
        return logp.gather(1, labels.unsqueeze(1)).mean().neg();
    }

    /** The mean softmax cross-entropy of a batch. */
    public Tensor loss(Data d) {
        return loss(d.inputs(), d.labels());
    }
}
