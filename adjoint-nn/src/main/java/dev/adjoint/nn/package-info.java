/**
 * Learning with the transforms: models are immutable records of tensors ({@link dev.adjoint.nn.Layer}), so
 * {@code Ad.valueAndGrad} hands back gradients as the same record type and backpropagation is just reverse mode.
 * Subpackages: layers, losses and metrics, optimisers, data, the training loop.
 */
package dev.adjoint.nn;
