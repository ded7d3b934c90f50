/** Graph-to-graph passes, each a {@code UnaryOperator<Graph>}, and the standard pipelines in {@link dev.adjoint.graph.pass.Passes}. */
package dev.adjoint.graph.pass;
