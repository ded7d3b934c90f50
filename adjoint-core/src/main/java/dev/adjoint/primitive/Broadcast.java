package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Interpreter;

/**
 * x repeated to a larger shape (NumPy rules). The one place broadcasting is undone: x̄ is ȳ summed over the new
 * leading axes and the axes that were 1.
 */
public record Broadcast(Shape target) implements Structural {

    @Override
    public String name() {
        return "broadcastTo";
    }

    @Override
    public Shape shape(Shape... in) {
        if (!in[0].broadcastsTo(target)) {
            throw new IllegalArgumentException("broadcastTo: " + in[0] + " cannot be broadcast to " + target);
        }
        return target;
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        return x[0].broadcastTo(target);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        Shape s = x[0].shape();
        int lead = target.rank() - s.rank();
        int n = lead;
        for (int i = 0; i < s.rank(); i++) {
            if (s.dim(i) == 1 && target.dim(i + lead) != 1) {
                n++;
            }
        }
        int[] axes = new int[n];
        int k = 0;
        for (int i = 0; i < lead; i++) {
            axes[k++] = i;
        }
        for (int i = 0; i < s.rank(); i++) {
            if (s.dim(i) == 1 && target.dim(i + lead) != 1) {
                axes[k++] = i + lead;
            }
        }
        Tensor summed = n == 0 ? g : Interpreter.bind(new Sum(axes, false), g);
        return new Tensor[] {summed.reshape(s)};
    }

    @Override
    public Tensor batch(Tensor[] x, boolean[] batched, int size) {
        Shape s = x[0].shape();
        int missing = target.rank() - (s.rank() - 1);
        Tensor v = x[0];
        if (missing > 0) {
            int[] d = new int[target.rank() + 1];
            java.util.Arrays.fill(d, 1);
            d[0] = size;
            for (int i = 1; i < s.rank(); i++) {
                d[i + missing] = s.dim(i);
            }
            v = v.reshape(Shape.of(d));
        }
        return Interpreter.bind(new Broadcast(Shape.of(size).concat(target)), v);
    }
}
