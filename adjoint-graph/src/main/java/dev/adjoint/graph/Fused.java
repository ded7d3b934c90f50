package dev.adjoint.graph;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import java.util.Arrays;
import java.util.List;

/**
 * A fused loop: a small graph of elementwise equations run in one pass over their shape (the loop's domain),
 * possibly ending in a sum or max over some axes that the loop accumulates. Inputs are of the domain's shape, or
 * broadcast or sliced to it by equations of the body (read in place, never materialised); only the body's output
 * is stored.
 */
public record Fused(Graph body) implements Op {

    /** A fused op whose body has one output. */
    public Fused {
        if (body.outputs().size() != 1) {
            throw new IllegalArgumentException("fused: the body must have one output");
        }
    }

    @Override
    public String name() {
        return "fused";
    }

    @Override
    public String params() {
        return "[" + body.equations().size() + " ops]";
    }

    @Override
    public Shape shape(Shape... inputs) {
        return body.outputs().get(0).shape();
    }

    @Override
    public NdArray evaluate(NdArray... inputs) {
        return body.evaluate(Arrays.asList(inputs)).get(0);
    }

    @Override
    public Tensor apply(Tensor... inputs) {
        return body.apply(List.of(inputs)).get(0);
    }

    @Override
    public boolean elementwise() {
        return false;
    }

    @Override
    public String signature() {
        return "fused" + body;
    }
}
