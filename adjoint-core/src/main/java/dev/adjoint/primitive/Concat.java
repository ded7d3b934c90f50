package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Interpreter;

/** Inputs joined along an axis; ẏ = concat(ẋᵢ) and x̄ᵢ is the i-th piece of ȳ. */
public record Concat(int axis) implements Structural {

    @Override
    public String name() {
        return "concat";
    }

    @Override
    public Shape shape(Shape... in) {
        int total = 0;
        for (Shape s : in) {
            if (s.rank() != in[0].rank() || !s.with(axis, 0).equals(in[0].with(axis, 0))) {
                throw new IllegalArgumentException("concat: shapes " + in[0] + " and " + s
                        + " differ off axis " + axis);
            }
            total += s.dim(axis);
        }
        return in[0].with(axis, total);
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        Shape[] s = new Shape[x.length];
        for (int i = 0; i < x.length; i++) {
            s[i] = x[i].shape();
        }
        shape(s);
        return NdArray.concat(axis, x);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        boolean any = false;
        for (Tensor v : t) {
            any |= v != null;
        }
        if (!any) {
            return null;
        }
        Tensor[] parts = new Tensor[t.length];
        for (int i = 0; i < t.length; i++) {
            parts[i] = t[i] != null ? t[i] : Tensor.zerosLike(x[i]);
        }
        return Interpreter.bind(this, parts);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        Tensor[] out = new Tensor[x.length];
        int pos = 0;
        for (int i = 0; i < x.length; i++) {
            int n = x[i].shape().dim(axis);
            if (wanted[i]) {
                out[i] = g.slice(axis, pos, pos + n, 1);
            }
            pos += n;
        }
        return out;
    }

    @Override
    public Tensor batch(Tensor[] x, boolean[] batched, int size) {
        Tensor[] b = new Tensor[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = batched[i] ? x[i] : x[i].broadcastTo(Shape.of(size).concat(x[i].shape()));
        }
        return Interpreter.bind(new Concat(axis + 1), b);
    }
}
