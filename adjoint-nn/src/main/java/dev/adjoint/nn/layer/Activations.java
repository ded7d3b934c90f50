package dev.adjoint.nn.layer;

import dev.adjoint.Tensor;

/** Activation functions, composed from tensor operations. */
public final class Activations {

    private static final double SQRT1_2 = Math.sqrt(0.5);

    private Activations() {
    }

    /** max(x, 0). */
    public static Tensor relu(Tensor x) {
        return x.relu();
    }

    /** x for x &gt; 0, else slope·x. */
    public static Tensor leakyRelu(Tensor x, double slope) {
        return Tensor.where(x.gt(0), x, x.mul(slope));
    }

    /** The exact GELU, x·Φ(x) = x·(1 + erf(x/√2))/2. */
    public static Tensor gelu(Tensor x) {
        return x.mul(x.mul(SQRT1_2).erf().add(1)).mul(0.5);
    }

    /** tanh. */
    public static Tensor tanh(Tensor x) {
        return x.tanh();
    }

    /** 1 / (1 + e^−x). */
    public static Tensor sigmoid(Tensor x) {
        return x.sigmoid();
    }

    /** softmax over the last axis (stable). */
    public static Tensor softmax(Tensor x) {
        return x.softmax(-1);
    }

    /** log softmax over the last axis (stable). */
    public static Tensor logSoftmax(Tensor x) {
        return x.logSoftmax(-1);
    }
}
