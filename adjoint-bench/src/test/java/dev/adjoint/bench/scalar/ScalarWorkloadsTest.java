package dev.adjoint.bench.scalar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.bench.Impl;
import dev.adjoint.bench.Workload;
import dev.adjoint.bench.Workloads;
import dev.adjoint.scalar.Dual;
import dev.adjoint.scalar.Real;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Smoke test of what the benchmarks time: for every scalar workload, each implementation computes the same value
 * and derivative (plain, reverse, forward, hand-written, Hipparchus), so no benchmark measures wrong code.
 */
class ScalarWorkloadsTest {

    static Stream<ScalarWorkload> workloads() {
        return Workloads.all().stream().filter(w -> w instanceof ScalarWorkload).map(w -> (ScalarWorkload) w);
    }

    /** Tasks run once, shared by the tests (Hipparchus on Rosenbrock takes seconds: it is O(n²)). */
    private static final Map<String, ScalarWorkload.ScalarTask> RAN = new ConcurrentHashMap<>();

    private static ScalarWorkload.ScalarTask ran(ScalarWorkload w, Impl impl) {
        return RAN.computeIfAbsent(w.id() + "/" + impl.label(), k -> runOnce(w, impl));
    }

    private static ScalarWorkload.ScalarTask runOnce(ScalarWorkload w, Impl impl) {
        ScalarWorkload.ScalarTask t = w.scalarTask(impl);
        double returned = t.run();
        assertThat(returned).as("%s/%s returns its value", w.id(), impl.label()).isEqualTo(t.value());
        assertThat(t.value()).as("%s/%s value", w.id(), impl.label()).isFinite();
        return t;
    }

    /** |a − b| ≤ 1e-10 · max(|a|, |b|, 1e-300): relative agreement. */
    private static void assertClose(String what, double a, double b) {
        double scale = Math.max(Math.max(Math.abs(a), Math.abs(b)), 1e-300);
        assertThat(Math.abs(a - b) / scale).as("%s: %s vs %s", what, a, b).isLessThanOrEqualTo(1e-10);
    }

    @ParameterizedTest
    @MethodSource("workloads")
    void everyImplementationComputesTheSameValue(ScalarWorkload w) {
        double expected = ran(w, Impl.OBJECTIVE).value();
        for (Impl impl : w.impls()) {
            assertClose(w.id() + "/" + impl.label() + " value", ran(w, impl).value(), expected);
        }
    }

    @ParameterizedTest
    @MethodSource("workloads")
    void gradientsAgree(ScalarWorkload w) {
        double[] manual = ran(w, Impl.MANUAL).derivative();
        double[] reverse = ran(w, Impl.ADJOINT_REVERSE).derivative();
        double[] hipparchus = ran(w, Impl.HIPPARCHUS).derivative();
        assertThat(manual).hasSize(w.pointInputs().n());
        for (int i = 0; i < manual.length; i++) {
            assertThat(manual[i]).isFinite();
            assertClose(w.id() + " reverse ∂f/∂x" + i, reverse[i], manual[i]);
            assertClose(w.id() + " hipparchus ∂f/∂x" + i, hipparchus[i], manual[i]);
        }
    }

    @ParameterizedTest
    @MethodSource("workloads")
    void forwardModeGivesTheDirectionalDerivative(ScalarWorkload w) {
        double[] gradient = ran(w, Impl.MANUAL).derivative();
        double[] v = w.direction();
        double dot = 0;
        double scale = 0;
        for (int i = 0; i < v.length; i++) {
            dot += gradient[i] * v[i];
            scale += Math.abs(gradient[i] * v[i]);
        }
        double forward = ran(w, Impl.ADJOINT_FORWARD).derivative()[0];
        assertThat(Math.abs(forward - dot)).as("%s: ∇f·v = %s, forward %s", w.id(), dot, forward)
                .isLessThanOrEqualTo(1e-12 * scale);
    }

    @ParameterizedTest
    @MethodSource("workloads")
    void tasksCanBeRunAgainWithTheSameResult(ScalarWorkload w) {
        for (Impl impl : w.impls()) {
            if (impl == Impl.HIPPARCHUS) {
                continue; // stateless, and seconds per run on Rosenbrock
            }
            ScalarWorkload.ScalarTask t = ran(w, impl);
            double[] first = t.derivative();
            double value = t.value();
            t.run();
            assertThat(t.value()).as("%s/%s", w.id(), impl.label()).isEqualTo(value);
            assertThat(t.derivative()).as("%s/%s", w.id(), impl.label()).containsExactly(first);
        }
    }

