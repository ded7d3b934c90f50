package dev.adjoint.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.numeric.GradCheck;
import dev.adjoint.scalar.Dual;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.RealFunction;
import dev.adjoint.scalar.Tape;
import dev.adjoint.scalar.Var;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LogisticMapTest {

    static LongStream seeds() {
        return LongStream.range(0, 50);
    }

    static double forward(RealFunction f, double x) {
        return ((Dual) f.apply(new Real[] {Dual.variable(x)})).tangent();
    }

    static double reverse(RealFunction f, double x) {
        Tape t = Tape.create();
        Var v = t.variable(x);
        t.backward((Var) f.apply(new Real[] {v}));
        return t.adjoint(v);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void closedFormManualDerivativeAdAndSymbolicAgree(long seed) {
        double x = new Random(seed).nextDouble() * 1.2 - 0.1;
        RealFunction program = LogisticMap.iterate(4);
        double value = program.apply(new Real[] {Dual.constantOf(x)}).value();
        assertThat(LogisticMap.closedForm(x)).isCloseTo(value, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(LogisticMap.closedForm().apply(new Real[] {Dual.constantOf(x)}).value())
                .isCloseTo(value, org.assertj.core.api.Assertions.within(1e-12));

        double manual = LogisticMap.manualDerivative(x);
        double tolerance = 1e-11 * (1 + Math.abs(manual));
        assertThat(forward(program, x)).isCloseTo(manual, org.assertj.core.api.Assertions.within(tolerance));
        assertThat(reverse(program, x)).isCloseTo(manual, org.assertj.core.api.Assertions.within(tolerance));
        assertThat(reverse(LogisticMap.closedForm(), x)).isCloseTo(manual,
                org.assertj.core.api.Assertions.within(tolerance));

        Variable v = Variable.of("x", x);
        double symbolicProgram = ((Expr) program.apply(new Real[] {v})).derivative("x").value();
        double symbolicClosed = ((Expr) LogisticMap.closedForm().apply(new Real[] {v})).derivative("x").value();
        assertThat(symbolicProgram).isCloseTo(manual, org.assertj.core.api.Assertions.within(tolerance));
        assertThat(symbolicClosed).isCloseTo(manual, org.assertj.core.api.Assertions.within(tolerance));
        assertThat(GradCheck.gradient(program, x).passed()).isTrue();
        // The exact rational derivative agrees with all of them to rounding.
        assertThat(LogisticMap.exactDerivative(4, x).doubleValue()).isCloseTo(manual,
                org.assertj.core.api.Assertions.within(tolerance));
        assertThat(LogisticMap.exactDerivative(1, x).doubleValue()).isEqualTo(1);
        // l2 = 4x(1 − x): l2' = 4 − 8x exactly.
        assertThat(LogisticMap.exactDerivative(2, 0.25)).isEqualByComparingTo("2");
    }

    @org.junit.jupiter.api.Test
    void nMustBePositive() {
        assertThatThrownBy(() -> LogisticMap.iterate(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n must be >= 1");
        assertThatThrownBy(() -> LogisticMap.exactDerivative(21, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 <= n <= 20");
    }
}
