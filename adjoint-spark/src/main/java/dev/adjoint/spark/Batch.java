package dev.adjoint.spark;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.nn.data.Dataset;
import java.io.Serializable;

/**
 * A block of examples, inputs {@code [n, ...]} and targets {@code [n, ...]}, held as two flat {@code double[]} and
 * their shapes: what Spark caches and ships is the numbers themselves (8 bytes each plus a small header), never a
 * graph of tensor objects. {@link #seed()} is a per-step, per-partition seed for stochastic layers (dropout).
 */
public final class Batch implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int[] xShape;
    private final double[] x;
    private final int[] yShape;
    private final double[] y;
    private final long seed;

    private Batch(int[] xShape, double[] x, int[] yShape, double[] y, long seed) {
        if (xShape.length < 1 || yShape.length < 1 || xShape[0] != yShape[0]) {
            throw new IllegalArgumentException("Batch: inputs of shape " + Shape.of(xShape) + " and targets of shape "
                    + Shape.of(yShape) + " (need the same number of examples on axis 0)");
        }
        this.xShape = xShape;
        this.x = x;
        this.yShape = yShape;
        this.y = y;
        this.seed = seed;
    }

    /** The examples of two tensors (copied into flat arrays). */
    public static Batch of(Tensor x, Tensor y) {
        return new Batch(x.shape().dims(), x.array().toArray(), y.shape().dims(), y.array().toArray(), 0);
    }

    /** The examples of flat arrays with their shapes (adopted, not copied). */
    public static Batch of(double[] x, int[] xShape, double[] y, int[] yShape) {
        if (Shape.of(xShape).size() != x.length || Shape.of(yShape).size() != y.length) {
            throw new IllegalArgumentException("Batch.of: " + x.length + " inputs for shape " + Shape.of(xShape)
                    + ", " + y.length + " targets for shape " + Shape.of(yShape));
        }
        return new Batch(xShape.clone(), x, yShape.clone(), y, 0);
    }

    /** The examples of a data set. */
    public static Batch of(Dataset data) {
        return of(data.x(), data.y());
    }

    /** An empty block whose examples would have the shapes of {@code like}'s. */
    static Batch emptyLike(Batch like) {
        return new Batch(withRows(like.xShape, 0), new double[0], withRows(like.yShape, 0), new double[0], 0);
    }

    /** The number of examples. */
    public int size() {
        return xShape[0];
    }

    /** The inputs, {@code [n, ...]}. */
    public Tensor x() {
        return Tensor.of(NdArray.adopt(Shape.of(xShape), x));
    }

    /** The targets, {@code [n, ...]}. */
    public Tensor y() {
        return Tensor.of(NdArray.adopt(Shape.of(yShape), y));
    }

    /** The seed the training loop set for this step and partition (0 outside training). */
    public long seed() {
        return seed;
    }

    /** A generator seeded with {@link #seed()}, e.g. for {@code Phase.train(batch.rng())}. */
    public Rng rng() {
        return Rng.seed(seed);
    }

    /** The same examples as an adjoint-nn data set. */
    public Dataset toDataset() {
        return new Dataset(x(), y());
    }

    /** The examples at the given positions, in that order, with the given seed. */
    public Batch rows(int[] index, long seed) {
        return new Batch(withRows(xShape, index.length), gather(xShape, x, index), withRows(yShape, index.length),
                gather(yShape, y, index), seed);
    }

    /** The examples from {@code from} (inclusive) to {@code to} (exclusive). */
    public Batch range(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IndexOutOfBoundsException("Batch.range: [" + from + ", " + to + ") of " + size() + " examples");
        }
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return rows(idx, seed);
    }

    /** The examples of several blocks one after another (their example shapes must agree). */
    static Batch concat(java.util.List<Batch> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("Batch.concat: no blocks");
        }
        Batch first = parts.get(0);
        int n = 0;
        for (Batch b : parts) {
            if (!sameExample(b.xShape, first.xShape) || !sameExample(b.yShape, first.yShape)) {
                throw new IllegalArgumentException("Batch.concat: blocks of examples " + Shape.of(b.xShape) + " / "
                        + Shape.of(b.yShape) + " and " + Shape.of(first.xShape) + " / " + Shape.of(first.yShape));
            }
            n += b.size();
        }
        int[] xs = withRows(first.xShape, n);
        int[] ys = withRows(first.yShape, n);
        double[] x = new double[n * rowSize(first.xShape)];
        double[] y = new double[n * rowSize(first.yShape)];
        int ox = 0;
        int oy = 0;
        for (Batch b : parts) {
            System.arraycopy(b.x, 0, x, ox, b.x.length);
            System.arraycopy(b.y, 0, y, oy, b.y.length);
            ox += b.x.length;
            oy += b.y.length;
        }
        return new Batch(xs, x, ys, y, first.seed);
    }

    private static boolean sameExample(int[] a, int[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 1; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    private static int rowSize(int[] shape) {
        int r = 1;
        for (int i = 1; i < shape.length; i++) {
            r *= shape[i];
        }
        return r;
    }

    private static int[] withRows(int[] shape, int rows) {
        int[] s = shape.clone();
        s[0] = rows;
        return s;
    }

    private static double[] gather(int[] shape, double[] data, int[] index) {
        int n = shape[0];
        int row = rowSize(shape);
        double[] out = new double[index.length * row];
        for (int i = 0; i < index.length; i++) {
            int r = index[i];
            if (r < 0 || r >= n) {
                throw new IndexOutOfBoundsException("Batch: example " + r + " out of range for " + n + " examples");
            }
            System.arraycopy(data, r * row, out, i * row, row);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Batch(" + size() + " examples, x " + Shape.of(xShape) + ", y " + Shape.of(yShape) + ")";
    }
}
