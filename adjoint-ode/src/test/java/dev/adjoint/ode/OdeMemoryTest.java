package dev.adjoint.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.ode.OdeMemory.Method;
import org.junit.jupiter.api.Test;

class OdeMemoryTest {

    @Test
    void theThreeMethodsAgreeAndOnlyBackpropGrowsWithTheSteps() {
        OdeGradient backprop = OdeMemory.gradient(1000, Method.BACKPROP);
        OdeGradient binomial = OdeMemory.gradient(1000, Method.BINOMIAL);
        OdeGradient adjoint = OdeMemory.gradient(1000, Method.ADJOINT);
        assertThat(binomial.theta()).containsExactly(backprop.theta());
        for (int i = 0; i < 4; i++) {
            assertThat(adjoint.theta()[i]).isCloseTo(backprop.theta()[i], within(1e-7 * Math.abs(backprop.theta()[i])));
        }
        for (int i = 0; i < 2; i++) {
            assertThat(adjoint.z0()[i]).isCloseTo(backprop.z0()[i], within(1e-7 * Math.abs(backprop.z0()[i])));
        }
        long small = OdeMemory.measure(100, Method.BACKPROP, 1).peakBytes();
        assertThat(backprop.peakBytes()).isGreaterThan(9 * small);
        assertThat(binomial.peakBytes()).as("⌈log₂ 1000⌉ = 10 states and the grid").isLessThanOrEqualTo(10 * (16 + 16) + 2 * 24);
        assertThat(adjoint.peakBytes()).isEqualTo(OdeMemory.measure(10, Method.ADJOINT, 1).peakBytes());
    }

    @Test
    void measurementsPrintAsJsonLines() {
        assertThat(new OdeMemory.Measurement(100, Method.ADJOINT, 560, 0.5).toJson()).isEqualTo(
                "{\"workload\": \"memory_ode\", \"steps\": 100, \"method\": \"adjoint\", \"peak_bytes\": 560, "
                        + "\"t_grad_s\": 0.500000}");
    }
}
