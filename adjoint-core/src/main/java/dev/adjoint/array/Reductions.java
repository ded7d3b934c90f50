package dev.adjoint.array;

/**
 * Reductions over any set of axes. The reduced axes are brought to the end (a strided copy when they are not
 * already there), so each output element reduces one contiguous block; sums are pairwise, accurate to
 * O(ε log n) rather than O(ε n). A sum over a block of consecutive axes followed by kept ones (a bias gradient:
 * axis 0 of [batch, features]) instead adds whole rows, column by column in the same pairwise order, so it needs
 * no copy and gives the same bits. Float32 arrays are summed the same way with double accumulators, the results
 * rounded to float once (more accurate than float accumulation, at the same speed).
 */
public final class Reductions {

    private static final int BLOCK = 64;

    /** Columns summed together when adding rows (four accumulator rows of this length stay in L1). */
    private static final int COLUMNS = 512;

    private Reductions() {
    }

    /**
     * The sum over {@code axes} (normalised, sorted), keeping them as size-1 axes when keepDims. A float32 array is
     * summed in double along the same pairwise tree and each result rounded to float once.
     */
    public static NdArray sum(NdArray x, int[] axes, boolean keepDims) {
        Shape out = x.shape.reduce(axes, keepDims);
        int last = axes.length == 0 ? -1 : axes[axes.length - 1];
        boolean f32 = x.f32();
        if (last >= 0 && last < x.shape.rank() - 1 && last - axes[0] == axes.length - 1) {
            int outer = x.shape.sizeBefore(axes[0]);
            int inner = x.shape.sizeAfter(last);
            int rows = 1;
            for (int a : axes) {
                rows *= x.shape.dim(a);
            }
            double[] o = new double[out.size()];
            // Independent pieces: each outer block's columns, COLUMNS at a time (the order sumRows uses anyway).
            int pieces = (inner + COLUMNS - 1) / COLUMNS;
            int cols = rows;
            Parallel.each(outer * pieces, (long) cols * Math.min(inner, COLUMNS), (from, to) -> {
                for (int q = from; q < to; q++) {
                    int a = q / pieces;
                    int j = (q % pieces) * COLUMNS;
                    int w = Math.min(COLUMNS, inner - j);
                    if (f32) {
                        columns(x.floats, a * cols * inner + j, cols, inner, w, o, a * inner + j);
                    } else {
                        columns(x.data, a * cols * inner + j, cols, inner, w, o, a * inner + j);
                    }
                }
            });
            return result(o, out, f32);
        }
        NdArray blocks = trailing(x, axes);
        int n = out.size();
        double[] o = new double[n];
        int r = n == 0 ? 0 : blocks.size() / n;
        if (n < Parallel.threads()) {
            for (int i = 0; i < n; i++) {
                o[i] = f32 ? sum(blocks.floats, i * r, r) : sum(blocks.data, i * r, r);
            }
        } else {
            Parallel.each(n, r, (from, to) -> {
                for (int i = from; i < to; i++) {
                    o[i] = f32 ? pairwise(blocks.floats, i * r, r) : pairwise(blocks.data, i * r, r);
                }
            });
        }
        return result(o, out, f32);
    }

    private static NdArray result(double[] o, Shape out, boolean f32) {
        if (!f32) {
            return new NdArray(o, out);
        }
        float[] f = new float[o.length];
        for (int i = 0; i < o.length; i++) {
            f[i] = (float) o[i];
        }
        return new NdArray(f, out);
    }

    /** A leaf of the summation tree: the pairwise sum of {@code n} elements from {@code from}. */
    @FunctionalInterface
    private interface Leaf {
        double sum(int from, int n);
    }

    /**
     * {@link #pairwise}, with the top of its summation tree split over the threads: the same tree, so the same
     * bits, whatever the thread count.
     */
    public static double sum(double[] a, int from, int n) {
        return tree(from, n, (f, m) -> pairwise(a, f, m));
    }

    /** {@link #sum(double[], int, int)} of floats, accumulated in double. */
    public static double sum(float[] a, int from, int n) {
        return tree(from, n, (f, m) -> pairwise(a, f, m));
    }

