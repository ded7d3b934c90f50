/**
 * The training loop ({@link dev.adjoint.nn.train.Trainer}): mini-batches, a progress bar, evaluation each epoch,
 * JSON lines and learning curves as PNG ({@link dev.adjoint.nn.train.Plots}).
 */
package dev.adjoint.nn.train;
