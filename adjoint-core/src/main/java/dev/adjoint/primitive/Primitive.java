package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;

/**
 * A primitive operation: the closed set every tensor program is made of. Each one carries, in its own file, its
 * kernel, its shape rule, its forward rule (JVP), its reverse rule (VJP) and its batching rule. The rules are
 * written with {@link Tensor} operations, so applying a rule under another transform differentiates it again.
 *
 * <p>Conventions: a {@code null} tangent or cotangent is a symbolic zero (never materialised); batched inputs
 * carry their batch axis first.
 */
public sealed interface Primitive permits Elementwise, Reduction, Structural, MatMul, Windowed, Control {

    /** The operation's name as error messages and printers spell it. */
    String name();

    /** The output shape for the given input shapes, or an error naming the operation and the shapes. */
    Shape shape(Shape... inputs);

    /** The kernel: the output array for concrete input arrays. */
    NdArray evaluate(NdArray... inputs);

    /** The tangent of the output, ẏ = Σ ∂y/∂xᵢ ẋᵢ; tangents may be null (zero), and null is returned for zero. */
    Tensor jvp(Tensor[] x, Tensor[] tangents, Tensor y);

    /** The cotangents x̄ᵢ = ȳ ∂y/∂xᵢ for the inputs marked wanted (null for the others or for zero). */
    Tensor[] vjp(Tensor cotangent, Tensor[] x, Tensor y, boolean[] wanted);

    /** The batched output (batch axis first) for inputs of which those marked batched carry a batch axis first. */
    Tensor batch(Tensor[] x, boolean[] batched, int size);
}
