package dev.adjoint.array;

/**
 * 2-d convolution kernels on channels-last images {@code [N, H, W, C]} with kernels {@code [kh, kw, C, O]}, by
 * im2col into one GEMM per image: the patches of one image ({@code [positions, kh·kw·C]}) are built, multiplied
 * and dropped before the next, so no more than one image's patches per thread exist at a time. Images are spread
 * over {@link Parallel}'s threads. Float32 operands run the same kernels on floats with sgemm; mixed dtypes are
 * computed in float64.
 *
 * <p>The three kernels are the partial derivatives of one trilinear form T(x, w, y) = Σ x[n, oy·sh − ph + i·dh,
 * ox·sw − pw + j·dw, c] · w[i, j, c, o] · y[n, oy, ox, o]: {@link #forward} is ∂T/∂y, {@link #image} is ∂T/∂x (the
 * transposed convolution) and {@link #kernel} is ∂T/∂w.
 */
public final class Convolution {

    /** At most this many partial kernel gradients are summed, in order, whatever the thread count. */
    private static final int PARTIALS = 8;

    private Convolution() {
    }

    /** The dtype of a kernel on a and b: float32 when both are, else float64 (see {@link NdArray}). */
    private static DType dtype(NdArray a, NdArray b) {
        return a.f32() && b.f32() ? DType.FLOAT32 : DType.FLOAT64;
    }

    /** y = x ⋆ w: {@code [N, H, W, C]} and {@code [kh, kw, C, O]} to {@code [N, OH, OW, O]}. */
    public static NdArray forward(NdArray x0, NdArray w0, Window g) {
        DType t = dtype(x0, w0);
        NdArray x = x0.astype(t);
        NdArray w = w0.astype(t);
        int n = x.shape.dim(0);
        int c = x.shape.dim(3);
        int o = w.shape.dim(3);
        int p = g.positions();
        int k = g.kh() * g.kw() * c;
        NdArray y = NdArray.zeros(g.output(n, o), t);
        if (y.size() > 0 && k > 0) {
            Parallel.forRange(n, (long) p * k * o, (chunk, from, to) -> {
                NdArray cols = NdArray.zeros(Shape.of(p, k), t);
                for (int b = from; b < to; b++) {
                    im2col(x.storage(), b * g.height() * g.width() * c, c, g, cols.storage());
                    Gemm.gemm(cols, 0, w, 0, y, b * p * o, p, o, k, false, false, 0);
                }
            });
        }
        return y;
    }

    /** x̄ = ∂T/∂x, the transposed convolution of {@code [N, OH, OW, O]} by {@code [kh, kw, C, O]}. */
    public static NdArray image(NdArray w0, NdArray y0, Window g) {
        DType t = dtype(w0, y0);
        NdArray w = w0.astype(t);
        NdArray y = y0.astype(t);
        int n = y.shape.dim(0);
        int c = w.shape.dim(2);
        int o = w.shape.dim(3);
        int p = g.positions();
        int k = g.kh() * g.kw() * c;
        int size = g.height() * g.width() * c;
        NdArray x = NdArray.zeros(g.image(n, c), t);
        if (x.size() > 0 && o > 0 && k > 0) {
            Parallel.forRange(n, (long) p * k * o, (chunk, from, to) -> {
                NdArray cols = NdArray.zeros(Shape.of(p, k), t);
                for (int b = from; b < to; b++) {
                    Gemm.gemm(y, b * p * o, w, 0, cols, 0, p, k, o, false, true, 0);
                    col2im(cols.storage(), x.storage(), b * size, c, g);
                }
            });
        }
        return x;
    }

    /**
     * w̄ = ∂T/∂w = Σₙ patches(xₙ)ᵀ yₙ, {@code [kh, kw, C, O]}: summed within at most {@value #PARTIALS} chunks of
     * images whose bounds depend only on N, then the chunks in order, so any thread count gives the same bits.
     */
    public static NdArray kernel(NdArray x0, NdArray y0, Window g) {
        DType t = dtype(x0, y0);
        NdArray x = x0.astype(t);
        NdArray y = y0.astype(t);
        int n = x.shape.dim(0);
        int c = x.shape.dim(3);
        int o = y.shape.dim(3);
        int p = g.positions();
        int k = g.kh() * g.kw() * c;
        Shape out = Shape.of(g.kh(), g.kw(), c, o);
        if (n == 0 || k * o == 0) {
            return NdArray.zeros(out, t);
        }
        int count = Parallel.chunks(n, (long) p * k * o, PARTIALS);
        NdArray[] partial = new NdArray[count];
        Parallel.run(n, count, (chunk, from, to) -> {
            NdArray cols = NdArray.zeros(Shape.of(p, k), t);
            NdArray acc = NdArray.zeros(out, t);
            for (int b = from; b < to; b++) {
                im2col(x.storage(), b * g.height() * g.width() * c, c, g, cols.storage());
                Gemm.gemm(cols, 0, y, b * p * o, acc, 0, k, o, p, true, false, b == from ? 0.0 : 1.0);
            }
            partial[chunk] = acc;
        });
        NdArray w = partial[0];
        for (int i = 1; i < count; i++) {
            w = w.add(partial[i]);
        }
        return w;
    }

