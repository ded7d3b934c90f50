/**
 * n-d arrays of doubles and their kernels (no AD): {@link dev.adjoint.array.NdArray}, {@link dev.adjoint.array.Shape},
 * reductions, and matrix products through BLAS ({@link dev.adjoint.array.Blas}).
 */
package dev.adjoint.array;
