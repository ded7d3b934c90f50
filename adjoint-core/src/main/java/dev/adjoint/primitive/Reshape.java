package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Interpreter;

/** The same elements in another shape of equal size (no copy); x̄ = reshape(ȳ, shape of x). */
public record Reshape(Shape target) implements Structural {

    @Override
    public String name() {
        return "reshape";
    }

    @Override
    public Shape shape(Shape... in) {
        if (in[0].size() != target.size()) {
            throw new IllegalArgumentException("reshape: " + in[0] + " to " + target + ": sizes " + in[0].size()
                    + " and " + target.size() + " differ");
        }
        return target;
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        return x[0].reshape(target);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        return new Tensor[] {g.reshape(x[0].shape())};
    }

    @Override
    public Tensor batch(Tensor[] x, boolean[] batched, int size) {
        return Interpreter.bind(new Reshape(Shape.of(size).concat(target)), x[0]);
    }
}
