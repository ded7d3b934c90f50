package dev.adjoint.array;

/**
 * Reductions over any set of axes. The reduced axes are brought to the end (a strided copy when they are not
 * already there), so each output element reduces one contiguous block; sums are pairwise, accurate to
 * O(ε log n) rather than O(ε n).
 */
public final class Reductions {

    private static final int BLOCK = 64;

    private Reductions() {
    }

    /** The sum over {@code axes} (normalised, sorted), keeping them as size-1 axes when keepDims. */
    public static NdArray sum(NdArray x, int[] axes, boolean keepDims) {
        Shape out = x.shape.reduce(axes, keepDims);
        double[] blocks = trailing(x, axes);
        int n = out.size();
        double[] o = new double[n];
        int r = n == 0 ? 0 : blocks.length / n;
        for (int i = 0; i < n; i++) {
            o[i] = pairwise(blocks, i * r, r);
        }
        return new NdArray(o, out);
    }

    /** The maximum over {@code axes}. */
    public static NdArray max(NdArray x, int[] axes, boolean keepDims) {
        Shape out = x.shape.reduce(axes, keepDims);
        double[] blocks = trailing(x, axes);
        int n = out.size();
        double[] o = new double[n];
        int r = n == 0 ? 0 : blocks.length / n;
        if (r == 0 && n > 0) {
            throw new IllegalArgumentException("max: reduction over an empty axis of shape " + x.shape);
        }
        for (int i = 0; i < n; i++) {
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
        return new NdArray(o, out);
    }

    /** The position of the (first) maximum along one axis, as doubles. */
    public static NdArray argmax(NdArray x, int axis, boolean keepDims) {
        int[] axes = {axis};
        Shape out = x.shape.reduce(axes, keepDims);
        double[] blocks = trailing(x, axes);
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
    private static double[] trailing(NdArray x, int[] axes) {
        int r = x.shape.rank();
        boolean already = true;
        for (int i = 0; i < axes.length; i++) {
            if (axes[i] != r - axes.length + i) {
                already = false;
                break;
            }
        }
        if (already) {
            return x.data;
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
        return x.transpose(perm).data;
    }

    /** Pairwise sum of {@code a[from .. from+n)}. */
    static double pairwise(double[] a, int from, int n) {
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
