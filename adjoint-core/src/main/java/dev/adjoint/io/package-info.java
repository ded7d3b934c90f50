/**
 * Arrays in NumPy's file formats: {@link dev.adjoint.io.Npy} reads and writes one {@code .npy} array,
 * {@link dev.adjoint.io.Npz} a zip of named ones, so tensors travel to and from NumPy, PyTorch and JAX. Every read
 * is validated whole before anything is returned, and every error names the file, the entry and what was expected.
 */
package dev.adjoint.io;