    private static double tree(int from, int n, Leaf leaf) {
        int depth = 0;
        while ((1 << depth) < 2 * Parallel.threads() && (n >> depth) > Parallel.GRAIN) {
            depth++;
        }
        if (depth == 0 || Parallel.threads() == 1) {
            return leaf.sum(from, n);
        }
        int leaves = 1 << depth;
        int[] start = new int[leaves];
        int[] size = new int[leaves];
        split(from, n, depth, start, size, 0);
        double[] part = new double[leaves];
        Parallel.run(leaves, leaves, (c, lo, hi) -> part[c] = start[c] < 0 ? 0 : leaf.sum(start[c], size[c]));
        return combine(part, start, 0, leaves);
    }

    /** The ranges of the tree's nodes {@code depth} levels down, left to right (start −1: no such node). */
    private static void split(int from, int n, int depth, int[] start, int[] size, int at) {
        int width = 1 << depth;
        if (depth == 0 || n <= BLOCK) {
            start[at] = from;
            size[at] = n;
            for (int k = at + 1; k < at + width; k++) {
                start[k] = -1;      // this node is a leaf of pairwise: its range is summed whole at slot `at`
            }
            return;
        }
        int h = (n / 2 + 3) & ~3;
        split(from, h, depth - 1, start, size, at);
        split(from + h, n - h, depth - 1, start, size, at + width / 2);
    }

    /** The partial sums added back up the same tree. */
    private static double combine(double[] part, int[] start, int at, int width) {
        if (width == 1) {
            return part[at];
        }
        if (start[at + width / 2] < 0 && allEmpty(start, at + 1, at + width)) {
            return part[at];
        }
        return combine(part, start, at, width / 2) + combine(part, start, at + width / 2, width / 2);
    }

