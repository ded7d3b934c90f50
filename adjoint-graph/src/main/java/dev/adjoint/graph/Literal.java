package dev.adjoint.graph;

import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import java.util.Arrays;

/** A constant operand; two literals are equal when their shapes and elements are. */
public record Literal(NdArray value) implements Atom {

    /** A rank-0 literal. */
    public static Literal of(double c) {
        return new Literal(NdArray.scalar(c));
    }

    @Override
    public Shape shape() {
        return value.shape();
    }

    /** Whether every element equals {@code c}. */
    public boolean isAll(double c) {
        for (double v : value.buffer()) {
            if (v != c) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Literal l && l.shape().equals(shape())
                && Arrays.equals(l.value.buffer(), value.buffer());
    }

    @Override
    public int hashCode() {
        return shape().hashCode() * 31 + Arrays.hashCode(value.buffer());
    }

    @Override
    public String toString() {
        return shape().rank() == 0 || value.size() == 1 ? Format.number(value.buffer()[0])
                : "const" + Format.type(shape());
    }
}
