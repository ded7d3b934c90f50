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
        int size = n * g.positions() * c;
        NdArray y = x.f32() ? new NdArray(new float[size], g.output(n, c)) : new NdArray(new double[size],
                g.output(n, c));
        Parallel.forRange(n, (long) g.positions() * g.kh() * g.kw() * c, (chunk, from, to) -> {
            if (x.f32()) {
                max(x.floats, g, c, from, to, y.floats);
            } else {
                max(x.data, g, c, from, to, y.data);
            }
        });
        return y;
    }

    // Each loop below exists for float[] and double[]: one loop per element type keeps it monomorphic, so the JIT
    // compiles the channel loop for that type instead of testing the type per element.

    private static void max(float[] x, Window g, int c, int from, int to, float[] y) {
        int h = g.height();
        int w = g.width();
        int oh = g.outHeight();
        int ow = g.outWidth();
        int kh = g.kh();
        int kw = g.kw();
        for (int b = from; b < to; b++) {
            int image = b * h * w * c;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int at = ((b * oh + oy) * ow + ox) * c;
                    int seen = 0;
                    for (int i = 0; i < kh; i++) {
                        int iy = oy * g.sh() - g.ph() + i * g.dh();
                        for (int j = 0; iy >= 0 && iy < h && j < kw; j++) {
                            int ix = ox * g.sw() - g.pw() + j * g.dw();
                            if (ix < 0 || ix >= w) {
                                continue;
                            }
                            int src = image + (iy * w + ix) * c;
                            if (seen++ == 0) {
                                for (int q = 0; q < c; q++) {
                                    y[at + q] = x[src + q];
                                }
                            } else {
                                for (int q = 0; q < c; q++) {
                                    y[at + q] = Math.max(y[at + q], x[src + q]);
                                }
                            }
                        }
                    }
                    onlyPadding(seen == 0, g);
                }
            }
        }
    }

    private static void max(double[] x, Window g, int c, int from, int to, double[] y) {
        int h = g.height();
        int w = g.width();
        int oh = g.outHeight();
        int ow = g.outWidth();
        int kh = g.kh();
        int kw = g.kw();
        for (int b = from; b < to; b++) {
            int image = b * h * w * c;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int at = ((b * oh + oy) * ow + ox) * c;
                    int seen = 0;
                    for (int i = 0; i < kh; i++) {
                        int iy = oy * g.sh() - g.ph() + i * g.dh();
                        for (int j = 0; iy >= 0 && iy < h && j < kw; j++) {
                            int ix = ox * g.sw() - g.pw() + j * g.dw();
                            if (ix < 0 || ix >= w) {
                                continue;
                            }
                            int src = image + (iy * w + ix) * c;
                            if (seen++ == 0) {
                                for (int q = 0; q < c; q++) {
                                    y[at + q] = x[src + q];
                                }
                            } else {
                                for (int q = 0; q < c; q++) {
                                    y[at + q] = Math.max(y[at + q], x[src + q]);
                                }
                            }
                        }
                    }
                    onlyPadding(seen == 0, g);
                }
            }
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

    /**
     * The flat index in x of each window's maximum, laid out like the output. "v &gt; m" is the sign bit of
     * m − v + 0 (exact: m − v is zero only when m = v, and + 0 turns −0 into +0), because a data-dependent branch
     * here mispredicts on half the elements and costs more than the rest of the loop; two equal infinities or a NaN
     * may pick a later element of the window.
     */
    static int[] argmax(NdArray x, Window g) {
        int n = x.shape.dim(0);
        int c = x.shape.dim(3);
        int[] arg = new int[n * g.positions() * c];
        Parallel.forRange(n, (long) g.positions() * g.kh() * g.kw() * c, (chunk, from, to) -> {
            if (x.f32()) {
                argmax(x.floats, g, c, from, to, arg);
            } else {
                argmax(x.data, g, c, from, to, arg);
            }
        });
        return arg;
    }

    private static void argmax(float[] x, Window g, int c, int from, int to, int[] arg) {
        int h = g.height();
        int w = g.width();
        int oh = g.outHeight();
        int ow = g.outWidth();
        int kh = g.kh();
        int kw = g.kw();
        float[] best = new float[c];
        for (int b = from; b < to; b++) {
            int image = b * h * w * c;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int at = ((b * oh + oy) * ow + ox) * c;
                    boolean first = true;
                    for (int i = 0; i < kh; i++) {
                        int iy = oy * g.sh() - g.ph() + i * g.dh();
                        for (int j = 0; iy >= 0 && iy < h && j < kw; j++) {
                            int ix = ox * g.sw() - g.pw() + j * g.dw();
                            if (ix < 0 || ix >= w) {
                                continue;
                            }
                            int src = image + (iy * w + ix) * c;
                            if (first) {
                                for (int q = 0; q < c; q++) {
                                    best[q] = x[src + q];
                                    arg[at + q] = src + q;
                                }
                                first = false;
                            } else {
                                for (int q = 0; q < c; q++) {
                                    float v = x[src + q];
                                    float m = best[q];
                                    int more = Float.floatToRawIntBits(m - v + 0f) >>> 31; // 1 iff v > m
                                    arg[at + q] += more * (src + q - arg[at + q]);
                                    best[q] = Math.max(m, v);
                                }
                            }
                        }
                    }
                    onlyPadding(first, g);
                }
            }
        }
    }

    private static void argmax(double[] x, Window g, int c, int from, int to, int[] arg) {
        int h = g.height();
        int w = g.width();
        int oh = g.outHeight();
        int ow = g.outWidth();
        int kh = g.kh();
        int kw = g.kw();
        double[] best = new double[c];
        for (int b = from; b < to; b++) {
            int image = b * h * w * c;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int at = ((b * oh + oy) * ow + ox) * c;
                    boolean first = true;
                    for (int i = 0; i < kh; i++) {
                        int iy = oy * g.sh() - g.ph() + i * g.dh();
                        for (int j = 0; iy >= 0 && iy < h && j < kw; j++) {
                            int ix = ox * g.sw() - g.pw() + j * g.dw();
                            if (ix < 0 || ix >= w) {
                                continue;
                            }
                            int src = image + (iy * w + ix) * c;
                            if (first) {
                                for (int q = 0; q < c; q++) {
                                    best[q] = x[src + q];
                                    arg[at + q] = src + q;
                                }
                                first = false;
                            } else {
                                for (int q = 0; q < c; q++) {
                                    double v = x[src + q];
                                    double m = best[q];
                                    int more = (int) (Double.doubleToRawLongBits(m - v + 0.0) >>> 63); // v > m
                                    arg[at + q] += more * (src + q - arg[at + q]);
                                    best[q] = Math.max(m, v);
                                }
                            }
                        }
                    }
                    onlyPadding(first, g);
                }
            }
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
        int h = g.height();
        int w = g.width();
        int oh = g.outHeight();
        int ow = g.outWidth();
        double scale = 1.0 / (g.kh() * g.kw());
        double[] y = new double[n * oh * ow * c];
        double[] d = x.data;
        Parallel.forRange(n, (long) oh * ow * g.kh() * g.kw() * c, (chunk, from, to) -> {
            for (int b = from; b < to; b++) {
                int image = b * h * w * c;
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        int at = ((b * oh + oy) * ow + ox) * c;
                        for (int i = 0; i < g.kh(); i++) {
                            int iy = oy * g.sh() - g.ph() + i * g.dh();
                            for (int j = 0; iy >= 0 && iy < h && j < g.kw(); j++) {
                                int ix = ox * g.sw() - g.pw() + j * g.dw();
                                if (ix >= 0 && ix < w) {
                                    int src = image + (iy * w + ix) * c;
                                    for (int q = 0; q < c; q++) {
                                        y[at + q] += d[src + q];
                                    }
                                }
                            }
                        }
                        for (int q = 0; q < c; q++) {
                            y[at + q] *= scale;
                        }
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
        int h = g.height();
        int w = g.width();
        int oh = g.outHeight();
        int ow = g.outWidth();
        double scale = 1.0 / (g.kh() * g.kw());
        double[] x = new double[n * h * w * c];
        double[] d = u.data;
        Parallel.forRange(n, (long) oh * ow * g.kh() * g.kw() * c, (chunk, from, to) -> {
            for (int b = from; b < to; b++) {
                int image = b * h * w * c;
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        int at = ((b * oh + oy) * ow + ox) * c;
                        for (int i = 0; i < g.kh(); i++) {
                            int iy = oy * g.sh() - g.ph() + i * g.dh();
                            for (int j = 0; iy >= 0 && iy < h && j < g.kw(); j++) {
                                int ix = ox * g.sw() - g.pw() + j * g.dw();
                                if (ix >= 0 && ix < w) {
                                    int dst = image + (iy * w + ix) * c;
                                    for (int q = 0; q < c; q++) {
                                        x[dst + q] += d[at + q] * scale;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        });
        return new NdArray(x, g.image(n, c));
    }
}
