/**
 * Symbolic differentiation: {@link dev.adjoint.symbolic.Expr} trees (records) that are also
 * {@link dev.adjoint.scalar.Real}s, printing, and size measures (tree versus DAG) that show expression swell.
 */
package dev.adjoint.symbolic;
