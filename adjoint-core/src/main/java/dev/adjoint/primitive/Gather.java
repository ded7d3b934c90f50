package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Interpreter;

/**
 * take_along_axis: y[…, j, …] = x[…, index[…, j, …], …], with a constant integer index of x's rank; linear in x,
 * and x̄ is ȳ scatter-added back ({@link ScatterAdd}).
 */
public record Gather(int axis, NdArray index) implements Structural {

    @Override
    public String name() {
        return "gather";
    }

    @Override
    public Shape shape(Shape... in) {
        Shape s = in[0];
        Shape is = index.shape();
        if (is.rank() != s.rank() || !is.with(axis, 0).equals(s.with(axis, 0))) {
            throw new IllegalArgumentException("gather: index shape " + is + " does not match " + s
                    + " off axis " + axis);
        }
        return is;
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        shape(x[0].shape());
        return x[0].gather(axis, index);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        return new Tensor[] {Interpreter.bind(new ScatterAdd(axis, index, x[0].shape()), g)};
    }

    @Override
    public Tensor batch(Tensor[] x, boolean[] batched, int size) {
        NdArray bi = index.broadcastTo(Shape.of(size).concat(index.shape()));
        return Interpreter.bind(new Gather(axis + 1, bi), x[0]);
    }
}
