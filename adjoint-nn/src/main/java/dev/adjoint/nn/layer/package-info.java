/**
 * Layers as records of tensors: {@link dev.adjoint.nn.layer.Linear}, {@link dev.adjoint.nn.layer.Conv2d},
 * pooling, normalisation, dropout, embedding, activations and {@link dev.adjoint.nn.layer.Sequential}. Every layer
 * is composed from tensor operations, so its gradient (and its Hessian-vector products) come from the core's rules.
 * Images are laid out channels-last: {@code [N, H, W, C]}.
 */
package dev.adjoint.nn.layer;
