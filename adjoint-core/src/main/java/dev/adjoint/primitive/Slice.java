package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Interpreter;
import java.util.Arrays;

/**
 * Elements start, start + step, … below stop along each axis (0 ≤ start ≤ stop ≤ n, step ≥ 1); x̄ is ȳ put back
 * in place with zeros around and between ({@link Pad}).
 */
public record Slice(int[] start, int[] stop, int[] step) implements Structural {

    @Override
    public String name() {
        return "slice";
    }

    @Override
    public Shape shape(Shape... in) {
        Shape s = in[0];
        if (start.length != s.rank() || stop.length != s.rank() || step.length != s.rank()) {
            throw new IllegalArgumentException("slice: bounds of rank " + start.length + " for shape " + s);
        }
        int[] d = new int[s.rank()];
        for (int i = 0; i < d.length; i++) {
            if (start[i] < 0 || stop[i] > s.dim(i) || start[i] > stop[i] || step[i] < 1) {
                throw new IllegalArgumentException("slice: " + start[i] + ":" + stop[i] + ":" + step[i]
                        + " out of range for axis " + i + " of " + s);
            }
            d[i] = (stop[i] - start[i] + step[i] - 1) / step[i];
        }
        return Shape.of(d);
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        shape(x[0].shape());
        return x[0].slice(start, stop, step);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        Shape s = x[0].shape();
        Shape o = y.shape();
        if (o.size() == 0) {
            return new Tensor[] {Tensor.zeros(x[0].dtype(), s.dims())};
        }
        int r = s.rank();
        int[] lo = new int[r];
        int[] hi = new int[r];
        int[] in = new int[r];
        for (int i = 0; i < r; i++) {
            int last = start[i] + (o.dim(i) - 1) * step[i];
            lo[i] = start[i];
            hi[i] = s.dim(i) - 1 - last;
            in[i] = step[i] - 1;
        }
        return new Tensor[] {Interpreter.bind(new Pad(lo, hi, in), g)};
    }

    @Override
    public Tensor batch(Tensor[] x, boolean[] batched, int size) {
        return Interpreter.bind(new Slice(Structural.prepend(0, start), Structural.prepend(size, stop),
                Structural.prepend(1, step)), x[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Slice && Arrays.equals(start, ((Slice) o).start) && Arrays.equals(stop, ((Slice) o).stop)
                && Arrays.equals(step, ((Slice) o).step);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(start) + 31 * Arrays.hashCode(stop) + 961 * Arrays.hashCode(step);
    }

    @Override
    public String toString() {
        return "Slice[" + Arrays.toString(start) + ":" + Arrays.toString(stop) + ":" + Arrays.toString(step) + "]";
    }
}
