package dev.adjoint.examples;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;

/**
 * The Rosenbrock function in n dimensions, vectorised: f(x) = Σᵢ 100 (xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)². Minimum 0 at
 * x = (1, …, 1). The benchmark workload {@code rosenbrock_tensor} and the {@code hvp} workload use it.
 */
public final class Rosenbrock {

    private Rosenbrock() {
    }

    /** f(x) for a vector x of length ≥ 2. */
    public static Tensor value(Tensor x) {
        int n = x.dim(0);
        Tensor head = x.slice(0, 0, n - 1);
        Tensor tail = x.slice(0, 1, n);
        return tail.sub(head.square()).square().mul(100).add(head.rsub(1).square()).sum();
    }

    /** A reproducible starting point: uniform in [−2, 2]. */
    public static Tensor point(int n, long seed) {
        return Tensor.uniform(Rng.seed(seed), -2, 2, n);
    }
}
