package dev.adjoint.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.checkpoint.MemoryChain.Method;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemoryChainTest {

    private static double halfSquaredNorm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s / 2;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aCouplingIsInvertedByItsInverse(long seed) {
        Coupling c = Coupling.random(8, seed);
        double[] x = new Random(seed).doubles(8, -2, 2).toArray();
        double[] back = c.inverse(0, c.forward(0, x));
        for (int i = 0; i < x.length; i++) {
            assertThat(back[i]).isCloseTo(x[i], within(1e-13));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyMethodGivesTheFiniteDifferenceGradient(long seed) {
        Coupling c = Coupling.random(6, seed);
        int n = 12;
        double[] x0 = new Random(seed + 100).doubles(6, -1, 1).toArray();
        double[] plain = MemoryChain.gradient(c, n, Method.PLAIN, x0).cotangent();
        double h = 1e-6;
        Loop<double[]> loop = Loop.of(n, c);
        for (int k = 0; k < x0.length; k++) {
            double[] up = x0.clone();
            double[] down = x0.clone();
            up[k] += h;
            down[k] -= h;
            double fd = (halfSquaredNorm(loop.run(up)) - halfSquaredNorm(loop.run(down))) / (2 * h);
            assertThat(plain[k]).isCloseTo(fd, within(1e-7));
        }
        assertThat(MemoryChain.gradient(c, n, Method.SQRT, x0).cotangent()).containsExactly(plain);
        assertThat(MemoryChain.gradient(c, n, Method.BINOMIAL, x0).cotangent()).containsExactly(plain);
        double[] reversible = MemoryChain.gradient(c, n, Method.REVERSIBLE, x0).cotangent();
        for (int k = 0; k < plain.length; k++) {
            assertThat(reversible[k]).as("inversion is exact up to rounding").isCloseTo(plain[k], within(1e-11));
        }
    }

    @Test
    void memoryShrinksAsPromised() {
        int n = 1000;
        long state = 16 + 8 * 16;
        MemoryChain.Measurement plain = MemoryChain.measure(n, Method.PLAIN, 16, 1);
        MemoryChain.Measurement sqrt = MemoryChain.measure(n, Method.SQRT, 16, 1);
        MemoryChain.Measurement binomial = MemoryChain.measure(n, Method.BINOMIAL, 16, 1);
        MemoryChain.Measurement reversible = MemoryChain.measure(n, Method.REVERSIBLE, 16, 1);
        assertThat(plain.peakBytes()).isEqualTo((n - 1 + 2) * state);
        assertThat(sqrt.snapshots()).isLessThanOrEqualTo(2 * 32);
        assertThat(binomial.snapshots()).isLessThanOrEqualTo(10);
        assertThat(binomial.forwardSteps()).as("at most (⌈log₂N⌉ + 1)× the forward work").isLessThanOrEqualTo(11L * n);
        assertThat(reversible.peakBytes()).isEqualTo(2 * state);
        assertThat(reversible.peakBytes()).isLessThan(binomial.peakBytes());
        assertThat(binomial.peakBytes()).isLessThan(sqrt.peakBytes());
        assertThat(sqrt.peakBytes()).isLessThan(plain.peakBytes());
        assertThat(reversible.peakBytes()).isEqualTo(MemoryChain.measure(10, Method.REVERSIBLE, 16, 1).peakBytes());
    }

    @Test
    void measurementsPrintAsTheBenchmarkJsonLine() {
        String json = new MemoryChain.Measurement(100, Method.BINOMIAL, 4096, 0.0125, 512, 7).toJson();
        assertThat(json).isEqualTo("{\"workload\": \"memory_chain\", \"n\": 100, \"method\": \"binomial\", "
                + "\"peak_bytes\": 4096, \"t_grad_s\": 0.0125000, \"forward_steps\": 512, \"snapshots\": 7}");
    }

    @Test
    void inversionNeedsAReversibleStep() {
        TanhLoop f = new TanhLoop(2);
        assertThatThrownBy(() -> Loop.of(3, f).gradientByInversion(f.randomState(1), f::seed))
                .hasMessageContaining("needs a ReversibleStep");
        assertThatThrownBy(() -> Coupling.random(3, 1)).hasMessageContaining("even width");
    }
}
