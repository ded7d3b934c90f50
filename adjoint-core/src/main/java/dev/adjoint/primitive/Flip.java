package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Interpreter;
import java.util.Arrays;

/** Element order reversed along the given axes; its own adjoint, x̄ = flip(ȳ). */
public record Flip(int[] axes) implements Structural {

    @Override
    public String name() {
        return "flip";
    }

    @Override
    public Shape shape(Shape... in) {
        in[0].axes(axes, name());
        return in[0];
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        return x[0].flip(axes);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        return new Tensor[] {Interpreter.bind(this, g)};
    }

    @Override
    public Tensor batch(Tensor[] x, boolean[] batched, int size) {
        return Interpreter.bind(new Flip(Reduction.shift(axes)), x[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Flip && Arrays.equals(axes, ((Flip) o).axes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(axes);
    }

    @Override
    public String toString() {
        return "Flip" + Arrays.toString(axes);
    }
}