    private static boolean allEmpty(int[] start, int from, int to) {
        for (int k = from; k < to; k++) {
            if (start[k] >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The maximum over {@code axes}. */
    public static NdArray max(NdArray x, int[] axes, boolean keepDims) {
        if (x.f32()) {
            return max(x.f64(), axes, keepDims).astype(DType.FLOAT32);
        }
        Shape out = x.shape.reduce(axes, keepDims);
        double[] blocks = trailing(x, axes).data;
        int n = out.size();
        double[] o = new double[n];
        int r = n == 0 ? 0 : blocks.length / n;
        if (r == 0 && n > 0) {
            throw new IllegalArgumentException("max: reduction over an empty axis of shape " + x.shape);
        }
        Parallel.each(n, r, (from, to) -> maxima(blocks, r, o, from, to));
        return new NdArray(o, out);
    }

    private static void maxima(double[] blocks, int r, double[] o, int from, int to) {
        for (int i = from; i < to; i++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int j = i * r, e = j + r; j < e; j++) {
                double v = blocks[j];
                if (v > m || Double.isNaN(v)) {
                    m = v;
                    if (Double.isNaN(v)) {
                        break;
                    }
                }
            }
            o[i] = m;
        }
    }

    /** The position of the (first) maximum along one axis, as numbers of x's dtype. */
    public static NdArray argmax(NdArray x, int axis, boolean keepDims) {
        if (x.f32()) {
            return argmax(x.f64(), axis, keepDims).astype(DType.FLOAT32);
        }
        int[] axes = {axis};
        Shape out = x.shape.reduce(axes, keepDims);
        double[] blocks = trailing(x, axes).data;
        int n = out.size();
        int r = x.shape.dim(axis);
        if (r == 0) {
            throw new IllegalArgumentException("argmax: empty axis in shape " + x.shape);
        }
        double[] o = new double[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            double m = blocks[i * r];
            for (int j = 1; j < r; j++) {
                double v = blocks[i * r + j];
                if (v > m) {
                    m = v;
                    best = j;
                }
            }
            o[i] = best;
        }
        return new NdArray(o, out);
    }

    /** The elements reordered so the reduced axes come last (no copy when they already do). */
    private static NdArray trailing(NdArray x, int[] axes) {
        int r = x.shape.rank();
        boolean already = true;
        for (int i = 0; i < axes.length; i++) {
            if (axes[i] != r - axes.length + i) {
                already = false;
                break;
            }
        }
        if (already) {
            return x;
        }
        int[] perm = new int[r];
        boolean[] reduced = new boolean[r];
        for (int a : axes) {
            reduced[a] = true;
        }
        int k = 0;
        for (int i = 0; i < r; i++) {
            if (!reduced[i]) {
                perm[k++] = i;
            }
        }
        for (int a : axes) {
            perm[k++] = a;
        }
        return x.transpose(perm);
    }

    /**
     * {@code dst[d + j]} = the pairwise sum over i &lt; n of {@code a[from + i·inner + j]}, for j &lt; inner: each
     * column's additions are those of {@link #pairwise} in the same order, done for many columns at once.
     */
    static void sumRows(double[] a, int from, int n, int inner, double[] dst, int d) {
        for (int j = 0; j < inner; j += COLUMNS) {
            columns(a, from + j, n, inner, Math.min(COLUMNS, inner - j), dst, d + j);
        }
    }

    private static void columns(double[] a, int from, int n, int stride, int w, double[] dst, int d) {
        if (n <= BLOCK) {
            double[] s0 = new double[w];
            double[] s1 = new double[w];
            double[] s2 = new double[w];
            double[] s3 = new double[w];
            int i = 0;
            for (; i + 3 < n; i += 4) {
                int p = from + i * stride;
                for (int j = 0; j < w; j++) {
                    s0[j] += a[p + j];
                    s1[j] += a[p + stride + j];
                    s2[j] += a[p + 2 * stride + j];
                    s3[j] += a[p + 3 * stride + j];
                }
            }
            for (; i < n; i++) {
                int p = from + i * stride;
                for (int j = 0; j < w; j++) {
                    s0[j] += a[p + j];
                }
            }
            for (int j = 0; j < w; j++) {
                dst[d + j] = (s0[j] + s1[j]) + (s2[j] + s3[j]);
            }
            return;
        }
        int h = (n / 2 + 3) & ~3;
        double[] right = new double[w];
        columns(a, from, h, stride, w, dst, d);
        columns(a, from + h * stride, n - h, stride, w, right, 0);
        for (int j = 0; j < w; j++) {
            dst[d + j] += right[j];
        }
    }

    /** {@link #columns(double[], int, int, int, int, double[], int)} of floats, accumulated in double. */
    private static void columns(float[] a, int from, int n, int stride, int w, double[] dst, int d) {
        if (n <= BLOCK) {
            double[] s0 = new double[w];
            double[] s1 = new double[w];
            double[] s2 = new double[w];
            double[] s3 = new double[w];
            int i = 0;
            for (; i + 3 < n; i += 4) {
                int p = from + i * stride;
                for (int j = 0; j < w; j++) {
                    s0[j] += a[p + j];
                    s1[j] += a[p + stride + j];
                    s2[j] += a[p + 2 * stride + j];
                    s3[j] += a[p + 3 * stride + j];
                }
            }
            for (; i < n; i++) {
                int p = from + i * stride;
                for (int j = 0; j < w; j++) {
                    s0[j] += a[p + j];
                }
            }
            for (int j = 0; j < w; j++) {
                dst[d + j] = (s0[j] + s1[j]) + (s2[j] + s3[j]);
            }
            return;
        }
        int h = (n / 2 + 3) & ~3;
        double[] right = new double[w];
        columns(a, from, h, stride, w, dst, d);
        columns(a, from + h * stride, n - h, stride, w, right, 0);
        for (int j = 0; j < w; j++) {
            dst[d + j] += right[j];
        }
    }

    /** {@link #pairwise(double[], int, int)} of floats, accumulated in double. */
    public static double pairwise(float[] a, int from, int n) {
        if (n <= BLOCK) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int i = from;
            int end = from + n;
            for (; i + 3 < end; i += 4) {
                s0 += a[i];
                s1 += a[i + 1];
                s2 += a[i + 2];
                s3 += a[i + 3];
            }
            for (; i < end; i++) {
                s0 += a[i];
            }
            return (s0 + s1) + (s2 + s3);
        }
        int h = (n / 2 + 3) & ~3;
        return pairwise(a, from, h) + pairwise(a, from + h, n - h);
    }

    /** Pairwise sum of {@code a[from .. from+n)}: the summation order of every sum here (and of generated loops). */
    public static double pairwise(double[] a, int from, int n) {
        if (n <= BLOCK) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int i = from;
            int end = from + n;
            for (; i + 3 < end; i += 4) {
                s0 += a[i];
                s1 += a[i + 1];
                s2 += a[i + 2];
                s3 += a[i + 3];
            }
            for (; i < end; i++) {
                s0 += a[i];
            }
            return (s0 + s1) + (s2 + s3);
        }
        int h = (n / 2 + 3) & ~3;
        return pairwise(a, from, h) + pairwise(a, from + h, n - h);
    }
}