    @Test
    void everyRegisteredCaseMakesATask() {
        for (Workload w : Workloads.all()) {
            if (!(w instanceof dev.adjoint.bench.tensor.Gemm)) { // GFLOP/s rows, no ratio to a baseline
                assertThat(w.impls()).as(w.id()).first().isEqualTo(Impl.OBJECTIVE);
            }
            for (Impl impl : w.impls()) {
                assertThat(Workloads.task(Workloads.caseId(w, impl))).isNotNull();
            }
        }
    }

    @Test
    void seedIsTheLecturesFunction() {
        Seed seed = new Seed();
        double[] g = new double[2];
        double value = seed.valueAndGradient(new double[] {2, 5}, g);
        assertThat(value).isCloseTo(11.652071, within(1e-6));
        assertThat(seed.value(new double[] {2, 5})).isEqualTo(value);
        assertThat(g[0]).isCloseTo(5.5, within(1e-12));
        assertThat(g[1]).isCloseTo(1.716338, within(1e-6));
        Real y = seed.apply(new Real[] {Dual.of(2, 0), Dual.of(5, 1)});
        assertThat(((Dual) y).tangent()).isCloseTo(1.716338, within(1e-6));
    }

    @Test
    void logisticMatchesTheLecturesClosedFormAfterThreeSteps() {
        Logistic l4 = new Logistic(3);
        for (double x : new double[] {0.1, 0.3, 0.45, 0.8}) {
            double p = 1 - 8 * x + 8 * x * x;
            double f = 64 * x * (1 - x) * (1 - 2 * x) * (1 - 2 * x) * p * p;
            double df = 128 * x * (1 - x) * (-8 + 16 * x) * (1 - 2 * x) * (1 - 2 * x) * p
                    + 64 * (1 - x) * (1 - 2 * x) * (1 - 2 * x) * p * p
                    - 64 * x * (1 - 2 * x) * (1 - 2 * x) * p * p
                    - 256 * x * (1 - x) * (1 - 2 * x) * p * p;
            double[] g = new double[1];
            assertThat(l4.valueAndGradient(new double[] {x}, g)).isCloseTo(f, within(1e-12));
            assertThat(g[0]).isCloseTo(df, within(1e-10));
            assertThat(((Dual) l4.apply(new Real[] {Dual.variable(x)})).tangent()).isCloseTo(df, within(1e-10));
        }
    }

    @Test
    void rosenbrockManualGradientMatchesCentralDifferences() {
        Rosenbrock r = new Rosenbrock();
        double[] x = r.point();
        double[] g = new double[x.length];
        r.valueAndGradient(x, g);
        for (int i : new int[] {0, 1, 2, 5000, x.length - 2, x.length - 1}) {
            double h = 1e-5;
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[i] += h;
            xm[i] -= h;
            double fd = (r.value(xp) - r.value(xm)) / (2 * h);
            assertThat(g[i]).as("∂f/∂x%d", i).isCloseTo(fd, within(1e-5 * Math.max(1, Math.abs(fd))));
        }
    }

    @Test
    void rosenbrockIsZeroAtItsMinimum() {
        Rosenbrock r = new Rosenbrock();
        double[] ones = new double[Rosenbrock.N];
        java.util.Arrays.fill(ones, 1);
        double[] g = new double[ones.length];
        assertThat(r.valueAndGradient(ones, g)).isZero();
        assertThat(g).containsOnly(0.0);
    }

    @Test
    void reverseModeRecordsTheExpectedNumberOfOperations() {
        // Inputs plus, per step or term, the operations on two entries; every other result is folded into the
        // scale of the entry it depends on. Seed: x₁x₂, ln x₁ + ·, · − sin x₂. Logistic: a chain in x alone, only
        // the input. Rosenbrock: xᵢ₊₁ − xᵢ², s + 100t², · + u² (the first s + · adds to the constant 0).
        assertThat(new Seed().tapeSize()).isEqualTo(2 + 3);
        assertThat(new Logistic().tapeSize()).isEqualTo(1);
        assertThat(new Rosenbrock().tapeSize()).isEqualTo(Rosenbrock.N + 3 * (Rosenbrock.N - 1) - 1);
    }
}
