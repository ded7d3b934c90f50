package dev.adjoint.nn;

import dev.adjoint.Rng;
import dev.adjoint.nn.layer.Activation;
import dev.adjoint.nn.layer.Conv2d;
import dev.adjoint.nn.layer.Flatten;
import dev.adjoint.nn.layer.Linear;
import dev.adjoint.nn.layer.MaxPool2d;
import dev.adjoint.nn.layer.Sequential;
import java.util.ArrayList;
import java.util.List;

/** Ready-made models. */
public final class Models {

    private Models() {
    }

    /**
     * A multilayer perceptron with the given layer sizes (inputs, hidden..., outputs), {@code activation} between
     * layers and none after the last; He initialisation for ReLU-like activations, Xavier otherwise.
     */
    public static Sequential mlp(Rng rng, Activation activation, int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("mlp: need at least input and output sizes, got " + sizes.length);
        }
        Init init = activation == Activation.RELU || activation == Activation.GELU ? Init.HE_NORMAL
                : Init.XAVIER_NORMAL;
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            if (i > 0) {
                layers.add(activation);
            }
            layers.add(Linear.create(sizes[i], sizes[i + 1], i + 2 == sizes.length ? Init.XAVIER_NORMAL : init, rng));
        }
        return new Sequential(layers);
    }

    /**
     * A small convolutional network for {@code [N, size, size, channels]} images: two 3 × 3 convolutions (c1 and c2
     * filters, ReLU) each followed by 2 × 2 max pooling, then a hidden layer and the class scores.
     */
    public static Sequential cnn(Rng rng, int size, int channels, int c1, int c2, int hidden, int classes) {
        int flat = (size / 4) * (size / 4) * c2;
        return Sequential.of(
                Conv2d.create(channels, c1, 3, 1, 1, Init.HE_NORMAL, rng), Activation.RELU, MaxPool2d.of(2),
                Conv2d.create(c1, c2, 3, 1, 1, Init.HE_NORMAL, rng), Activation.RELU, MaxPool2d.of(2),
                new Flatten(),
                Linear.create(flat, hidden, Init.HE_NORMAL, rng), Activation.RELU,
                Linear.create(hidden, classes, Init.XAVIER_NORMAL, rng));
    }
}
