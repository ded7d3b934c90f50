package dev.adjoint.nn.data;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.array.DType;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Examples x (first axis: the example) and targets y (labels {@code [N]} or values {@code [N, ...]}), with seeded
 * shuffling, mini-batches, splits and normalisation.
 */
public record Dataset(Tensor x, Tensor y) {

    /** Checks that x and y hold the same number of examples. */
    public Dataset {
        if (x.rank() < 1 || y.rank() < 1 || x.dim(0) != y.dim(0)) {
            throw new IllegalArgumentException("Dataset: inputs of shape " + x.shape() + " and targets of shape "
                    + y.shape() + " (need the same number of examples on axis 0)");
        }
    }

    /** A training and a test set. */
    public record Split(Dataset train, Dataset test) {
    }

    /** The number of examples. */
    public int size() {
        return x.dim(0);
    }

    /** The examples at the given positions, in that order. */
    public Dataset select(int[] index) {
        return new Dataset(rows(x, index), rows(y, index));
    }

    /** The examples from {@code from} (inclusive) to {@code to} (exclusive). */
    public Dataset range(int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return select(idx);
    }

    /** The inputs reshaped per example, e.g. {@code reshapeInputs(28, 28, 1)} for images. */
    public Dataset reshapeInputs(int... exampleShape) {
        int[] d = new int[exampleShape.length + 1];
        d[0] = size();
        System.arraycopy(exampleShape, 0, d, 1, exampleShape.length);
        return new Dataset(x.reshape(d), y);
    }

    /** The inputs converted to {@code dtype}; the targets stay as they are (labels are indices, exact in float64). */
    public Dataset astype(DType dtype) {
        return new Dataset(x.astype(dtype), y);
    }

    /** A random permutation of 0 … n − 1 (Fisher–Yates). */
    public static int[] permutation(int n, Rng rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = (int) (rng.uniform() * (i + 1));
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** The examples in a random order. */
    public Dataset shuffle(Rng rng) {
        return select(permutation(size(), rng));
    }

    /** Mini-batches of {@code batch} examples (the last may be smaller) in a seeded random order. */
    public List<Dataset> batches(int batch, Rng rng) {
        return batches(batch, permutation(size(), rng));
    }

    /** Mini-batches in the stored order. */
    public List<Dataset> batches(int batch) {
        int[] p = new int[size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = i;
        }
        return batches(batch, p);
    }

    /**
     * The batches as a list that gathers each batch when it is read: an epoch holds one batch at a time, not a
     * second copy of the data set (a copy that would outlive many collections and be copied by each; 376 MB for
     * Fashion-MNIST in float64).
     */
    private List<Dataset> batches(int batch, int[] order) {
        if (batch < 1) {
            throw new IllegalArgumentException("batches: batch size must be ≥ 1, got " + batch);
        }
        int count = (order.length + batch - 1) / batch;
        return new AbstractList<>() {
            @Override
            public Dataset get(int b) {
                Objects.checkIndex(b, count);
                int from = b * batch;
                return select(Arrays.copyOfRange(order, from, Math.min(from + batch, order.length)));
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    /** A random split with the given fraction of examples in the test set. */
    public Split split(double testFraction, Rng rng) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("split: test fraction must be in (0, 1), got " + testFraction);
        }
        int[] p = permutation(size(), rng);
        int nTest = (int) Math.round(size() * testFraction);
        int[] test = new int[nTest];
        int[] train = new int[size() - nTest];
        System.arraycopy(p, 0, test, 0, nTest);
        System.arraycopy(p, nTest, train, 0, train.length);
        return new Split(select(train), select(test));
    }

    /** Rows of a tensor (axis 0) by index, copied from the backing array. */
    static Tensor rows(Tensor t, int[] index) {
        NdArray a = t.array();
        Shape s = a.shape();
        int n = s.dim(0);
        int row = n == 0 ? 0 : a.size() / n;
        for (int r : index) {
            if (r < 0 || r >= n) {
                throw new IndexOutOfBoundsException("Dataset: example " + r + " out of range for " + n + " examples");
            }
        }
        Shape out = s.with(0, index.length);
        if (a.dtype() == DType.FLOAT32) {
            float[] src = a.floatBuffer();
            float[] dst = new float[index.length * row];
            for (int i = 0; i < index.length; i++) {
                System.arraycopy(src, index[i] * row, dst, i * row, row);
            }
            return Tensor.of(NdArray.adopt(out, dst));
        }
        double[] src = a.buffer();
        double[] dst = new double[index.length * row];
        for (int i = 0; i < index.length; i++) {
            System.arraycopy(src, index[i] * row, dst, i * row, row);
        }
        return Tensor.of(NdArray.adopt(out, dst));
    }
}
