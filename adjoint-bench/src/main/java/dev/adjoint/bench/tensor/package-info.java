/** Tensor workloads ({@code rosenbrock_tensor}, {@code mlp}, {@code gmm}, {@code hvp}) and {@code gemm}. */
package dev.adjoint.bench.tensor;
