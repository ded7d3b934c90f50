package dev.adjoint.array;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Shapes, layout kernels against index arithmetic, accurate sums and BLAS products against a plain loop. */
class ArrayTest {

    private static NdArray random(SplittableRandom r, int... dims) {
        Shape s = Shape.of(dims);
        double[] d = new double[s.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextDouble(-1, 1);
        }
        return NdArray.of(s, d);
    }

    @Test
    void reluSlopeOnBitsEqualsTheComparisonsOnEveryKindOfValue() {
        double[] special = {0.0, -0.0, 1.5, -1.5, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
            -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
            Double.longBitsToDouble(0xfff8000000000000L), 3e-39, -3e-39};
        int n = special.length;
        double[] v = new double[n * n];
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                v[i * n + j] = special[i];
                g[i * n + j] = special[j];
            }
        }
        for (DType t : DType.values()) {
            NdArray x = NdArray.of(Shape.of(n * n), v).astype(t);
            NdArray u = NdArray.of(Shape.of(n * n), g).astype(t);
            NdArray got = x.reluSlope(u);
            assertThat(got.dtype()).isEqualTo(t);
            for (int k = 0; k < n * n; k++) {
                double a = x.at(k);
                double b = u.at(k);
                double expected = a > 0 ? b : a == 0 && b != 0 ? (t == DType.FLOAT32 ? (double) (0.5f * (float) b)
                        : 0.5 * b) : 0;
                assertThat(Double.doubleToRawLongBits(got.at(k))).as(t + ": input " + a + ", cotangent " + b)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
            }
        }
    }

    @Test
    void shapesCompareByValue() {
        assertThat(Shape.of(2, 3)).isEqualTo(Shape.of(2, 3)).hasSameHashCodeAs(Shape.of(2, 3));
        assertThat(Shape.of(2, 3)).isNotEqualTo(Shape.of(3, 2));
        assertThat(Shape.of(2, 3).toString()).isEqualTo("[2, 3]");
        assertThat(Shape.of(2, 3).strides()).containsExactly(3, 1);
        assertThat(Shape.scalar().size()).isEqualTo(1);
        assertThatThrownBy(() -> Shape.of(-1)).hasMessageContaining("negative");
    }

    @Test
    void numpyBroadcasting() {
        assertThat(Shape.broadcast("op", Shape.of(8, 1, 6, 1), Shape.of(7, 1, 5))).isEqualTo(Shape.of(8, 7, 6, 5));
        assertThat(Shape.broadcast("op", Shape.of(5, 4), Shape.of(1))).isEqualTo(Shape.of(5, 4));
        assertThat(Shape.broadcast("op", Shape.scalar(), Shape.of(3))).isEqualTo(Shape.of(3));
        assertThatThrownBy(() -> Shape.broadcast("op", Shape.of(2, 1), Shape.of(8, 4, 3)))
                .hasMessageContaining("op: shapes [2, 1] and [8, 4, 3]");
        NdArray a = NdArray.of(Shape.of(2, 1), 1, 2);
        NdArray b = a.broadcastTo(Shape.of(3, 2, 2));
        assertThat(b.get(2, 1, 0)).isEqualTo(2);
        assertThat(b.get(0, 0, 1)).isEqualTo(1);
    }

    @Test
    void layoutKernelsAgreeWithIndexArithmetic() {
        SplittableRandom r = new SplittableRandom(1);
        NdArray x = random(r, 3, 4, 5);
        NdArray t = x.transpose(2, 0, 1);
        NdArray s = x.slice(new int[] {1, 0, 1}, new int[] {3, 4, 5}, new int[] {1, 2, 3});
        NdArray f = x.flip(1);
        NdArray p = x.pad(new int[] {1, 0, 0}, new int[] {0, 2, 0}, new int[] {0, 1, 0});
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 5; k++) {
                    assertThat(t.get(k, i, j)).isEqualTo(x.get(i, j, k));
                    assertThat(f.get(i, 3 - j, k)).isEqualTo(x.get(i, j, k));
                    assertThat(p.get(i + 1, 2 * j, k)).isEqualTo(x.get(i, j, k));
                }
            }
        }
        assertThat(p.shape()).isEqualTo(Shape.of(4, 4 + 3 + 2, 5));
        assertThat(s.shape()).isEqualTo(Shape.of(2, 2, 2));
        assertThat(s.get(1, 1, 1)).isEqualTo(x.get(2, 2, 4));
        NdArray c = NdArray.concat(1, x, x.slice(new int[] {0, 0, 0}, new int[] {3, 1, 5}, new int[] {1, 1, 1}));
        assertThat(c.get(2, 4, 3)).isEqualTo(x.get(2, 0, 3));
        NdArray cs = x.cumsum(2);
        assertThat(cs.get(1, 2, 3)).isCloseTo(x.get(1, 2, 0) + x.get(1, 2, 1) + x.get(1, 2, 2) + x.get(1, 2, 3),
                within(1e-15));
    }

    /** Padding: one block copy (leading axis only), whole rows (no interior padding on the last axis), or elements. */
    @ParameterizedTest
    @CsvSource({"9999, 1, 0, 0", "10, 0, 3, 0", "10, 2, 1, 2", "1, 1, 1, 0", "5, 0, 0, 1", "7, 0, 0, 0", "9999, 0, 0, 0"})
    void padPlacesEachElement(int n, int lo, int hi, int interior) {
        SplittableRandom r = new SplittableRandom(n);
        NdArray x = random(r, 3, n);
        NdArray p = x.pad(new int[] {1, lo}, new int[] {0, hi}, new int[] {0, interior});
        assertThat(p.shape()).isEqualTo(Shape.of(4, lo + hi + n + (n - 1) * interior));
        double total = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(p.get(i + 1, lo + j * (interior + 1))).isEqualTo(x.get(i, j));
                total += Math.abs(x.get(i, j));
            }
        }
        double padded = 0;
        for (int i = 0; i < p.size(); i++) {
            padded += Math.abs(p.at(i));
        }
        assertThat(padded).isCloseTo(total, within(1e-9 * (1 + total)));
    }

    @Test
    void gatherAndScatterAddAreAdjoint() {
        SplittableRandom r = new SplittableRandom(2);
        NdArray x = random(r, 3, 4);
        NdArray idx = NdArray.of(Shape.of(3, 2), 0, 3, 2, 2, 1, 0);
        NdArray g = x.gather(1, idx);
        assertThat(g.get(1, 1)).isEqualTo(x.get(1, 2));
        NdArray u = random(r, 3, 2);
        // ⟨gather(x), u⟩ = ⟨x, scatterAdd(u)⟩
        double lhs = dot(g, u);
        double rhs = dot(x, u.scatterAdd(1, idx, x.shape()));
        assertThat(lhs).isCloseTo(rhs, within(1e-14));
    }

    private static double dot(NdArray a, NdArray b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            s += a.at(i) * b.at(i);
        }
        return s;
    }

    @Test
    void reductionsOverAnyAxes() {
        SplittableRandom r = new SplittableRandom(3);
        NdArray x = random(r, 2, 3, 4);
        NdArray s = Reductions.sum(x, new int[] {0, 2}, true);
        assertThat(s.shape()).isEqualTo(Shape.of(1, 3, 1));
        double e = 0;
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 4; k++) {
                e += x.get(i, 1, k);
            }
        }
        assertThat(s.get(0, 1, 0)).isCloseTo(e, within(1e-14));
        NdArray m = Reductions.max(x, new int[] {1}, false);
        assertThat(m.get(1, 2)).isEqualTo(Math.max(x.get(1, 0, 2), Math.max(x.get(1, 1, 2), x.get(1, 2, 2))));
        NdArray a = Reductions.argmax(x, 1, false);
        assertThat(x.get(1, (int) a.get(1, 2), 2)).isEqualTo(m.get(1, 2));
    }

    @Test
    void sumsArePairwiseAccurate() {
        int n = 1 << 20;
        double[] d = new double[n];
        java.util.Arrays.fill(d, 0.1);
        double naive = 0;
        for (double v : d) {
            naive += v;
        }
        double exact = new BigDecimal(0.1).multiply(BigDecimal.valueOf(n)).doubleValue();
        double pairwise = Reductions.sum(NdArray.of(Shape.of(n), d), new int[] {0}, false).item();
        assertThat(Math.abs(pairwise - exact)).isLessThan(Math.abs(naive - exact) / 100);
        assertThat(Math.abs(pairwise - exact) / exact).isLessThan(1e-14);
    }

    @ParameterizedTest
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void gemmMatchesAPlainLoop(boolean ta, boolean tb) {
        SplittableRandom r = new SplittableRandom(4);
        int m = 7;
        int k = 5;
        int n = 3;
        NdArray a = ta ? random(r, 2, k, m) : random(r, 2, m, k);
        NdArray b = tb ? random(r, 2, n, k) : random(r, 2, k, n);
        NdArray c = Gemm.matmul(a, b, ta, tb);
        assertThat(c.shape()).isEqualTo(Shape.of(2, m, n));
        for (int q = 0; q < 2; q++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int l = 0; l < k; l++) {
                        s += (ta ? a.get(q, l, i) : a.get(q, i, l)) * (tb ? b.get(q, j, l) : b.get(q, l, j));
                    }
                    assertThat(c.get(q, i, j)).isCloseTo(s, within(1e-14));
                }
            }
        }
        // A plain matrix reused across a batch.
        NdArray w = tb ? random(r, n, k) : random(r, k, n);
        NdArray cw = Gemm.matmul(a, w, ta, tb);
        NdArray first = Gemm.matmul(a.slice(new int[] {0, 0, 0}, a.shape().dims(), new int[] {1, 1, 1})
                .slice(new int[] {0, 0, 0}, new int[] {1, a.shape().dim(1), a.shape().dim(2)}, new int[] {1, 1, 1})
                .reshape(a.shape().sub(1, 3)), w, ta, tb);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(cw.get(0, i, j)).isCloseTo(first.get(i, j), within(1e-14));
            }
        }
    }

    @Test
    void blasReportsItsName() {
        assertThat(Blas.name()).isNotBlank();
        assertThat(Blas.instance()).isNotNull();
    }

    @Test
    void arraysAreImmutableFromOutside() {
        double[] d = {1, 2, 3};
        NdArray a = NdArray.of(Shape.of(3), d);
        d[0] = 99;
        assertThat(a.get(0)).isEqualTo(1);
        a.toArray()[1] = 99;
        assertThat(a.get(1)).isEqualTo(2);
        assertThat(a).isEqualTo(NdArray.of(Shape.of(3), 1, 2, 3));
    }
}
