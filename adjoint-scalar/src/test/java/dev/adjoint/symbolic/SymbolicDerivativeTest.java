package dev.adjoint.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.scalar.Dual;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.RealFunction;
import dev.adjoint.scalar.Tape;
import dev.adjoint.scalar.Var;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SymbolicDerivativeTest {

    static LongStream seeds() {
        return LongStream.range(0, 3000);
    }

    static void assertClose(double actual, double expected, String what) {
        assertThat(Math.abs(actual - expected)).as(what + ": %s vs %s", actual, expected)
                .isLessThanOrEqualTo(1e-9 * (1 + Math.abs(expected)));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void gradientAgreesWithReverseModeOnRandomTrees(long seed) {
        RandomExprs g = new RandomExprs(seed);
        Expr e = g.next(5);
        Tape tape = Tape.create();
        Var[] in = tape.variables(g.point);
        Real y = RandomExprs.function(e).apply(in);
        double[] ad = y instanceof Var v ? tape.gradient(v, in) : new double[3];
        Map<String, Double> at = g.bindings();
        for (int i = 0; i < 3; i++) {
            Expr d = e.derivative(RandomExprs.NAMES[i]);
            assertClose(d.evaluate(at), ad[i], "∂/∂" + RandomExprs.NAMES[i] + " of " + e);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void secondDerivativeAgreesWithForwardModeOnTheFirst(long seed) {
        // d²e/dxdy symbolically, against forward mode (a Dual along y) run on the symbolic ∂e/∂x.
        RandomExprs g = new RandomExprs(seed + 1_000_000);
        Expr e = g.next(4);
        Expr dx = e.derivative("x");
        Expr dxy = dx.derivative("y");
        RealFunction f = RandomExprs.function(dx);
        Real[] in = Dual.seed(g.point, new double[] {0, 1, 0});
        Real out = f.apply(in);
        double forward = out instanceof Dual d ? d.tangent() : 0;
        assertClose(dxy.evaluate(g.bindings()), forward, "∂²/∂x∂y of " + e);
    }

    @Test
    void theLectureExampleHasTheTextbookDerivatives() {
        Variable x1 = Variable.of("x1", 2);
        Variable x2 = Variable.of("x2", 5);
        Expr y = (Expr) x1.log().add(x1.mul(x2)).sub(x2.sin());
        assertThat(Simplifier.simplify(y.derivative("x1")).toString()).isEqualTo("x2 + 1/x1");
        assertThat(Simplifier.simplify(y.derivative("x2")).toString()).isEqualTo("x1 - cos(x2)");
        assertThat(y.derivative("x1").value()).isEqualTo(5.5);
        assertThat(y.derivative("x2").value()).isEqualTo(2 - Math.cos(5));
        assertThat(y.derivative("x3")).isEqualTo(Constant.of(0));
    }

    @Test
    void deepExpressionsAreDifferentiatedSimplifiedAndMeasuredWithoutRecursion() {
        // e ← e/2 + sin(x), 100 000 times: far deeper than a call stack of 1 MB allows. e → 2 sin(x), e′ → 2 cos(x).
        Variable x = Variable.of("x", 0.4);
        Expr e = x;
        for (int i = 0; i < 100_000; i++) {
            e = e.mul(0.5).add((Expr) x.sin());
        }
        Expr d = e.derivative("x");
        assertThat(d.value()).isCloseTo(2 * Math.cos(0.4), org.assertj.core.api.Assertions.within(1e-12));
        Expr s = Simplifier.simplify(d);
        assertThat(s.value()).isCloseTo(2 * Math.cos(0.4), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(e.treeSize()).isEqualTo(1 + 5L * 100_000);
        assertThat(d.dagSize()).isGreaterThan(100_000);
    }

    @Test
    void sharedNodesAreDifferentiatedOnceSoTheDerivativeStaysADag() {
        // s = x·x, then 30 times s = s·s: the tree has 2^31 − 1 nodes, the DAG 32.
        Expr s = Variable.of("x", 1 + 1e-10);
        for (int i = 0; i < 30; i++) {
            s = s.mul(s);
        }
        assertThat(s.dagSize()).isEqualTo(31);
        Expr d = s.derivative("x");
        assertThat(d.dagSize()).isLessThan(31 * 4);
        assertThat(d.treeSize()).isGreaterThan(1L << 31);
        // d/dx x^(2^30) = 2^30 x^(2^30 − 1)
        double n = Math.pow(2, 30);
        double exact = n * Math.pow(1 + 1e-10, n - 1);
        assertThat(Math.abs(d.value() / exact - 1)).isLessThan(1e-6);
    }
}
