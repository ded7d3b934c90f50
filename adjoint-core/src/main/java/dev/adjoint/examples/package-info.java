/**
 * Workloads written with tensors, shared by the tests, the benchmarks and the CLI: {@link
 * dev.adjoint.examples.Rosenbrock}, {@link dev.adjoint.examples.Mlp} and the ADBench {@link dev.adjoint.examples.Gmm}.
 */
package dev.adjoint.examples;
