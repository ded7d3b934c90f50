package dev.adjoint.ode.demo;

import dev.adjoint.Tensor;
import dev.adjoint.ode.RealDynamics;
import dev.adjoint.ode.TensorField;
import dev.adjoint.scalar.Real;
import java.util.Random;

/**
 * The neural-ODE dynamics of Chen et al.'s spiral demo: f(z) = tanh(z³·W₁ + b₁)·W₂ + b₂ for a batch of 2-D
 * states z (B × 2), with θ = [W₁ (2×H), b₁ (H), W₂ (H×2), b₂ (2)] flattened row-major.
 */
final class Mlp {

    private final int hidden;

    Mlp(int hidden) {
        this.hidden = hidden;
    }

    /** The number of parameters, 5H + 2. */
    int parameters() {
        return 5 * hidden + 2;
    }

    /** Weights from N(0, 0.1²), biases zero. */
    double[] init(long seed) {
        Random r = new Random(seed);
        double[] theta = new double[parameters()];
        int h = hidden;
        for (int i = 0; i < 2 * h; i++) {
            theta[i] = 0.1 * r.nextGaussian();
        }
        for (int i = 3 * h; i < 5 * h; i++) {
            theta[i] = 0.1 * r.nextGaussian();
        }
        return theta;
    }

    /** The dynamics as tensor code. */
    TensorField tensors() {
        int h = hidden;
        return (t, z, theta) -> {
            Tensor w1 = theta.slice(0, 0, 2 * h).reshape(2, h);
            Tensor b1 = theta.slice(0, 2 * h, 3 * h);
            Tensor w2 = theta.slice(0, 3 * h, 5 * h).reshape(h, 2);
            Tensor b2 = theta.slice(0, 5 * h, 5 * h + 2);
            return z.reshape(-1, 2).pow(3).matmul(w1).add(b1).tanh().matmul(w2).add(b2).reshape(-1);
        };
    }

    /** The same dynamics written against {@code Real}, one scalar at a time. */
    RealDynamics scalars() {
        int h = hidden;
        return (t, z, theta) -> {
            Real[] out = new Real[z.length];
            for (int b = 0; b < z.length / 2; b++) {
                Real x0 = z[2 * b].pow(3);
                Real x1 = z[2 * b + 1].pow(3);
                Real o0 = theta[5 * h];
                Real o1 = theta[5 * h + 1];
                for (int j = 0; j < h; j++) {
                    Real a = x0.mul(theta[j]).add(x1.mul(theta[h + j])).add(theta[2 * h + j]).tanh();
                    o0 = o0.add(a.mul(theta[3 * h + 2 * j]));
                    o1 = o1.add(a.mul(theta[3 * h + 2 * j + 1]));
                }
                out[2 * b] = o0;
                out[2 * b + 1] = o1;
            }
            return out;
        };
    }
}
