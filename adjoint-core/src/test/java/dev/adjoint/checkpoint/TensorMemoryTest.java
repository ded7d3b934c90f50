package dev.adjoint.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.Ad;
import dev.adjoint.MemoryReport;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.interpret.TapeMemory;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TensorMemoryTest {

    private static final int D = 8;
    private static final long VECTOR = TapeMemory.bytes(new double[D]);
    private static final long SCALAR = TapeMemory.bytes(new double[1]);

    @Test
    void aChainHoldsOneVectorPerIntermediateEachBufferOnce() {
        Tensor x = Tensor.of(1, 2, 3, 4, 5, 6, 7, 8);
        // x (leaf), sin x, sin x · sin x: the three vectors; the scalar sum; x appears in two nodes but counts once
        MemoryReport r = Ad.measureGradient(v -> v.sin().mul(v.sin()).sum(), x);
        assertThat(r.heldBytes()).isEqualTo(4 * VECTOR + SCALAR);
        assertThat(r.peakBytes()).isEqualTo(r.heldBytes());
        assertThat(r.gradient().toArray()[2]).isCloseTo(2 * Math.sin(3) * Math.cos(3), within(1e-12));
        assertThat(r.value().item()).isCloseTo(Math.pow(Math.sin(1), 2) + Math.pow(Math.sin(2), 2)
                + Math.pow(Math.sin(3), 2) + Math.pow(Math.sin(4), 2) + Math.pow(Math.sin(5), 2)
                + Math.pow(Math.sin(6), 2) + Math.pow(Math.sin(7), 2) + Math.pow(Math.sin(8), 2), within(1e-12));
    }

    @Test
    void nothingIsCountedWithoutAMeter() {
        try (dev.adjoint.interpret.Vjp tape = new dev.adjoint.interpret.Vjp()) {
            tape.watch(Tensor.of(1, 2)).sin();
            assertThat(tape.heldBytes()).isZero();
        }
    }

    @ParameterizedTest(name = "N={0}")
    @ValueSource(ints = {16, 64, 256})
    void checkpointingShrinksThePeakToAboutRootN(int n) {
        Rng rng = Rng.seed(n);
        Tensor w = Tensor.randn(rng, D, D).mul(1 / Math.sqrt(D));
        Tensor x = Tensor.randn(rng, D);
        MemoryReport plain = Ad.measureGradient(MemoryChain.tensorLoss(n, MemoryChain.Method.PLAIN, w), x);
        MemoryReport sqrt = Ad.measureGradient(MemoryChain.tensorLoss(n, MemoryChain.Method.SQRT, w), x);
        assertThat(sqrt.gradient().toArray()).containsExactly(plain.gradient().toArray(), within(1e-12));
        // plain keeps each layer's matmul, shifted and tanh outputs: about 3N vectors
        assertThat(plain.peakBytes()).isGreaterThan(3L * n * VECTOR);
        // √N segments: √N segment inputs on the outer tape plus one segment's 3√N vectors while it is recomputed
        int k = (int) Math.ceil(Math.sqrt(n));
        long bound = (k + 1 + 3L * ((n + k - 1) / k) + 8) * VECTOR + D * D * 8 + 64;
        assertThat(sqrt.peakBytes()).isLessThanOrEqualTo(bound);
        assertThat(sqrt.heldBytes()).isLessThan(plain.heldBytes() / 2);
    }

    @Test
    void adCheckpointFreesItsRecomputationTape() {
        Tensor x = Tensor.of(0.3, -0.2, 0.5, 0.1, 0.9, -0.7, 0.4, 0.2);
        Function<Tensor, Tensor> block = v -> v.sin().exp().tanh().cos();
        Function<Tensor, Tensor> chained = v -> {
            Function<Tensor, Tensor> c = Ad.checkpoint(block);
            return c.apply(c.apply(c.apply(v))).sum();
        };
        Function<Tensor, Tensor> plain = v -> block.apply(block.apply(block.apply(v))).sum();
        MemoryReport a = Ad.measureGradient(chained, x);
        MemoryReport b = Ad.measureGradient(plain, x);
        assertThat(a.gradient().toArray()).containsExactly(b.gradient().toArray(), within(1e-12));
        // outer tape: x, three block outputs, the scalar; peak adds one block's four intermediates, not three blocks'
        assertThat(a.heldBytes()).isEqualTo(4 * VECTOR + SCALAR);
        assertThat(a.peakBytes()).isLessThanOrEqualTo(a.heldBytes() + 4 * VECTOR);
        assertThat(b.peakBytes()).isEqualTo(13 * VECTOR + SCALAR);
    }

    @Test
    void tensorMeasurementsPrintTheTapesBytes() {
        MemoryChain.Measurement m = MemoryChain.measureTensor(100, MemoryChain.Method.SQRT, 16);
        MemoryChain.Measurement p = MemoryChain.measureTensor(100, MemoryChain.Method.PLAIN, 16);
        assertThat(m.peakBytes()).isLessThan(p.peakBytes() / 3);
        assertThat(m.toJson()).contains("\"method\": \"sqrt\"").contains("\"peak_bytes\": " + m.peakBytes());
    }
}
