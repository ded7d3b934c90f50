/**
 * Sparse Jacobians: a {@link dev.adjoint.sparse.Sparsity} pattern (given, or detected from one recorded evaluation),
 * its greedy distance-2 column {@link dev.adjoint.sparse.Colouring}, and {@link dev.adjoint.sparse.SparseJacobian},
 * which recovers J from one JVP per colour (batched) or from per-row blocks, as a {@link
 * dev.adjoint.sparse.SparseMatrix} with CSR and COO views.
 */
package dev.adjoint.sparse;
