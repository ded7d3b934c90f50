package dev.adjoint.array;

/**
 * 2-d convolution kernels on channels-last images {@code [N, H, W, C]} with kernels {@code [kh, kw, C, O]}, by
 * im2col into one GEMM per image: the patches of one image ({@code [positions, kh·kw·C]}) are built, multiplied
 * and dropped before the next, so no more than one image's patches per thread exist at a time. Images are spread
 * over {@link Parallel}'s threads.
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

    /** y = x ⋆ w: {@code [N, H, W, C]} and {@code [kh, kw, C, O]} to {@code [N, OH, OW, O]}. */
    public static NdArray forward(NdArray x, NdArray w, Window g) {
        int n = x.shape.dim(0);
        int c = x.shape.dim(3);
        int o = w.shape.dim(3);
        int p = g.positions();
        int k = g.kh() * g.kw() * c;
        double[] y = new double[n * p * o];
        if (y.length > 0 && k > 0) {
            Parallel.forRange(n, (long) p * k * o, (chunk, from, to) -> {
                double[] cols = new double[p * k];
                for (int b = from; b < to; b++) {
                    im2col(x.data, b * g.height() * g.width() * c, c, g, cols);
                    Gemm.gemm(cols, 0, w.data, 0, y, b * p * o, p, o, k, false, false);
                }
            });
        }
        return new NdArray(y, g.output(n, o));
    }

    /** x̄ = ∂T/∂x, the transposed convolution of {@code [N, OH, OW, O]} by {@code [kh, kw, C, O]}. */
    public static NdArray image(NdArray w, NdArray y, Window g) {
        int n = y.shape.dim(0);
        int c = w.shape.dim(2);
        int o = w.shape.dim(3);
        int p = g.positions();
        int k = g.kh() * g.kw() * c;
        int size = g.height() * g.width() * c;
        double[] x = new double[n * size];
        if (x.length > 0 && o > 0 && k > 0) {
            Parallel.forRange(n, (long) p * k * o, (chunk, from, to) -> {
                double[] cols = new double[p * k];
                for (int b = from; b < to; b++) {
                    Gemm.gemm(y.data, b * p * o, w.data, 0, cols, 0, p, k, o, false, true);
                    col2im(cols, x, b * size, c, g);
                }
            });
        }
        return new NdArray(x, g.image(n, c));
    }

    /**
     * w̄ = ∂T/∂w = Σₙ patches(xₙ)ᵀ yₙ, {@code [kh, kw, C, O]}: summed within at most {@value #PARTIALS} chunks of
     * images whose bounds depend only on N, then the chunks in order, so any thread count gives the same bits.
     */
    public static NdArray kernel(NdArray x, NdArray y, Window g) {
        int n = x.shape.dim(0);
        int c = x.shape.dim(3);
        int o = y.shape.dim(3);
        int p = g.positions();
        int k = g.kh() * g.kw() * c;
        Shape out = Shape.of(g.kh(), g.kw(), c, o);
        if (n == 0 || k * o == 0) {
            return new NdArray(new double[k * o], out);
        }
        int count = Parallel.chunks(n, (long) p * k * o, PARTIALS);
        double[][] partial = new double[count][];
        Parallel.run(n, count, (chunk, from, to) -> {
            double[] cols = new double[p * k];
            double[] acc = new double[k * o];
            for (int b = from; b < to; b++) {
                im2col(x.data, b * g.height() * g.width() * c, c, g, cols);
                Gemm.gemm(cols, 0, y.data, b * p * o, acc, 0, k, o, p, true, false, b == from ? 0.0 : 1.0);
            }
            partial[chunk] = acc;
        });
        double[] w = partial[0];
        for (int i = 1; i < count; i++) {
            double[] q = partial[i];
            for (int j = 0; j < w.length; j++) {
                w[j] += q[j];
            }
        }
        return new NdArray(w, out);
    }

    /** The patches of one image at {@code off} as rows {@code [positions, kh·kw·c]}, zeros for the padding. */
    static void im2col(double[] x, int off, int c, Window g, double[] cols) {
        int h = g.height();
        int wd = g.width();
        int kw = g.kw();
        int at = 0;
        for (int oy = 0; oy < g.outHeight(); oy++) {
            for (int ox = 0; ox < g.outWidth(); ox++) {
                int ix0 = ox * g.sw() - g.pw();
                // Window columns [lo, hi) fall inside the image; the others read the padding.
                int lo = Math.max(0, ceilDiv(-ix0, g.dw()));
                int hi = Math.min(kw, ceilDiv(wd - ix0, g.dw()));
                for (int i = 0; i < g.kh(); i++) {
                    int iy = oy * g.sh() - g.ph() + i * g.dh();
                    if (iy < 0 || iy >= h || lo >= hi) {
                        java.util.Arrays.fill(cols, at, at + kw * c, 0);
                    } else {
                        java.util.Arrays.fill(cols, at, at + lo * c, 0);
                        int row = off + (iy * wd + ix0) * c;
                        if (g.dw() == 1) {
                            System.arraycopy(x, row + lo * c, cols, at + lo * c, (hi - lo) * c);
                        } else {
                            for (int j = lo; j < hi; j++) {
                                System.arraycopy(x, row + j * g.dw() * c, cols, at + j * c, c);
                            }
                        }
                        java.util.Arrays.fill(cols, at + hi * c, at + kw * c, 0);
                    }
                    at += kw * c;
                }
            }
        }
    }

    /** The adjoint of {@link #im2col}: each patch row added back where it was read from. */
    static void col2im(double[] cols, double[] x, int off, int c, Window g) {
        int h = g.height();
        int wd = g.width();
        int kw = g.kw();
        int at = 0;
        for (int oy = 0; oy < g.outHeight(); oy++) {
            for (int ox = 0; ox < g.outWidth(); ox++) {
                int ix0 = ox * g.sw() - g.pw();
                int lo = Math.max(0, ceilDiv(-ix0, g.dw()));
                int hi = Math.min(kw, ceilDiv(wd - ix0, g.dw()));
                for (int i = 0; i < g.kh(); i++) {
                    int iy = oy * g.sh() - g.ph() + i * g.dh();
                    if (iy >= 0 && iy < h) {
                        int row = off + (iy * wd + ix0) * c;
                        for (int j = lo; j < hi; j++) {
                            int dst = row + j * g.dw() * c;
                            int src = at + j * c;
                            for (int q = 0; q < c; q++) {
                                x[dst + q] += cols[src + q];
                            }
                        }
                    }
                    at += kw * c;
                }
            }
        }
    }

    /** ⌈a / b⌉ for b &gt; 0. */
    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
