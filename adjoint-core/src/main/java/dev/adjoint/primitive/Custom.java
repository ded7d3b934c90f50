package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import java.util.function.Function;

/** A user function wrapped as one primitive; the two kinds differ only in which rule the user supplies. */
public sealed interface Custom extends Control permits CustomVjp, CustomJvp {

    /** The name shown in traces and errors. */
    String label();

    /** The user's function, run on tensors. */
    Function<Tensor[], Tensor> function();

    @Override
    default String name() {
        return label();
    }

    /** The output shape, found by running the function on zeros of the input shapes. */
    @Override
    default Shape shape(Shape... in) {
        Tensor[] zeros = new Tensor[in.length];
        for (int i = 0; i < in.length; i++) {
            zeros[i] = Tensor.zeros(in[i].dims());
        }
        return function().apply(zeros).shape();
    }

    @Override
    default NdArray evaluate(NdArray... x) {
        Tensor[] t = new Tensor[x.length];
        for (int i = 0; i < x.length; i++) {
            t[i] = Tensor.of(x[i]);
        }
        return function().apply(t).array();
    }
}
