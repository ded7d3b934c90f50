/** Losses (scalar tensors, means over the batch) and metrics. */
package dev.adjoint.nn.loss;
