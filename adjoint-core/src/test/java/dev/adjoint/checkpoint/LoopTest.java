package dev.adjoint.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LoopTest {

    /** Plain backpropagation written out: keep all states, then reverse. */
    private static double[] backprop(TanhLoop f, int n, double[] x0) {
        List<double[]> xs = new ArrayList<>();
        double[] x = x0;
        for (int i = 0; i < n; i++) {
            xs.add(x);
            x = f.forward(i, x);
        }
        double[] g = f.seed(x);
        for (int i = n - 1; i >= 0; i--) {
            g = f.backward(i, xs.get(i), g);
        }
        return g;
    }

    static Stream<Arguments> loops() {
        return Stream.of(Arguments.of(1, 1), Arguments.of(2, 1), Arguments.of(7, 2), Arguments.of(20, 3),
                Arguments.of(33, 4), Arguments.of(50, 2), Arguments.of(64, 7), Arguments.of(100, 5));
    }

    @ParameterizedTest(name = "N={0}, s={1}")
    @MethodSource("loops")
    void everyScheduleGivesExactlyTheBackpropGradient(int n, int s) {
        TanhLoop f = new TanhLoop(3);
        double[] x0 = f.randomState(1000L * n + s);
        double[] expected = backprop(f, n, x0);
        Loop<double[]> loop = Loop.of(n, f);
        for (Schedule schedule : List.of(Schedule.binomial(n, s), Schedule.storeAll(n), Schedule.sqrt(n),
                Schedule.segments(n, s))) {
            f.forwardCalls = 0;
            Loop.Result<double[]> r = loop.gradient(x0, f::seed, schedule, x -> 8L * x.length);
            assertThat(r.cotangent()).as(schedule.toString()).containsExactly(expected);
            assertThat(r.cost().advances()).isEqualTo(schedule.advances());
            assertThat(f.forwardCalls).as("advances plus the output's evaluation").isEqualTo(schedule.advances() + 1);
            assertThat(r.output()).containsExactly(loop.run(x0));
            assertThat(r.cost().reversals()).isEqualTo(n);
            assertThat(r.cost().peakSnapshots()).isEqualTo(schedule.peakSnapshots());
            assertThat(r.cost().peakBytes()).isEqualTo(8L * f.size() * schedule.peakSnapshots());
        }
    }

    @ParameterizedTest(name = "N={0}")
    @MethodSource("loops")
    void backpropMatchesCentralDifferences(int n, int ignored) {
        TanhLoop f = new TanhLoop(3);
        double[] x0 = f.randomState(7L * n);
        Loop<double[]> loop = Loop.of(n, f);
        double[] g = loop.gradient(x0, f::seed, Schedule.binomial(n, 3)).cotangent();
        double h = 1e-5;
        for (int k = 0; k < x0.length; k++) {
            double[] up = x0.clone();
            double[] down = x0.clone();
            up[k] += h;
            down[k] -= h;
            double fd = (f.loss(loop.run(up)) - f.loss(loop.run(down))) / (2 * h);
            assertThat(g[k]).as("component %d", k).isCloseTo(fd, within(1e-7 * Math.max(1, Math.abs(fd))));
        }
    }

    @Test
    void aLoopRejectsAScheduleForAnotherLength() {
        TanhLoop f = new TanhLoop(2);
        assertThatThrownBy(() -> Loop.of(5, f).gradient(f.randomState(1), f::seed, Schedule.storeAll(6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reverses 6 steps but the loop has 5");
        assertThatThrownBy(() -> Loop.of(0, f)).hasMessageContaining("at least 1 step");
    }

    @Test
    void stepOfBuildsAnIndexFreeStep() {
        Step<double[]> twice = Step.of(x -> new double[] {2 * x[0]}, (x, g) -> new double[] {2 * g[0]});
        Loop.Result<double[]> r = Loop.of(10, twice).gradient(new double[] {1}, y -> new double[] {1},
                Schedule.binomial(10, 2));
        assertThat(r.output()).containsExactly(1024);
        assertThat(r.cotangent()).containsExactly(1024);
    }
}
