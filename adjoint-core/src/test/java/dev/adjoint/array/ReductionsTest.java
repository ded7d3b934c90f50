package dev.adjoint.array;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sums over a block of leading or middle axes (added row by row) against the same sums with the axes moved last. */
class ReductionsTest {

    private static NdArray random(long seed, Shape s) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] d = new double[s.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextDouble(-1, 1) * Math.pow(10, r.nextInt(-3, 4));
        }
        return NdArray.of(s, d);
    }

    private static int[] ints(String list) {
        return list.isBlank() ? new int[0] : Arrays.stream(list.trim().split(" ")).mapToInt(Integer::parseInt).toArray();
    }

    /** Bit for bit the pairwise sum of each column: the same additions in the same order as the trailing path. */
    @ParameterizedTest
    @CsvSource({"128 256, 0", "128 10, 0", "1 5, 0", "3 1, 0", "65 7, 0", "64 3, 0", "200 600, 0", "1000 3, 0",
        "4 130 3, 1", "2 3 4 5, 1 2", "7 9 11, 0 1", "5 0 3, 0", "0 4, 0", "6 4 0, 1", "3 69 2 5, 1"})
    void leadingBlockSumEqualsTheTrailingSum(String dims, String axesList) {
        Shape s = Shape.of(ints(dims));
        int[] axes = ints(axesList);
        NdArray x = random(dims.hashCode(), s);
        int r = s.rank();
        boolean[] reduced = new boolean[r];
        for (int a : axes) {
            reduced[a] = true;
        }
        int[] perm = new int[r];
        int k = 0;
        for (int i = 0; i < r; i++) {
            if (!reduced[i]) {
                perm[k++] = i;
            }
        }
        int[] trailing = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            perm[k] = axes[i];
            trailing[i] = k++;
        }
        NdArray moved = x.transpose(perm);
        for (boolean keepDims : new boolean[] {false, true}) {
            NdArray got = Reductions.sum(x, axes, keepDims);
            NdArray want = Reductions.sum(moved, trailing, false).reshape(s.reduce(axes, keepDims));
            assertThat(got.shape()).isEqualTo(s.reduce(axes, keepDims));
            for (int i = 0; i < got.size(); i++) {
                assertThat(Double.doubleToRawLongBits(got.at(i))).as("element %d", i)
                        .isEqualTo(Double.doubleToRawLongBits(want.at(i)));
            }
        }
    }

    /** Against a plain exact-enough column sum (compensated), so the two paths are not merely equal to each other. */
    @ParameterizedTest
    @CsvSource({"128, 256", "300, 17", "2, 1031"})
    void columnSumsAreAccurate(int rows, int cols) {
        NdArray x = random(rows * 31L + cols, Shape.of(rows, cols));
        NdArray got = Reductions.sum(x, new int[] {0}, false);
        for (int j = 0; j < cols; j++) {
            double sum = 0;
            double c = 0;
            double abs = 0;
            for (int i = 0; i < rows; i++) {
                double y = x.get(i, j) - c;
                double t = sum + y;
                c = (t - sum) - y;
                sum = t;
                abs += Math.abs(x.get(i, j));
            }
            assertThat(Math.abs(got.at(j) - sum)).isLessThanOrEqualTo(abs * 1e-15);
        }
    }
}
