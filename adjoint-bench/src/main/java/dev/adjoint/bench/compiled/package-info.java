/** Workloads of compiled code (adjoint-graph): compiled scalar gradients and Jit-compiled tensor gradients. */
package dev.adjoint.bench.compiled;
