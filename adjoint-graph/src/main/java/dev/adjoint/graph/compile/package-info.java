/**
 * Execution of graphs: the planning interpreter ({@link dev.adjoint.graph.compile.Executor}), JVM bytecode for fused
 * loops ({@link dev.adjoint.graph.compile.LoopCompiler}) and for scalar programs
 * ({@link dev.adjoint.graph.compile.ScalarCompiler}), and {@link dev.adjoint.graph.compile.Jit}.
 */
package dev.adjoint.graph.compile;
