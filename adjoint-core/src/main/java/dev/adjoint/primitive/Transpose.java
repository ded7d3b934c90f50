package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Interpreter;
import java.util.Arrays;

/** Axes permuted (output axis i is input axis perm[i]); x̄ = ȳ permuted by the inverse. */
public record Transpose(int[] perm) implements Structural {

    @Override
    public String name() {
        return "transpose";
    }

    @Override
    public Shape shape(Shape... in) {
        boolean[] seen = new boolean[perm.length];
        boolean ok = perm.length == in[0].rank();
        for (int p : perm) {
            ok &= p >= 0 && p < perm.length && !seen[p];
            if (ok) {
                seen[p] = true;
            }
        }
        if (!ok) {
            throw new IllegalArgumentException("transpose: " + Arrays.toString(perm)
                    + " is not a permutation of the axes of " + in[0]);
        }
        int[] d = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            d[i] = in[0].dim(perm[i]);
        }
        return Shape.of(d);
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        shape(x[0].shape());
        return x[0].transpose(perm);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        int[] inv = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            inv[perm[i]] = i;
        }
        return new Tensor[] {Interpreter.bind(new Transpose(inv), g)};
    }

    @Override
    public Tensor batch(Tensor[] x, boolean[] batched, int size) {
        int[] p = new int[perm.length + 1];
        for (int i = 0; i < perm.length; i++) {
            p[i + 1] = perm[i] + 1;
        }
        return Interpreter.bind(new Transpose(p), x[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transpose && Arrays.equals(perm, ((Transpose) o).perm);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(perm);
    }

    @Override
    public String toString() {
        return "Transpose" + Arrays.toString(perm);
    }
}
