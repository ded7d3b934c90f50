package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Interpreter;
import java.util.Arrays;

/**
 * Zeros added before (lo), after (hi) and between elements (interior) of each axis; x̄ is the strided
 * {@link Slice} of ȳ that picks the original positions.
 */
public record Pad(int[] lo, int[] hi, int[] interior) implements Structural {

    @Override
    public String name() {
        return "pad";
    }

    @Override
    public Shape shape(Shape... in) {
        Shape s = in[0];
        if (lo.length != s.rank() || hi.length != s.rank() || interior.length != s.rank()) {
            throw new IllegalArgumentException("pad: widths of rank " + lo.length + " for shape " + s);
        }
        int[] d = new int[s.rank()];
        for (int i = 0; i < d.length; i++) {
            if (lo[i] < 0 || hi[i] < 0 || interior[i] < 0) {
                throw new IllegalArgumentException("pad: negative width for axis " + i + " of " + s);
            }
            int n = s.dim(i);
            d[i] = lo[i] + hi[i] + n + Math.max(0, n - 1) * interior[i];
        }
        return Shape.of(d);
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        shape(x[0].shape());
        return x[0].pad(lo, hi, interior);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        Shape s = x[0].shape();
        int r = s.rank();
        int[] start = new int[r];
        int[] stop = new int[r];
        int[] step = new int[r];
        for (int i = 0; i < r; i++) {
            start[i] = lo[i];
            step[i] = interior[i] + 1;
            stop[i] = s.dim(i) == 0 ? lo[i] : lo[i] + (s.dim(i) - 1) * step[i] + 1;
        }
        return new Tensor[] {Interpreter.bind(new Slice(start, stop, step), g)};
    }

    @Override
    public Tensor batch(Tensor[] x, boolean[] batched, int size) {
        return Interpreter.bind(new Pad(Structural.prepend(0, lo), Structural.prepend(0, hi),
                Structural.prepend(0, interior)), x[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pad && Arrays.equals(lo, ((Pad) o).lo) && Arrays.equals(hi, ((Pad) o).hi)
                && Arrays.equals(interior, ((Pad) o).interior);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(lo) + 31 * Arrays.hashCode(hi) + 961 * Arrays.hashCode(interior);
    }

    @Override
    public String toString() {
        return "Pad[" + Arrays.toString(lo) + ", " + Arrays.toString(hi) + ", " + Arrays.toString(interior) + "]";
    }
}
