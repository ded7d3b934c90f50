/**
 * Data: the IDX format of MNIST and Fashion-MNIST ({@link dev.adjoint.nn.data.Idx}), data sets with seeded
 * shuffling, mini-batches, splits and normalisation ({@link dev.adjoint.nn.data.Dataset}), and generated data that
 * needs no download ({@link dev.adjoint.nn.data.Spirals}).
 */
package dev.adjoint.nn.data;
