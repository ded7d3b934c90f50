package dev.adjoint.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generator is the documented SplitMix64 algorithm, so other languages can regenerate the inputs. */
class InputsTest {

    /** The algorithm as BENCHMARKS.md and compare_torch.py state it, written out independently of the JDK. */
    private static double[] splitMix64(long seed, int n, double lo, double hi) {
        long state = seed;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            state += 0x9e3779b97f4a7c15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            z = z ^ (z >>> 31);
            x[i] = lo + (hi - lo) * ((z >>> 11) * 0x1.0p-53);
        }
        return x;
    }

    @ParameterizedTest
    @CsvSource({"1001, 2, 0.5, 5.5", "2001, 1, 0.05, 0.95", "3001, 10000, -2, 2", "0, 5, 0, 1", "-7, 3, -1, 1"})
    void generatesTheDocumentedSequenceBitForBit(long seed, int n, double lo, double hi) {
        double[] x = new Inputs(seed, n, lo, hi).generate();
        assertThat(x).containsExactly(splitMix64(seed, n, lo, hi));
        for (double v : x) {
            assertThat(v).isGreaterThanOrEqualTo(lo).isLessThan(hi);
        }
    }

    @ParameterizedTest
    @CsvSource({"3, 1, 0", "-1, 0, 1"})
    void rejectsBadRanges(int n, double lo, double hi) {
        assertThatThrownBy(() -> new Inputs(1, n, lo, hi)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lo <= hi");
    }
}
