package dev.adjoint.nn.layer;

import dev.adjoint.Tensor;
import dev.adjoint.nn.Layer;
import dev.adjoint.nn.Phase;

/** The parameter-free activations as layers (see {@link LeakyRelu} for the one with a slope). */
public enum Activation implements Layer {
    /** max(x, 0). */
    RELU {
        @Override
        public Tensor apply(Tensor x, Phase phase) {
            return Activations.relu(x);
        }
    },
    /** tanh. */
    TANH {
        @Override
        public Tensor apply(Tensor x, Phase phase) {
            return Activations.tanh(x);
        }
    },
    /** The logistic sigmoid. */
    SIGMOID {
        @Override
        public Tensor apply(Tensor x, Phase phase) {
            return Activations.sigmoid(x);
        }
    },
    /** The exact GELU. */
    GELU {
        @Override
        public Tensor apply(Tensor x, Phase phase) {
            return Activations.gelu(x);
        }
    },
    /** softmax over the last axis. */
    SOFTMAX {
        @Override
        public Tensor apply(Tensor x, Phase phase) {
            return Activations.softmax(x);
        }
    },
    /** log softmax over the last axis. */
    LOG_SOFTMAX {
        @Override
        public Tensor apply(Tensor x, Phase phase) {
            return Activations.logSoftmax(x);
        }
    },
    /** The identity. */
    IDENTITY {
        @Override
        public Tensor apply(Tensor x, Phase phase) {
            return x;
        }
    }
}
