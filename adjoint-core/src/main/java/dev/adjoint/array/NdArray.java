package dev.adjoint.array;

import dev.adjoint.scalar.FastMath;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * An immutable n-d array of doubles: a contiguous row-major {@code double[]}, its {@link Shape} and strides.
 * Kernels allocate their output buffer and never write to an input, so arrays can be shared freely.
 */
public final class NdArray {

    final double[] data;
    final Shape shape;
    private final int[] strides;

    NdArray(double[] data, Shape shape) {
        this.data = data;
        this.shape = shape;
        this.strides = shape.rawStrides();
    }

    /** An array holding a copy of {@code data} laid out row-major in {@code shape}. */
    public static NdArray of(Shape shape, double... data) {
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("array of shape " + shape + " needs " + shape.size()
                    + " values, got " + data.length);
        }
        return new NdArray(data.clone(), shape);
    }

    /** A rank-0 array. */
    public static NdArray scalar(double value) {
        return new NdArray(new double[] {value}, Shape.scalar());
    }

    /** An array of zeros. */
    public static NdArray zeros(Shape shape) {
        return new NdArray(new double[shape.size()], shape);
    }

    /** An array with every element equal to {@code value}. */
    public static NdArray full(Shape shape, double value) {
        double[] d = new double[shape.size()];
        Arrays.fill(d, value);
        return new NdArray(d, shape);
    }

    /** An array taking ownership of {@code data} (the caller must not write to it afterwards). */
    public static NdArray adopt(Shape shape, double[] data) {
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("array of shape " + shape + " needs " + shape.size()
                    + " values, got " + data.length);
        }
        return new NdArray(data, shape);
    }

    /** The shape. */
    public Shape shape() {
        return shape;
    }

    /** Row-major strides of this array. */
    public int[] strides() {
        return strides.clone();
    }

    /** The number of elements. */
    public int size() {
        return data.length;
    }

    /** The element at a multi-index. */
    public double get(int... index) {
        if (index.length != shape.rank()) {
            throw new IllegalArgumentException("get: index of rank " + index.length + " for shape " + shape);
        }
        int p = 0;
        for (int i = 0; i < index.length; i++) {
            int d = shape.dim(i);
            int j = index[i] < 0 ? index[i] + d : index[i];
            if (j < 0 || j >= d) {
                throw new IndexOutOfBoundsException("get: index " + Arrays.toString(index) + " out of bounds for shape "
                        + shape);
            }
            p += j * strides[i];
        }
        return data[p];
    }

    /** The element at a row-major position. */
    public double at(int flatIndex) {
        return data[flatIndex];
    }

    /** The single element of a one-element array. */
    public double item() {
        if (data.length != 1) {
            throw new IllegalStateException("item: array of shape " + shape + " has " + data.length + " elements");
        }
        return data[0];
    }

    /** The backing buffer in row-major order, without a copy: read only (for compiled kernels in adjoint-graph). */
    public double[] buffer() {
        return data;
    }

    /** A copy of the elements in row-major order. */
    public double[] toArray() {
        return data.clone();
    }

    /** Whether any element is NaN or infinite. */
    public boolean hasNonFinite() {
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }

    // ---- elementwise kernels (operands of equal shape) ----

    /** f applied to each element. */
    public NdArray map(DoubleUnaryOperator f) {
        double[] out = new double[data.length];
        Parallel.each(out.length, 16, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = f.applyAsDouble(data[i]);
            }
        });
        return new NdArray(out, shape);
    }

    /** tanh of each element ({@link FastMath#tanh}: Java 17's {@code Math.tanh} is a slow native call). */
    public NdArray tanh() {
        double[] out = new double[data.length];
        FastMath.tanh(data, out, out.length);
        return new NdArray(out, shape);
    }

    /** f applied to corresponding elements of two arrays of equal shape. */
    public NdArray zip(NdArray b, DoubleBinaryOperator f) {
        same("zip", b);
        double[] out = new double[data.length];
        double[] y = b.data;
        Parallel.each(out.length, 16, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = f.applyAsDouble(data[i], y[i]);
            }
        });
        return new NdArray(out, shape);
    }

    /** Elementwise sum. */
    public NdArray add(NdArray b) {
        same("add", b);
        double[] x = data;
        double[] y = b.data;
        double[] out = new double[x.length];
        Parallel.each(out.length, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = x[i] + y[i];
            }
        });
        return new NdArray(out, shape);
    }

    /** Elementwise difference. */
    public NdArray sub(NdArray b) {
        same("sub", b);
        double[] x = data;
        double[] y = b.data;
        double[] out = new double[x.length];
        Parallel.each(out.length, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = x[i] - y[i];
            }
        });
        return new NdArray(out, shape);
    }

    /** Elementwise product. */
    public NdArray mul(NdArray b) {
        same("mul", b);
        double[] x = data;
        double[] y = b.data;
        double[] out = new double[x.length];
        Parallel.each(out.length, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = x[i] * y[i];
            }
        });
        return new NdArray(out, shape);
    }

    /** Elementwise product in which a zero in this array gives zero whatever the other element (even ∞, NaN). */
    public NdArray safeMul(NdArray b) {
        same("safeMul", b);
        double[] x = data;
        double[] y = b.data;
        double[] out = new double[x.length];
        Parallel.each(out.length, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = x[i] == 0 ? 0 : x[i] * y[i];
            }
        });
        return new NdArray(out, shape);
    }

    /** Elementwise quotient. */
    public NdArray div(NdArray b) {
        same("div", b);
        double[] x = data;
        double[] y = b.data;
        double[] out = new double[x.length];
        Parallel.each(out.length, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = x[i] / y[i];
            }
        });
        return new NdArray(out, shape);
    }

    /** Elementwise {@code this * s} for a constant s. */
    public NdArray scale(double s) {
        double[] out = new double[data.length];
        Parallel.each(out.length, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = data[i] * s;
            }
        });
        return new NdArray(out, shape);
    }

    /** Elementwise {@code a·b + c·d} in one pass (the product rule's tangent), where a zero a or c gives 0. */
    public static NdArray productRule(NdArray a, NdArray b, NdArray c, NdArray d) {
        a.same("productRule", b);
        a.same("productRule", c);
        a.same("productRule", d);
        double[] out = new double[a.data.length];
        Parallel.each(out.length, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                double p = a.data[i] == 0 ? 0 : a.data[i] * b.data[i];
                double q = c.data[i] == 0 ? 0 : c.data[i] * d.data[i];
                out[i] = p + q;
            }
        });
        return new NdArray(out, a.shape);
    }

    /** Elementwise {@code a * this + b} for constants a, b. */
    public NdArray affine(double a, double b) {
        double[] out = new double[data.length];
        Parallel.each(out.length, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = a * data[i] + b;
            }
        });
        return new NdArray(out, shape);
    }

    /** Elementwise choice: {@code cond != 0 ? a : b}. */
    public static NdArray where(NdArray cond, NdArray a, NdArray b) {
        cond.same("where", a);
        cond.same("where", b);
        double[] out = new double[cond.data.length];
        Parallel.each(out.length, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = cond.data[i] != 0 ? a.data[i] : b.data[i];
            }
        });
        return new NdArray(out, cond.shape);
    }

    /** Whether all elements are nonzero. */
    public boolean allNonZero() {
        for (double v : data) {
            if (v == 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether all elements are zero. */
    public boolean allZero() {
        for (double v : data) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    private void same(String op, NdArray b) {
        if (!shape.equals(b.shape)) {
            throw new IllegalArgumentException(op + ": shapes " + shape + " and " + b.shape + " differ");
        }
    }

    // ---- layout kernels ----

    /** The same elements viewed in another shape of equal size (shares the buffer: both are immutable). */
    public NdArray reshape(Shape target) {
        if (target.size() != data.length) {
            throw new IllegalArgumentException("reshape: " + shape + " to " + target + ": sizes " + data.length
                    + " and " + target.size() + " differ");
        }
        return new NdArray(data, target);
    }

    /** This array repeated along new leading axes and size-1 axes to fill {@code target} (NumPy rules). */
    public NdArray broadcastTo(Shape target) {
        if (target.equals(shape)) {
            return this;
        }
        if (!shape.broadcastsTo(target)) {
            throw new IllegalArgumentException("broadcastTo: " + shape + " cannot be broadcast to " + target);
        }
        int off = target.rank() - shape.rank();
        int[] s = new int[target.rank()];
        for (int i = 0; i < shape.rank(); i++) {
            s[i + off] = shape.dim(i) == 1 ? 0 : strides[i];
        }
        return strided(0, s, target);
    }

    /** The axes permuted: output axis i is input axis {@code perm[i]}. */
    public NdArray transpose(int... perm) {
        int[] s = new int[perm.length];
        int[] d = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            s[i] = strides[perm[i]];
            d[i] = shape.dim(perm[i]);
        }
        return strided(0, s, Shape.of(d));
    }

    /** Elements start, start+step, ... (below stop) along each axis; steps are positive. */
    public NdArray slice(int[] start, int[] stop, int[] step) {
        int r = shape.rank();
        int[] d = new int[r];
        int[] s = new int[r];
        int off = 0;
        for (int i = 0; i < r; i++) {
            d[i] = Math.max(0, (stop[i] - start[i] + step[i] - 1) / step[i]);
            s[i] = strides[i] * step[i];
            off += start[i] * strides[i];
        }
        Shape out = Shape.of(d);
        return out.size() == 0 ? zeros(out) : strided(off, s, out);
    }

    /** The order of elements reversed along the given axes. */
    public NdArray flip(int... axes) {
        int[] s = strides.clone();
        int off = 0;
        for (int a : axes) {
            s[a] = -strides[a];
            off += (shape.dim(a) - 1) * strides[a];
        }
        return data.length == 0 ? this : strided(off, s, shape);
    }

    /** Zero padding: {@code lo[i]} before, {@code hi[i]} after and {@code interior[i]} between elements of axis i. */
    public NdArray pad(int[] lo, int[] hi, int[] interior) {
        int r = shape.rank();
        int[] d = new int[r];
        int off = 0;
        int[] outStrides;
        for (int i = 0; i < r; i++) {
            int n = shape.dim(i);
            d[i] = lo[i] + hi[i] + n + Math.max(0, n - 1) * interior[i];
        }
        Shape out = Shape.of(d);
        outStrides = out.strides();
        int[] s = new int[r];
        for (int i = 0; i < r; i++) {
            s[i] = outStrides[i] * (interior[i] + 1);
            off += lo[i] * outStrides[i];
        }
        if (Arrays.equals(s, strides)) {
            // one contiguous block (padding along the leading axis only): a copy right after the allocation,
            // which the JIT does not zero first
            double[] o = new double[out.size()];
            System.arraycopy(data, 0, o, off, data.length);
            return new NdArray(o, out);
        }
        double[] o = new double[out.size()];
        if (data.length > 0) {
            scatterStrided(data, o, off, s, shape.raw());
        }
        return new NdArray(o, out);
    }

    /** Arrays joined along an existing axis (other axes must agree). */
    public static NdArray concat(int axis, NdArray... parts) {
        Shape first = parts[0].shape;
        int total = 0;
        for (NdArray p : parts) {
            total += p.shape.dim(axis);
        }
        Shape out = first.with(axis, total);
        double[] o = new double[out.size()];
        int outer = first.sizeBefore(axis);
        int inner = first.sizeAfter(axis);
        int rowOut = total * inner;
        int pos = 0;
        for (NdArray p : parts) {
            int len = p.shape.dim(axis) * inner;
            for (int j = 0; j < outer; j++) {
                System.arraycopy(p.data, j * len, o, j * rowOut + pos, len);
            }
            pos += len;
        }
        return new NdArray(o, out);
    }

    /** take_along_axis: {@code out[..., j, ...] = this[..., index[..., j, ...], ...]}; index has this rank. */
    public NdArray gather(int axis, NdArray index) {
        Shape is = index.shape;
        int outer = is.sizeBefore(axis);
        int inner = is.sizeAfter(axis);
        int m = is.dim(axis);
        int n = shape.dim(axis);
        double[] o = new double[is.size()];
        for (int a = 0; a < outer; a++) {
            for (int j = 0; j < m; j++) {
                for (int b = 0; b < inner; b++) {
                    int q = (a * m + j) * inner + b;
                    int k = checkIndex("gather", index.data[q], n);
                    o[q] = data[(a * n + k) * inner + b];
                }
            }
        }
        return new NdArray(o, is);
    }

    /** The adjoint of {@link #gather}: zeros of {@code target} with this array's elements added at the index. */
    public NdArray scatterAdd(int axis, NdArray index, Shape target) {
        Shape is = index.shape;
        int outer = is.sizeBefore(axis);
        int inner = is.sizeAfter(axis);
        int m = is.dim(axis);
        int n = target.dim(axis);
        double[] o = new double[target.size()];
        for (int a = 0; a < outer; a++) {
            for (int j = 0; j < m; j++) {
                for (int b = 0; b < inner; b++) {
                    int q = (a * m + j) * inner + b;
                    int k = checkIndex("scatterAdd", index.data[q], n);
                    o[(a * n + k) * inner + b] += data[q];
                }
            }
        }
        return new NdArray(o, target);
    }

    private static int checkIndex(String op, double v, int n) {
        int k = (int) v;
        if (k != v || k < -n || k >= n) {
            throw new IndexOutOfBoundsException(op + ": index " + v + " out of range for axis of length " + n);
        }
        return k < 0 ? k + n : k;
    }

    /** Running sum along an axis. */
    public NdArray cumsum(int axis) {
        int outer = shape.sizeBefore(axis);
        int inner = shape.sizeAfter(axis);
        int n = shape.dim(axis);
        double[] o = new double[data.length];
        for (int a = 0; a < outer; a++) {
            int base = a * n * inner;
            System.arraycopy(data, base, o, base, Math.min(inner, data.length - base));
            for (int j = 1; j < n; j++) {
                int p = base + j * inner;
                for (int b = 0; b < inner; b++) {
                    o[p + b] = o[p - inner + b] + data[p + b];
                }
            }
        }
        return new NdArray(o, shape);
    }

    /** A contiguous copy of the strided view (offset, strides) of this buffer with the given shape. */
    NdArray strided(int offset, int[] s, Shape out) {
        double[] o = new double[out.size()];
        gatherStrided(data, offset, s, out.raw(), o);
        return new NdArray(o, out);
    }

    static void gatherStrided(double[] src, int offset, int[] s, int[] dims, double[] dst) {
        if (dst.length == 0) {
            return;
        }
        int rank = dims.length;
        if (rank == 0) {
            dst[0] = src[offset];
            return;
        }
        int last = rank - 1;
        int n = dims[last];
        int step = s[last];
        int[] idx = new int[rank];
        int pos = offset;
        int o = 0;
        while (true) {
            if (step == 1) {
                System.arraycopy(src, pos, dst, o, n);
            } else if (step == 0) {
                Arrays.fill(dst, o, o + n, src[pos]);
            } else {
                for (int i = 0, p = pos; i < n; i++, p += step) {
                    dst[o + i] = src[p];
                }
            }
            o += n;
            pos = nextRow(idx, s, dims, pos);
            if (pos < 0) {
                return;
            }
        }
    }

    /**
     * Advances the odometer {@code idx} over every axis but the last and returns the offset of the next row, or −1
     * when all rows are done.
     */
    private static int nextRow(int[] idx, int[] s, int[] dims, int pos) {
        for (int k = dims.length - 2; k >= 0; k--) {
            idx[k]++;
            pos += s[k];
            if (idx[k] < dims[k]) {
                return pos;
            }
            pos -= s[k] * dims[k];
            idx[k] = 0;
        }
        return -1;
    }

    static void scatterStrided(double[] src, double[] dst, int offset, int[] s, int[] dims) {
        int rank = dims.length;
        if (rank == 0) {
            dst[offset] = src[0];
            return;
        }
        int last = rank - 1;
        int n = dims[last];
        int step = s[last];
        int[] idx = new int[rank];
        int pos = offset;
        int o = 0;
        while (true) {
            if (step == 1) {
                System.arraycopy(src, o, dst, pos, n);
            } else {
                for (int i = 0, p = pos; i < n; i++, p += step) {
                    dst[p] = src[o + i];
                }
            }
            o += n;
            pos = nextRow(idx, s, dims, pos);
            if (pos < 0) {
                return;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NdArray && shape.equals(((NdArray) o).shape) && Arrays.equals(data, ((NdArray) o).data);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        format(sb, 0, 0);
        return sb.toString();
    }

    private int format(StringBuilder sb, int axis, int pos) {
        if (axis == shape.rank()) {
            sb.append(data[pos]);
            return pos + 1;
        }
        sb.append('[');
        int n = shape.dim(axis);
        int limit = 6;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (n > 2 * limit && i == limit) {
                sb.append("...");
                int skip = n - 2 * limit;
                pos += skip * strides[axis];
                i += skip - 1;
                continue;
            }
            pos = format(sb, axis + 1, pos);
        }
        sb.append(']');
        return pos;
    }
}
