package dev.adjoint.graph;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;

/**
 * What an equation computes: a core primitive ({@link PrimitiveOp}) or a construct of the graph module (a fused
 * elementwise loop). Every op can be evaluated on arrays and re-applied to tensors, so a graph runs under any
 * transform (that is how a graph is differentiated again).
 */
public sealed interface Op permits PrimitiveOp, Fused {

    /** The name printers use. */
    String name();

    /** The parameters as printed after the name, e.g. {@code [axes=(0), keepDims=false]}, or empty. */
    String params();

    /** The output shape for input shapes. */
    Shape shape(Shape... inputs);

    /** The result on concrete arrays. */
    NdArray evaluate(NdArray... inputs);

    /** The result on tensors, through the interpreter stack (so transforms see it). */
    Tensor apply(Tensor... inputs);

    /** Whether output element i depends only on input elements i (all shapes equal). */
    boolean elementwise();

    /** A key that is equal for ops that compute the same function (for common-subexpression elimination). */
    default String signature() {
        return name() + params();
    }
}
