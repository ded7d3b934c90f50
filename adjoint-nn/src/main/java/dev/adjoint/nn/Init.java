package dev.adjoint.nn;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;

/**
 * Weight initialisers, seeded. Fan-in and fan-out are given explicitly (for a convolution kernel they are
 * kh·kw·channels in and kh·kw·channels out).
 */
public enum Init {
    /** Glorot &amp; Bengio: U(−a, a) with a = √(6 / (fanIn + fanOut)), for tanh and sigmoid layers. */
    XAVIER_UNIFORM {
        @Override
        public Tensor sample(Rng rng, int fanIn, int fanOut, int... shape) {
            double a = Math.sqrt(6.0 / (fanIn + fanOut));
            return Tensor.uniform(rng, -a, a, shape);
        }
    },
    /** Glorot &amp; Bengio: N(0, 2 / (fanIn + fanOut)). */
    XAVIER_NORMAL {
        @Override
        public Tensor sample(Rng rng, int fanIn, int fanOut, int... shape) {
            return Tensor.randn(rng, shape).mul(Math.sqrt(2.0 / (fanIn + fanOut)));
        }
    },
    /** He et al.: U(−a, a) with a = √(6 / fanIn), for ReLU layers. */
    HE_UNIFORM {
        @Override
        public Tensor sample(Rng rng, int fanIn, int fanOut, int... shape) {
            double a = Math.sqrt(6.0 / fanIn);
            return Tensor.uniform(rng, -a, a, shape);
        }
    },
    /** He et al.: N(0, 2 / fanIn). */
    HE_NORMAL {
        @Override
        public Tensor sample(Rng rng, int fanIn, int fanOut, int... shape) {
            return Tensor.randn(rng, shape).mul(Math.sqrt(2.0 / fanIn));
        }
    },
    /** All zeros (biases). */
    ZEROS {
        @Override
        public Tensor sample(Rng rng, int fanIn, int fanOut, int... shape) {
            return Tensor.zeros(shape);
        }
    };

    /** A tensor of the given shape drawn for a layer with the given fans. */
    public abstract Tensor sample(Rng rng, int fanIn, int fanOut, int... shape);
}
