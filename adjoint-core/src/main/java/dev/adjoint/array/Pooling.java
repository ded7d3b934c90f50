package dev.adjoint.array;

/**
 * Max and average pooling over the windows of channels-last images {@code [N, H, W, C]}, each channel on its own,
 * images spread over {@link Parallel}'s threads. Padding never wins a maximum and counts as zero in an average
 * (PyTorch's default). The maximum of a window is its first largest element in row-major window order; the
 * derivative kernels route through that element.
 */
public final class Pooling {

    private Pooling() {
    }

    /** The window maxima, {@code [N, OH, OW, C]}. */
    public static NdArray max(NdArray x, Window g) {
        int n = x.shape.dim(0);
        int c = x.shape.dim(3);
        NdArray y = NdArray.zeros(g.output(n, c), x.dtype());
        int[] taps = g.taps();
        int per = g.kh() * g.kw();
        int positions = g.positions();
        int pixels = g.height() * g.width();
        Parallel.forRange(n, (long) taps.length * c, (chunk, from, to) -> {
            for (int b = from; b < to; b++) {
                for (int p = 0, at = b * positions * c; p < positions; p++, at += c) {
                    boolean first = true;
                    for (int t = p * per; t < (p + 1) * per; t++) {
                        if (taps[t] >= 0) {
                            int src = (b * pixels + taps[t]) * c;
                            if (x.f32()) {
                                maxRow(x.floats, src, y.floats, at, c, first);
                            } else {
                                maxRow(x.data, src, y.data, at, c, first);
                            }
                            first = false;
                        }
                    }
                    onlyPadding(first, g);
                }
            }
        });
        return y;
    }

    // The row helpers below exist for float[] and double[]: one loop per element type keeps it monomorphic, so the
    // JIT compiles the channel loop for that type instead of testing the type per element.

    private static void maxRow(float[] x, int src, float[] y, int at, int c, boolean first) {
        if (first) {
            System.arraycopy(x, src, y, at, c);
            return;
        }
        for (int q = 0; q < c; q++) {
            y[at + q] = Math.max(y[at + q], x[src + q]);
        }
    }

    private static void maxRow(double[] x, int src, double[] y, int at, int c, boolean first) {
        if (first) {
            System.arraycopy(x, src, y, at, c);
            return;
        }
        for (int q = 0; q < c; q++) {
            y[at + q] = Math.max(y[at + q], x[src + q]);
        }
    }

    /** {@code t} (shaped like x) read where x has its window maxima: the tangent of {@link #max}. */
    public static NdArray select(NdArray x, NdArray t, Window g) {
        int n = x.shape.dim(0);
        int c = x.shape.dim(3);
        int[] arg = argmax(x, g);
        if (t.f32()) {
            float[] y = new float[n * g.positions() * c];
            float[] s = t.floats;
            for (int i = 0; i < y.length; i++) {
                y[i] = s[arg[i]];
            }
            return new NdArray(y, g.output(n, c));
        }
        double[] y = new double[n * g.positions() * c];
        for (int i = 0; i < y.length; i++) {
            y[i] = t.data[arg[i]];
        }
        return new NdArray(y, g.output(n, c));
    }

    /** {@code u} (shaped like the output) added where x has its window maxima: the adjoint of {@link #select}. */
    public static NdArray scatter(NdArray x, NdArray u, Window g) {
        int n = x.shape.dim(0);
        int c = x.shape.dim(3);
        int[] arg = argmax(x, g);
        int per = g.positions() * c;
        NdArray result = NdArray.zeros(x.shape, u.dtype());
        // Each image's windows lie in that image, so images are independent; within one the order is fixed.
        Parallel.forRange(n, per, (chunk, from, to) -> {
            if (u.f32()) {
                float[] out = result.floats;
                for (int i = from * per; i < to * per; i++) {
                    out[arg[i]] += u.floats[i];
                }
            } else {
                double[] out = result.data;
                for (int i = from * per; i < to * per; i++) {
                    out[arg[i]] += u.data[i];
                }
            }
        });
        return result;
    }

    /** The flat index in x of each window's maximum (its first largest element), laid out like the output. */
    static int[] argmax(NdArray x, Window g) {
        int n = x.shape.dim(0);
        int c = x.shape.dim(3);
        int[] arg = new int[n * g.positions() * c];
        int[] taps = g.taps();
        int per = g.kh() * g.kw();
        int positions = g.positions();
        int pixels = g.height() * g.width();
        Parallel.forRange(n, (long) taps.length * c, (chunk, from, to) -> {
            float[] best32 = x.f32() ? new float[c] : null;
            double[] best64 = x.f32() ? null : new double[c];
            for (int b = from; b < to; b++) {
                for (int p = 0, at = b * positions * c; p < positions; p++, at += c) {
                    boolean first = true;
                    for (int t = p * per; t < (p + 1) * per; t++) {
                        if (taps[t] >= 0) {
                            int src = (b * pixels + taps[t]) * c;
                            if (first) {
                                firstRow(x.f32() ? x.floats : x.data, src, x.f32() ? best32 : best64, arg, at, c);
                            } else if (x.f32()) {
                                argmaxRow(x.floats, src, best32, arg, at, c);
                            } else {
                                argmaxRow(x.data, src, best64, arg, at, c);
                            }
                            first = false;
                        }
                    }
                    onlyPadding(first, g);
                }
            }
        });
        return arg;
    }

