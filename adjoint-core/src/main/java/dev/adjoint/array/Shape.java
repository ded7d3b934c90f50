package dev.adjoint.array;

import java.util.Arrays;

/** The dimensions of an n-d array: immutable, compared by value, printed as {@code [3, 4]}. */
public final class Shape {

    private static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;
    private final int[] strides;
    private final int size;

    private Shape(int[] dims) {
        this.dims = dims;
        this.strides = new int[dims.length];
        int acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            strides[i] = acc;
            acc *= dims[i];
        }
        long n = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(dims) + ": negative dimension");
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + Arrays.toString(dims) + ": too many elements");
            }
        }
        this.size = (int) n;
    }

    /** The shape with the given dimensions. */
    public static Shape of(int... dims) {
        return dims.length == 0 ? SCALAR : new Shape(dims.clone());
    }

    /** The shape of a scalar (rank 0). */
    public static Shape scalar() {
        return SCALAR;
    }

    /** The number of axes. */
    public int rank() {
        return dims.length;
    }

    /** The length of an axis (negative axes count from the end). */
    public int dim(int axis) {
        return dims[axis < 0 ? axis + dims.length : axis];
    }

    /** The product of the dimensions before {@code axis}: how many blocks an axis-wise kernel loops over. */
    public int sizeBefore(int axis) {
        int n = 1;
        for (int i = 0; i < axis; i++) {
            n *= dims[i];
        }
        return n;
    }

    /** The product of the dimensions after {@code axis}: the stride of {@code axis} in row-major order. */
    public int sizeAfter(int axis) {
        int n = 1;
        for (int i = axis + 1; i < dims.length; i++) {
            n *= dims[i];
        }
        return n;
    }

    /** The number of elements. */
    public int size() {
        return size;
    }

    /** A copy of the dimensions. */
    public int[] dims() {
        return dims.clone();
    }

    int[] raw() {
        return dims;
    }

    /** Row-major strides (in elements). */
    public int[] strides() {
        return strides.clone();
    }

    int[] rawStrides() {
        return strides;
    }

    /** The axis as a non-negative index, or an error naming the operation. */
    public int axis(int axis, String op) {
        int a = axis < 0 ? axis + dims.length : axis;
        if (a < 0 || a >= dims.length) {
            throw new IllegalArgumentException(op + ": axis " + axis + " out of range for shape " + this);
        }
        return a;
    }

    /** Normalised, sorted, distinct axes; all axes when {@code axes} is empty. */
    public int[] axes(int[] axes, String op) {
        if (axes.length == 0) {
            int[] all = new int[dims.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        boolean[] seen = new boolean[dims.length];
        for (int a : axes) {
            int n = axis(a, op);
            if (seen[n]) {
                throw new IllegalArgumentException(op + ": axis " + a + " repeated for shape " + this);
            }
            seen[n] = true;
        }
        int[] out = new int[axes.length];
        int k = 0;
        for (int i = 0; i < seen.length; i++) {
            if (seen[i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** This shape with the given (normalised) axes set to 1 when keepdims, or removed. */
    public Shape reduce(int[] axes, boolean keepDims) {
        boolean[] r = new boolean[dims.length];
        for (int a : axes) {
            r[a] = true;
        }
        int[] out = new int[keepDims ? dims.length : dims.length - axes.length];
        int k = 0;
        for (int i = 0; i < dims.length; i++) {
            if (!r[i]) {
                out[k++] = dims[i];
            } else if (keepDims) {
                out[k++] = 1;
            }
        }
        return new Shape(out);
    }

    /** This shape with one axis's length replaced. */
    public Shape with(int axis, int length) {
        int[] d = dims.clone();
        d[axis] = length;
        return new Shape(d);
    }

    /** This shape with a new axis of the given length inserted at {@code axis}. */
    public Shape insert(int axis, int length) {
        int[] d = new int[dims.length + 1];
        System.arraycopy(dims, 0, d, 0, axis);
        d[axis] = length;
        System.arraycopy(dims, axis, d, axis + 1, dims.length - axis);
        return new Shape(d);
    }

    /** This shape without the given axis. */
    public Shape remove(int axis) {
        int[] d = new int[dims.length - 1];
        System.arraycopy(dims, 0, d, 0, axis);
        System.arraycopy(dims, axis + 1, d, axis, dims.length - axis - 1);
        return new Shape(d);
    }

    /** The dimensions from {@code from} (inclusive) to {@code to} (exclusive). */
    public Shape sub(int from, int to) {
        return new Shape(Arrays.copyOfRange(dims, from, to));
    }

    /** The concatenation of two shapes. */
    public Shape concat(Shape other) {
        int[] d = Arrays.copyOf(dims, dims.length + other.dims.length);
        System.arraycopy(other.dims, 0, d, dims.length, other.dims.length);
        return new Shape(d);
    }

    /** The NumPy broadcast of two shapes, or an error naming the operation and both shapes. */
    public static Shape broadcast(String op, Shape a, Shape b) {
        if (a.equals(b)) {
            return a;
        }
        int n = Math.max(a.rank(), b.rank());
        int[] d = new int[n];
        for (int i = 0; i < n; i++) {
            int x = i < n - a.rank() ? 1 : a.dims[i - (n - a.rank())];
            int y = i < n - b.rank() ? 1 : b.dims[i - (n - b.rank())];
            if (x != y && x != 1 && y != 1) {
                throw new IllegalArgumentException(op + ": shapes " + a + " and " + b
                        + " cannot be broadcast: dimension " + x + " vs " + y + " at axis " + (i - n));
            }
            d[i] = x == 1 ? y : x;
        }
        return new Shape(d);
    }

    /** Whether this shape broadcasts to {@code target} under NumPy rules. */
    public boolean broadcastsTo(Shape target) {
        if (rank() > target.rank()) {
            return false;
        }
        int off = target.rank() - rank();
        for (int i = 0; i < rank(); i++) {
            if (dims[i] != 1 && dims[i] != target.dims[i + off]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape && Arrays.equals(dims, ((Shape) o).dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
