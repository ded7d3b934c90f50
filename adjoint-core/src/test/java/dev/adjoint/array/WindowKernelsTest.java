package dev.adjoint.array;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Convolution and pooling kernels against the definition, written as plain index loops: the forward kernels
 * directly, the adjoint kernels through ⟨A x, y⟩ = ⟨x, Aᵀ y⟩ with the loops' A.
 */
class WindowKernelsTest {

    private static NdArray random(SplittableRandom r, int... dims) {
        Shape s = Shape.of(dims);
        double[] d = new double[s.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextDouble(-1, 1);
        }
        return NdArray.of(s, d);
    }

    private static double dot(NdArray a, NdArray b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += a.at(i) * b.at(i);
        }
        return s;
    }

    /** x at (n, row, column, c), zero outside the image. */
    private static double at(NdArray x, int n, int iy, int ix, int c) {
        Shape s = x.shape();
        return iy < 0 || iy >= s.dim(1) || ix < 0 || ix >= s.dim(2) ? 0 : x.get(n, iy, ix, c);
    }

    private static NdArray naiveConv(NdArray x, NdArray w, Window g) {
        int n = x.shape().dim(0);
        int o = w.shape().dim(3);
        double[] y = new double[n * g.positions() * o];
        int k = 0;
        for (int b = 0; b < n; b++) {
            for (int oy = 0; oy < g.outHeight(); oy++) {
                for (int ox = 0; ox < g.outWidth(); ox++) {
                    for (int q = 0; q < o; q++) {
                        double s = 0;
                        for (int i = 0; i < g.kh(); i++) {
                            for (int j = 0; j < g.kw(); j++) {
                                for (int c = 0; c < w.shape().dim(2); c++) {
                                    s += at(x, b, oy * g.sh() - g.ph() + i * g.dh(), ox * g.sw() - g.pw() + j * g.dw(),
                                            c) * w.get(i, j, c, q);
                                }
                            }
                        }
                        y[k++] = s;
                    }
                }
            }
        }
        return NdArray.of(g.output(n, o), y);
    }

    private static NdArray naivePool(NdArray x, Window g, boolean max) {
        int n = x.shape().dim(0);
        int ch = x.shape().dim(3);
        double[] y = new double[n * g.positions() * ch];
        int k = 0;
        for (int b = 0; b < n; b++) {
            for (int oy = 0; oy < g.outHeight(); oy++) {
                for (int ox = 0; ox < g.outWidth(); ox++) {
                    for (int c = 0; c < ch; c++) {
                        double s = max ? Double.NEGATIVE_INFINITY : 0;
                        for (int i = 0; i < g.kh(); i++) {
                            for (int j = 0; j < g.kw(); j++) {
                                int iy = oy * g.sh() - g.ph() + i * g.dh();
                                int ix = ox * g.sw() - g.pw() + j * g.dw();
                                boolean inside = iy >= 0 && iy < g.height() && ix >= 0 && ix < g.width();
                                if (max && inside) {
                                    s = Math.max(s, x.get(b, iy, ix, c));
                                } else if (!max) {
                                    s += at(x, b, iy, ix, c);
                                }
                            }
                        }
                        y[k++] = max ? s : s / (g.kh() * g.kw());
                    }
                }
            }
        }
        return NdArray.of(g.output(n, ch), y);
    }

    private static void close(NdArray a, NdArray b) {
        assertThat(a.shape()).isEqualTo(b.shape());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.at(i)).as("element " + i).isCloseTo(b.at(i), within(1e-12));
        }
    }

    @ParameterizedTest(name = "{0}×{1} over {2}×{3}, kernel {4}×{5}, stride {6},{7} pad {8},{9} dilation {10},{11}")
    @CsvSource({
        "2, 3, 5, 5, 3, 3, 1, 1, 1, 1, 1, 1",
        "3, 2, 7, 6, 2, 3, 2, 1, 1, 0, 1, 2",
        "1, 1, 4, 4, 1, 1, 1, 1, 0, 0, 1, 1",
        "4, 5, 9, 8, 3, 2, 2, 3, 2, 1, 2, 1",
        "17, 2, 6, 6, 3, 3, 1, 1, 1, 1, 1, 1"})
    void convolutionKernelsFollowTheDefinition(int c, int o, int h, int w, int kh, int kw, int sh, int sw, int ph,
                                               int pw, int dh, int dw) {
        SplittableRandom r = new SplittableRandom(h * 31 + w);
        Window g = new Window(h, w, kh, kw, sh, sw, ph, pw, dh, dw);
        int n = c == 17 ? 19 : 3;   // more images than partial sums
        c = c == 17 ? 2 : c;
        NdArray x = random(r, n, h, w, c);
        NdArray k = random(r, kh, kw, c, o);
        NdArray y = random(r, n, g.outHeight(), g.outWidth(), o);
        close(Convolution.forward(x, k, g), naiveConv(x, k, g));
        // ⟨conv(x, w), y⟩ = ⟨x, image(w, y)⟩ = ⟨w, kernel(x, y)⟩ = T(x, w, y).
        double t = dot(naiveConv(x, k, g), y);
        assertThat(dot(x, Convolution.image(k, y, g))).isCloseTo(t, within(1e-10));
        assertThat(dot(k, Convolution.kernel(x, y, g))).isCloseTo(t, within(1e-10));
        NdArray dk = random(r, kh, kw, c, o);
        assertThat(dot(dk, Convolution.kernel(x, y, g))).isCloseTo(dot(naiveConv(x, dk, g), y), within(1e-10));
    }

    @ParameterizedTest(name = "size {0} stride {1} pad {2} over {3}×{4}")
    @CsvSource({"2, 2, 0, 4, 4", "3, 2, 1, 5, 5", "3, 1, 1, 4, 6", "2, 1, 1, 3, 3", "1, 1, 0, 2, 3"})
    void poolingKernelsFollowTheDefinition(int k, int s, int p, int h, int w) {
        SplittableRandom r = new SplittableRandom(k * 100 + h);
        Window g = Window.square(h, w, k, s, p, 1);
        NdArray x = random(r, 2, h, w, 3);
        close(Pooling.max(x, g), naivePool(x, g, true));
        close(Pooling.average(x, g), naivePool(x, g, false));
        NdArray u = random(r, 2, g.outHeight(), g.outWidth(), 3);
        NdArray t = random(r, 2, h, w, 3);
        // select(x, ·) is linear with adjoint scatter(x, ·); at t = x it gives the maxima.
        close(Pooling.select(x, x, g), Pooling.max(x, g));
        assertThat(dot(Pooling.select(x, t, g), u)).isCloseTo(dot(t, Pooling.scatter(x, u, g)), within(1e-12));
        assertThat(dot(naivePool(t, g, false), u)).isCloseTo(dot(t, Pooling.averageTranspose(u, g)), within(1e-12));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"float64", "float32"})
    void tiesGoToTheFirstMaximumOfAWindowInBothDtypes(String dtype) {
        // Four 2 × 2 windows: ties of equal values, of −0 and +0, a unique maximum last, all equal.
        NdArray x = NdArray.of(Shape.of(1, 4, 4, 1),
                1, 1, 0, -0.0,
                0, 1, -0.0, 0,
                -3, -2, 5, 5,
                -1, 7, 5, 5).astype(DType.parse(dtype));
        Window g = Window.square(4, 4, 2, 2, 0, 1);
        NdArray u = NdArray.of(Shape.of(1, 2, 2, 1), 10, 20, 30, 40).astype(x.dtype());
        NdArray back = Pooling.scatter(x, u, g);
        assertThat(back.dtype()).isEqualTo(x.dtype());
        assertThat(back.toArray()).containsExactly(
                10, 0, 20, 0,
                0, 0, 0, 0,
                0, 0, 40, 0,
                0, 30, 0, 0);
        assertThat(Pooling.max(x, g).toArray()).containsExactly(1, 0, 7, 5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'0, 3, 3, 3, 1, 1, 0, 0, 1, 1', positive", "'4, 4, 5, 5, 1, 1, 0, 0, 1, 1', does not fit",
        "'4, 4, 3, 3, 0, 1, 0, 0, 1, 1', positive", "'6, 6, 3, 3, 1, 1, -1, 0, 1, 1', padding"})
    void badWindowsAreRefused(String numbers, String message) {
        int[] v = java.util.Arrays.stream(numbers.split(",")).mapToInt(q -> Integer.parseInt(q.trim())).toArray();
        assertThatThrownBy(() -> new Window(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
