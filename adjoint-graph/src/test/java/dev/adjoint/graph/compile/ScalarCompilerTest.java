package dev.adjoint.graph.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.scalar.Binary;
import dev.adjoint.scalar.Derivatives;
import dev.adjoint.scalar.Elementary;
import dev.adjoint.scalar.Gradient;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.RealFunction;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

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
    void repeatedStepsAreRerolledIntoLoops() {
        String src = ScalarCompiler.source(dev.adjoint.scalar.trace.Trace.record(logistic(6000), java.util.List.of(),
                0.3), "Rerolled", new java.util.ArrayList<>());
        assertThat(src).contains("for (int i = 0; i < ");
        assertThat(src.lines().count()).isLessThan(100);               // not 40000 statements
        String shortOne = ScalarCompiler.source(dev.adjoint.scalar.trace.Trace.record(logistic(1000),
                java.util.List.of(), 0.3), "Straight", new java.util.ArrayList<>());
        assertThat(shortOne).doesNotContain("for (int i");              // short sweeps stay straight-line
    }

    @Test
    void rerolledLongProgramsComputeTheSameGradient() {
        RealFunction f = ScalarCompilerTest.rosenbrock();
        double[] x = new SplittableRandom(8).doubles(2500, -2, 2).toArray();   // 20000 steps: rerolled
        agree(f, ScalarCompiler.compile(f, x), x);
    }

    @Test
    void longIrregularProgramsGetSmallMethodsAndRelativeIndices() {
        // 33000 steps in no repeating pattern: 165 forward chunks, called through a tree of dispatch methods.
        RealFunction f = x -> {
            SplittableRandom r = new SplittableRandom(5);
            Real l = x[0];
            for (int k = 0; k < 33000; k++) {
                int op = r.nextInt(3);
                l = op == 0 ? l.sin() : op == 1 ? l.cos() : l.mul(0.5);
            }
            return l;
        };
        dev.adjoint.scalar.trace.Trace t = dev.adjoint.scalar.trace.Trace.record(f, java.util.List.of(), 0.3);
        String src = ScalarCompiler.source(t, "Long", new java.util.ArrayList<>());
        assertThat(src).contains("private void fd_0(double[] v)").contains("private void fd_1(double[] v)");
        int longest = 0;
        int current = 0;
        for (String line : src.split("\n")) {
            current = line.startsWith("  private void") || line.startsWith("  protected") ? 0 : current + 1;
            longest = Math.max(longest, current);
        }
        assertThat(longest).isLessThanOrEqualTo(2 * 201);
        assertThat(src).contains("v[o + ").doesNotContain("v[32999] =");  // large indices are relative
    }

    @Test
    void unusedInputsGetZeroAndConstantOutputsWork() {
        CompiledGradient c = ScalarCompiler.compile(x -> x[0].sin(), 1.0, 2.0);
        double[] g = {9, 9};
        c.valueAndGradient(new double[] {0.5, 3}, g);
        assertThat(g).containsExactly(Math.cos(0.5), 0.0);
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