    /**
     * The patches of one image at {@code off} as rows {@code [positions, kh·kw·c]}, zeros for the padding; x and
     * cols are both {@code double[]} or both {@code float[]}.
     */
    static void im2col(Object x, int off, int c, Window g, Object cols) {
        int h = g.height();
        int wd = g.width();
        int kw = g.kw();
        int at = 0;
        int oh = g.outHeight(); // computed once: Window derives it with divisions
        int ow = g.outWidth();
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                int ix0 = ox * g.sw() - g.pw();
                // Window columns [lo, hi) fall inside the image; the others read the padding.
                int lo = Math.max(0, ceilDiv(-ix0, g.dw()));
                int hi = Math.min(kw, ceilDiv(wd - ix0, g.dw()));
                for (int i = 0; i < g.kh(); i++) {
                    int iy = oy * g.sh() - g.ph() + i * g.dh();
                    if (iy < 0 || iy >= h || lo >= hi) {
                        zero(cols, at, at + kw * c);
                    } else {
                        zero(cols, at, at + lo * c);
                        int row = off + (iy * wd + ix0) * c;
                        if (g.dw() == 1) {
                            System.arraycopy(x, row + lo * c, cols, at + lo * c, (hi - lo) * c);
                        } else {
                            for (int j = lo; j < hi; j++) {
                                System.arraycopy(x, row + j * g.dw() * c, cols, at + j * c, c);
                            }
                        }
                        zero(cols, at + hi * c, at + kw * c);
                    }
                    at += kw * c;
                }
            }
        }
    }

    private static void zero(Object a, int from, int to) {
        if (a instanceof double[]) {
            java.util.Arrays.fill((double[]) a, from, to, 0);
        } else {
            java.util.Arrays.fill((float[]) a, from, to, 0);
        }
    }

    /** The adjoint of {@link #im2col}: each patch row added back where it was read from (both arrays one dtype). */
    static void col2im(Object cols, Object x, int off, int c, Window g) {
        int h = g.height();
        int wd = g.width();
        int kw = g.kw();
        int at = 0;
        int oh = g.outHeight(); // computed once: Window derives it with divisions
        int ow = g.outWidth();
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                int ix0 = ox * g.sw() - g.pw();
                int lo = Math.max(0, ceilDiv(-ix0, g.dw()));
                int hi = Math.min(kw, ceilDiv(wd - ix0, g.dw()));
                for (int i = 0; i < g.kh(); i++) {
                    int iy = oy * g.sh() - g.ph() + i * g.dh();
                    if (iy >= 0 && iy < h) {
                        int row = off + (iy * wd + ix0) * c;
                        for (int j = lo; j < hi; j++) {
                            addRow(cols, at + j * c, x, row + j * g.dw() * c, c);
                        }
                    }
                    at += kw * c;
                }
            }
        }
    }

    /** x[dst, dst + c) += cols[src, src + c): a typed loop per dtype, chosen once per row. */
    private static void addRow(Object cols, int src, Object x, int dst, int c) {
        if (cols instanceof float[] f) {
            float[] y = (float[]) x;
            for (int q = 0; q < c; q++) {
                y[dst + q] += f[src + q];
            }
        } else {
            double[] d = (double[]) cols;
            double[] y = (double[]) x;
            for (int q = 0; q < c; q++) {
                y[dst + q] += d[src + q];
            }
        }
    }

    /** ⌈a / b⌉ for b &gt; 0 (b = 1, no dilation, without a division: this runs once per output position). */
    private static int ceilDiv(int a, int b) {
        return b == 1 ? a : -Math.floorDiv(-a, b);
    }
}