    // "v > m" below is the sign bit of m − v + 0 (exact: m − v is zero only when m = v, and + 0 turns −0 into +0),
    // because a data-dependent branch here mispredicts on half the elements and costs more than the rest of the
    // loop; two equal infinities or a NaN may pick a later element of the window.

    /** The window's first pixel row: the best so far is that row, at its own indices (either dtype's arrays). */
    private static void firstRow(Object x, int src, Object best, int[] arg, int at, int c) {
        System.arraycopy(x, src, best, 0, c);
        for (int q = 0; q < c; q++) {
            arg[at + q] = src + q;
        }
    }

    private static void argmaxRow(float[] x, int src, float[] best, int[] arg, int at, int c) {
        for (int q = 0; q < c; q++) {
            float v = x[src + q];
            float m = best[q];
            int more = Float.floatToRawIntBits(m - v + 0f) >>> 31;
            arg[at + q] += more * (src + q - arg[at + q]);
            best[q] = Math.max(m, v);
        }
    }

    private static void argmaxRow(double[] x, int src, double[] best, int[] arg, int at, int c) {
        for (int q = 0; q < c; q++) {
            double v = x[src + q];
            double m = best[q];
            int more = (int) (Double.doubleToRawLongBits(m - v + 0.0) >>> 63);
            arg[at + q] += more * (src + q - arg[at + q]);
            best[q] = Math.max(m, v);
        }
    }

    private static void onlyPadding(boolean first, Window g) {
        if (first) {
            throw new IllegalArgumentException("maxPool2d: window " + g + " has a position that sees only padding");
        }
    }

    /** The window means (padding counts as zero), {@code [N, OH, OW, C]}; float32 computed in float64. */
    public static NdArray average(NdArray x, Window g) {
        if (x.f32()) {
            return average(x.f64(), g).astype(DType.FLOAT32);
        }
        int n = x.shape.dim(0);
        int c = x.shape.dim(3);
        double scale = 1.0 / (g.kh() * g.kw());
        double[] y = new double[n * g.positions() * c];
        double[] d = x.data;
        int[] taps = g.taps();
        int per = g.kh() * g.kw();
        int positions = g.positions();
        int pixels = g.height() * g.width();
        Parallel.forRange(n, (long) taps.length * c, (chunk, from, to) -> {
            for (int b = from; b < to; b++) {
                for (int p = 0, at = b * positions * c; p < positions; p++, at += c) {
                    for (int t = p * per; t < (p + 1) * per; t++) {
                        if (taps[t] >= 0) {
                            int src = (b * pixels + taps[t]) * c;
                            for (int q = 0; q < c; q++) {
                                y[at + q] += d[src + q];
                            }
                        }
                    }
                    for (int q = 0; q < c; q++) {
                        y[at + q] *= scale;
                    }
                }
            }
        });
        return new NdArray(y, g.output(n, c));
    }

    /** The adjoint of {@link #average}: each output's value over kh·kw added to its window, {@code [N, H, W, C]}. */
    public static NdArray averageTranspose(NdArray u, Window g) {
        if (u.f32()) {
            return averageTranspose(u.f64(), g).astype(DType.FLOAT32);
        }
        int n = u.shape.dim(0);
        int c = u.shape.dim(3);
        double scale = 1.0 / (g.kh() * g.kw());
        int pixels = g.height() * g.width();
        double[] x = new double[n * pixels * c];
        double[] d = u.data;
        int[] taps = g.taps();
        int per = g.kh() * g.kw();
        int positions = g.positions();
        Parallel.forRange(n, (long) taps.length * c, (chunk, from, to) -> {
            for (int b = from; b < to; b++) {
                for (int p = 0, at = b * positions * c; p < positions; p++, at += c) {
                    for (int t = p * per; t < (p + 1) * per; t++) {
                        if (taps[t] >= 0) {
                            int dst = (b * pixels + taps[t]) * c;
                            for (int q = 0; q < c; q++) {
                                x[dst + q] += d[at + q] * scale;
                            }
                        }
                    }
                }
            }
        });
        return new NdArray(x, g.image(n, c));
    }
}
