package dev.adjoint.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.scalar.Binary;
import dev.adjoint.scalar.Real;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SimplifierTest {

    static final Variable X = Variable.of("x", 0.7);
    static final Variable Y = Variable.of("y", -1.3);

    static LongStream seeds() {
        return LongStream.range(0, 2000);
    }

    static String simplified(Real e) {
        return Simplifier.simplify((Expr) e).toString();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void simplificationNeverChangesTheValue(long seed) {
        RandomExprs g = new RandomExprs(seed + 7_000_000);
        Expr e = g.next(5);
        Map<String, Double> at = g.bindings();
        for (Expr candidate : new Expr[] {e, e.derivative("x"), e.derivative("z").derivative("y")}) {
            double before = candidate.evaluate(at);
            Expr s = Simplifier.simplify(candidate);
            double after = s.evaluate(at);
            // Reordered sums and products round differently; allow for it relative to the terms' magnitude.
            assertThat(Math.abs(after - before)).as("%s  →  %s", candidate, s)
                    .isLessThanOrEqualTo(1e-9 * (1 + Math.abs(before)));
            assertThat(s.dagSize()).isLessThanOrEqualTo(2 * candidate.dagSize() + 2);
            assertThat(Simplifier.simplify(s).toString()).as("simplifying twice").isEqualTo(s.toString());
        }
    }

    @Test
    void identities() {
        assertThat(simplified(X.mul(1))).isEqualTo("x");
        assertThat(simplified(X.mul(0))).isEqualTo("0");
        assertThat(simplified(X.add(0))).isEqualTo("x");
        assertThat(simplified(X.sub(X))).isEqualTo("0");
        assertThat(simplified(X.div(X))).isEqualTo("1");
        assertThat(simplified(X.neg().neg())).isEqualTo("x");
        assertThat(simplified(Constant.of(2).add(Constant.of(3)).mul(X.constant(4)))).isEqualTo("20");
        assertThat(simplified(X.sin().mul(Constant.of(0).exp()))).isEqualTo("sin(x)");
    }

    @Test
    void likeTermsAndPowers() {
        assertThat(simplified(X.mul(X))).isEqualTo("x^2");
        assertThat(simplified(X.mul(2).add(X.mul(3)))).isEqualTo("5*x");
        assertThat(simplified(X.mul(Y).sub(Y.mul(X)))).isEqualTo("0");
        assertThat(simplified(X.mul(X).mul(X).div(X))).isEqualTo("x^2");
        assertThat(simplified(X.pow(2).pow(3))).isEqualTo("x^6");
        assertThat(simplified(X.apply(Binary.POW, Constant.of(3)))).isEqualTo("x^3");
        assertThat(simplified(X.reciprocal().mul(X.square()))).isEqualTo("x");
        assertThat(simplified(X.sin().mul(2).add(X.sin().mul(-2)).add(Y))).isEqualTo("y");
        assertThat(simplified(X.neg().sub(X))).isEqualTo("-2*x");
        assertThat(simplified(Constant.of(1).sub(X).add(X.mul(3)))).isEqualTo("2*x + 1");
    }

    @Test
    void equalSubexpressionsBecomeOneNode() {
        // Two separately built copies of sin(x) + 1 collapse into one node, so their difference cancels.
        Expr a = (Expr) X.sin().add(1);
        Expr b = (Expr) X.sin().add(1);
        assertThat(a).isNotSameAs(b);
        assertThat(simplified(a.sub(b))).isEqualTo("0");
        Expr s = Simplifier.simplify(a.mul(b));
        assertThat(s.toString()).isEqualTo("(sin(x) + 1)^2");
    }

    @Test
    void simplifyingTheSwellKeepsItLinearAsADag() {
        for (int n = 2; n <= 30; n++) {
            Expr l = (Expr) LogisticMap.iterate(n).apply(new Real[] {X});
            Expr d = Simplifier.simplify(l.derivative("x"));
            assertThat(d.dagSize()).isLessThanOrEqualTo(15L * n);
            assertThat(Math.abs(d.value() - l.derivative("x").value()))
                    .isLessThanOrEqualTo(1e-9 * (1 + Math.abs(d.value())));
        }
    }
}
