package dev.adjoint.graph.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.scalar.Binary;
import dev.adjoint.scalar.Derivatives;
import dev.adjoint.scalar.Elementary;
import dev.adjoint.scalar.Gradient;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.RealFunction;
import dev.adjoint.numeric.FiniteDifferences;
import dev.adjoint.scalar.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScalarCompilerTest {

    static RealFunction logistic(int steps) {
        return x -> {
            Real l = x[0];
            for (int k = 0; k < steps; k++) {
                l = l.mul(-4).mul(l.sub(1));
            }
            return l;
        };
    }

    static RealFunction rosenbrock() {
        return x -> {
            Real s = x[0].constant(0);
            for (int i = 0; i + 1 < x.length; i++) {
                s = s.add(x[i + 1].sub(x[i].square()).square().mul(100)).add(x[i].neg().add(1).square());
            }
            return s;
        };
    }

    static Stream<Arguments> programs() {
        return Stream.of(
                Arguments.of("lecture", (RealFunction) x -> x[0].log().add(x[0].mul(x[1])).sub(x[1].sin()), 2,
                        0.5, 3.0),
                Arguments.of("logistic 50", logistic(50), 1, 0.1, 0.9),
                Arguments.of("rosenbrock 20", rosenbrock(), 20, -2.0, 2.0),
                Arguments.of("rosenbrock as bench writes it", (RealFunction) x -> {
                    Real s = x[0].constant(0);
                    for (int i = 0; i + 1 < x.length; i++) {
                        Real t = x[i + 1].sub(x[i].square());
                        Real u = x[i].sub(1);                           // carried into the next trip by rotation
                        s = s.add(t.square().mul(100)).add(u.square());
                    }
                    return s;
                }, 40, -2.0, 2.0),
                Arguments.of("quotients", (RealFunction) x -> x[0].div(x[1]).add(x[1].div(x[0].exp())).tanh()
                        .add(x[0].sqrt().cos()), 2, 0.5, 2.0),
                Arguments.of("binary rows", (RealFunction) x -> x[0].pow(x[1]).add(x[0].apply(Binary.ATAN2, x[1]))
                        .add(x[0].apply(Binary.HYPOT, x[1])).add(x[0].max(x[1])), 2, 0.5, 2.0));
    }

    private static void agree(RealFunction f, CompiledGradient c, double[] x) {
        Gradient expected = Derivatives.gradient(f, x);
        double[] g = new double[x.length];
        double y = c.valueAndGradient(x, g);
        assertThat(y).isCloseTo(expected.value(), Offset.offset(1e-12 * (1 + Math.abs(expected.value()))));
        assertThat(c.value(x)).isEqualTo(y);
        for (int i = 0; i < g.length; i++) {
            double e = expected.gradient()[i];
            assertThat(g[i]).as("∂f/∂x%d", i + 1).isCloseTo(e, Offset.offset(1e-10 * (1 + Math.abs(e))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void compiledGradientEqualsTheTape(String name, RealFunction f, int n, double lo, double hi) {
        SplittableRandom r = new SplittableRandom(name.hashCode());
        double[] at = r.doubles(n, lo, hi).toArray();
        CompiledGradient c = ScalarCompiler.compile(f, at);
        for (int k = 0; k < 5; k++) {
            agree(f, c, r.doubles(n, lo, hi).toArray());       // recorded once, run at other points
        }
        agree(f, c.copy(), at);
    }

    @ParameterizedTest
    @EnumSource(Elementary.class)
    void everyUnaryRowCompiles(Elementary e) {
        double lo = Math.max(e.lower(), -2);
        double hi = Math.min(e.upper(), 2);
        if (e == Elementary.ACOSH) {
            lo = 1.1;
            hi = 3;
        }
        double a = lo + 0.1 * (hi - lo);
        double b = hi - 0.1 * (hi - lo);
        RealFunction f = x -> x[0].apply(e).mul(x[1]);
        CompiledGradient c = ScalarCompiler.compile(f, (a + b) / 2, 1.5);
        agree(f, c, new double[] {a, 0.7});
        agree(f, c, new double[] {b, -1.3});
    }

    @Test
    void deepProgramsAreSplitIntoCompilableMethods() {
        RealFunction f = x -> {
            Real l = x[0];
            for (int k = 0; k < 3000; k++) {
                l = l.mul(0.5).add(x[0]).sin();
            }
            return l;
        };                                                    // 9000 steps: 45 methods of 200 statements
        CompiledGradient c = ScalarCompiler.compile(f, 0.3);
        assertThat(c.steps()).isEqualTo(9000);
        agree(f, c, new double[] {0.3});
    }

    @Test
    void repeatedStepsBecomeLoopsWithTheirTemporariesInLocals() {
        String src = ScalarCompiler.source(Trace.recordAsRun(logistic(6000), List.of(), 0.3), "Rerolled",
                new ArrayList<>());
        assertThat(src).contains("for (int i = 0; i < ").contains("double c");   // the carried value is a local
        assertThat(src.lines().count()).isLessThan(100);                         // not 18000 statements
        // Rosenbrock: 8 steps per term, of which the reverse sweep needs 2 (x_{i+1} - x_i^2 and x_i - 1).
        int n = 2500;
        Sweeps s = new Sweeps(Trace.recordAsRun(rosenbrock(), List.of(), new SplittableRandom(1).doubles(n, -2, 2)
                .toArray()), new ArrayList<>());
        assertThat(s.slotCount()).isLessThan(n + 2 * n + 50).isGreaterThanOrEqualTo(n + 2 * (n - 2));
    }

    @Test
    void aLoopReadingAcrossBlocksFallsBackToOneSlotPerNode() {
        // y comes from two loops of three steps each, the first storing two values per trip (sin reads its
        // argument back), the second one; the last loop reads y with one stride across both, which no compact
        // layout addresses, so every node keeps its own slot.
        RealFunction f = x -> {
            Real s = x[0].constant(0);
            Real[] y = new Real[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = i < x.length / 2 ? x[i].mul(2).add(1).sin() : x[i].mul(2).add(1).mul(3);
            }
            for (int i = 0; i < x.length; i++) {
                s = s.add(y[i].mul(x[i]));
            }
            return s;
        };
        double[] x = new SplittableRandom(3).doubles(30, -1, 1).toArray();
        Trace t = Trace.recordAsRun(f, List.of(), x);
        assertThat(new Sweeps(t, new ArrayList<>()).slotCount()).isEqualTo(x.length + t.steps().size());
        agree(f, ScalarCompiler.compile(t), x);
    }

    /** Random programs built from loops of the shapes numeric code has: maps, stencils, recurrences, reductions. */
    static RealFunction loops(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int phases = 2 + r.nextInt(5);
        int[] kind = new int[phases];
        int[] op = new int[phases];
        double[] c = new double[phases];
        for (int p = 0; p < phases; p++) {
            kind[p] = r.nextInt(8);
            op[p] = r.nextInt(UNARY.size());
            c[p] = r.nextDouble(0.3, 1.5);
        }
        return x -> {
            int n = x.length;
            Real[] y = x.clone();
            Real acc = x[0].mul(0.5);
            for (int p = 0; p < phases; p++) {
                UnaryOperator<Real> f = UNARY.get(op[p]);
                Real[] z = y.clone();
                switch (kind[p]) {
                    case 0 -> {                                           // map with a neighbour
                        for (int i = 0; i + 1 < n; i++) {
                            z[i] = f.apply(y[i]).mul(y[i + 1]).add(c[p]);
                        }
                    }
                    case 1 -> {                                           // reduction into an accumulator
                        for (int i = 0; i < n; i++) {
                            acc = acc.add(f.apply(y[i]).mul(c[p]));
                        }
                    }
                    case 2 -> {                                           // recurrence, every state kept
                        Real s = y[0];
                        for (int i = 1; i < n; i++) {
                            s = f.apply(s.mul(c[p]).add(y[i]));
                            z[i] = s;
                        }
                    }
                    case 3 -> {                                           // stencil two back, reading z itself
                        for (int i = 2; i < n; i++) {
                            z[i] = y[i].sub(z[i - 2].mul(c[p])).mul(y[i]);
                        }
                    }
                    case 4 -> {                                           // backwards: negative strides
                        for (int i = 0; i < n; i++) {
                            z[i] = f.apply(y[n - 1 - i]).add(y[i].mul(y[i]));
                        }
                    }
                    case 5 -> {                                           // dead work inside a loop
                        for (int i = 0; i < n; i++) {
                            Real unused = f.apply(y[i]).mul(7);
                            z[i] = y[i].mul(c[p]).add(unused.mul(0));
                        }
                    }
                    case 7 -> {                                           // a product carried from trip to trip
                        Real s = y[0];
                        for (int i = 1; i < n; i++) {
                            s = s.mul(y[i]).mul(c[p]).add(f.apply(y[i])).tanh();
                            z[i] = s.mul(s);
                        }
                    }
                    default -> {                                          // two accumulators, one through a row
                        Real s = x[0].constant(0);
                        for (int i = 0; i < n; i++) {
                            s = s.add(y[i].mul(y[i]));
                            acc = acc.mul(0.9).add(f.apply(s.mul(1e-2)));
                        }
                    }
                }
                y = z;
            }
            for (int i = 0; i < n; i += 3) {
                acc = acc.add(y[i]);
            }
            return acc;
        };
    }

    /** Smooth rows with bounded results, some of whose derivatives read their own value (exp, sqrt, tanh, 1/x). */
    private static final List<UnaryOperator<Real>> UNARY = List.of(Real::sin, Real::tanh, a -> a.tanh().exp(),
            a -> a.mul(a).add(1).sqrt(), a -> a.mul(a).add(1).reciprocal(), a -> a.mul(a).add(1).log(), Real::atan,
            a -> a.apply(Binary.HYPOT, a.constant(0.5)));

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24})
    void loopProgramsComputeTheTapesGradientAtOtherPoints(long seed) {
        RealFunction f = loops(seed);
        SplittableRandom r = new SplittableRandom(seed * 31);
        int n = 5 + r.nextInt(60);
        CompiledGradient c = ScalarCompiler.compile(f, r.doubles(n, -1, 1).toArray());
        for (int k = 0; k < 3; k++) {
            agree(f, c, r.doubles(n, -1, 1).toArray());
        }
        double[] x = r.doubles(n, -1, 1).toArray();
        double[] g = new double[n];
        double y = c.valueAndGradient(x, g);
        double[] fd = FiniteDifferences.gradient(c::value, x);
        for (int i = 0; i < n; i++) {                   // central differences lose about 1e-10·|f| to round-off
            assertThat(g[i]).as("∂f/∂x%d against central differences", i + 1)
                    .isCloseTo(fd[i], Offset.offset(1e-6 * (1 + Math.abs(fd[i])) + 1e-9 * Math.abs(y)));
        }
    }

    @Test
    void rerolledLongProgramsComputeTheSameGradient() {
        RealFunction f = ScalarCompilerTest.rosenbrock();
        double[] x = new SplittableRandom(8).doubles(2500, -2, 2).toArray();   // 20000 steps: rerolled
        agree(f, ScalarCompiler.compile(f, x), x);
    }

    @Test
    void longIrregularProgramsGetSmallMethodsAndRelativeIndices() {
        // 45000 steps in mostly no repeating pattern: forward chunks called through a tree of dispatch methods.
        RealFunction f = x -> {
            SplittableRandom r = new SplittableRandom(5);
            Real l = x[0];
            for (int k = 0; k < 45000; k++) {
                int op = r.nextInt(3);
                l = op == 0 ? l.sin() : op == 1 ? l.cos() : l.mul(0.5);
            }
            return l;
        };
        Trace t = Trace.recordAsRun(f, List.of(), 0.3);
        String src = ScalarCompiler.source(t, "Long", new ArrayList<>());
        assertThat(src).contains("private void fd_0(double[] v)").contains("private void fd_1(double[] v)");
        int longest = 0;
        int current = 0;
        for (String line : src.split("\n")) {
            current = line.startsWith("  private void") || line.startsWith("  protected") ? 0 : current + 1;
            longest = Math.max(longest, current);
        }
        assertThat(longest).isLessThanOrEqualTo(2 * 201);
        assertThat(src).contains("v[o + ").doesNotContain("v[40000] =");  // large indices are relative
        CompiledGradient c = ScalarCompiler.compile(t);
        double[] g = new double[1];
        assertThat(c.valueAndGradient(new double[] {0.3}, g)).isEqualTo(t.value());
        assertThat(g[0]).isCloseTo(t.reverse().gradient()[0], Offset.offset(1e-12));
    }

    @Test
    void unusedInputsGetZeroAndConstantOutputsWork() {
        CompiledGradient c = ScalarCompiler.compile(x -> x[0].sin(), 1.0, 2.0);
        double[] g = {9, 9};
        c.valueAndGradient(new double[] {0.5, 3}, g);
        assertThat(g).containsExactly(Math.cos(0.5), 0.0);
        CompiledGradient identity = ScalarCompiler.compile(x -> x[1], 1.0, 2.0);
        double[] e = {9, 9};
        assertThat(identity.valueAndGradient(new double[] {4, 5}, e)).isEqualTo(5.0);
        assertThat(e).containsExactly(0.0, 1.0);
        CompiledGradient k = ScalarCompiler.compile(x -> x[0].constant(3), 1.0);
        double[] h = {9};
        assertThat(k.valueAndGradient(new double[] {2}, h)).isEqualTo(3.0);
        assertThat(h).containsExactly(0.0);
    }

    @Test
    void wrongArityIsAClearError() {
        CompiledGradient c = ScalarCompiler.compile(x -> x[0].mul(x[1]), 1.0, 2.0);
        assertThatThrownBy(() -> c.value(new double[] {1})).hasMessageContaining("2 inputs called with 1");
        assertThatThrownBy(() -> c.valueAndGradient(new double[] {1, 2}, new double[1]))
                .hasMessageContaining("gradient array of length 1");
    }
}
