/**
 * Static graphs: the IR ({@link dev.adjoint.graph.Graph}, {@link dev.adjoint.graph.Equation},
 * {@link dev.adjoint.graph.Var}, {@link dev.adjoint.graph.Literal}), the staging interpreter that traces tensor code
 * into it ({@link dev.adjoint.graph.Stage}), printing and DOT export.
 */
package dev.adjoint.graph;
