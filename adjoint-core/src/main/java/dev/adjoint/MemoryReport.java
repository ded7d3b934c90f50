package dev.adjoint;

/**
 * What a gradient computation held for its backward pass, from {@link Ad#measureGradient}.
 *
 * @param value      f(x)
 * @param gradient   ∇f(x)
 * @param heldBytes  bytes of the residual tensors on the tape when the forward pass ended (each buffer once)
 * @param peakBytes  the most residual bytes held at once by all tapes during forward and backward passes (a
 *                   checkpointed segment's recomputation tape counts while it lives)
 * @param nodes      nodes recorded on the outer tape (leaves included)
 */
public record MemoryReport(Tensor value, Tensor gradient, long heldBytes, long peakBytes, int nodes) {
}
