package dev.adjoint.nn.layer;

import dev.adjoint.Tensor;
import dev.adjoint.nn.Layer;
import dev.adjoint.nn.Phase;
import java.util.function.UnaryOperator;

/** The parameter-free activations as layers (see {@link LeakyRelu} for the one with a slope). */
public enum Activation implements Layer {
    /** max(x, 0). */
    RELU(Activations::relu),
    /** tanh. */
    TANH(Activations::tanh),
    /** The logistic sigmoid. */
    SIGMOID(Activations::sigmoid),
    /** The exact GELU. */
    GELU(Activations::gelu),
    /** softmax over the last axis. */
    SOFTMAX(Activations::softmax),
    /** log softmax over the last axis. */
    LOG_SOFTMAX(Activations::logSoftmax),
    /** The identity. */
    IDENTITY(x -> x);

    private final UnaryOperator<Tensor> function;

    Activation(UnaryOperator<Tensor> function) {
        this.function = function;
    }

    @Override
    public Tensor apply(Tensor x, Phase phase) {
        return function.apply(x);
    }
}
