package dev.adjoint.scalar.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.symbolic.Parser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A trace names the first operation that produced NaN or ∞, whether a step or constants folded while recording. */
class NonFiniteTraceTest {

    private static Trace trace(String expr, double... x) {
        List<String> names = x.length == 0 ? List.of() : List.of("x");
        return Trace.record(Parser.parse(expr), names, x);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1e308*10;    * produced an infinite value folding the constants 1e308 × 10 = ∞",
        "2^1024;      pow produced an infinite value folding the constants 2^1024 = ∞",
        "(-8)^(1/3);  pow produced NaN folding the constants (−8)^0.3333333333333333 = NaN",
        "ln(0) + 1;   ln produced an infinite value folding the constants ln(0) = −∞"})
    void constantsThatFoldToNaNOrInfinityAreNamedWithOrWithoutInputs(String expr, String cause) {
        assertThat(trace(expr).nonFinite()).contains(cause);
        assertThat(trace(expr).nonFiniteConstant()).contains(cause);
        assertThat(trace("x + " + expr, 1).nonFinite()).contains(cause);
        assertThat(trace("x + " + expr, 1).firstNonFiniteConstant()).hasValueSatisfying(s -> {
            assertThat(s.id()).isZero();
            assertThat(s.operands()).allMatch(Operand::literal);
        });
        assertThatThrownBy(() -> trace(expr).requireFinite()).isInstanceOf(NonFiniteException.class)
                .hasMessage(cause);
    }

    @Test
    void aStepIsNamedBeforeAConstant() {
        Trace t = trace("ln(x - 3) + 1e308*10", 2);
        assertThat(t.nonFinite()).contains("ln produced NaN at v₂ = ln(v₁) = ln(−1) = NaN");
        assertThat(t.nonFiniteConstant()).contains("* produced an infinite value folding the constants 1e308 × 10 = ∞");
        assertThatThrownBy(t::requireFinite).isInstanceOfSatisfying(NonFiniteException.class,
                e -> assertThat(e.step().id()).isEqualTo(2));
    }

    @Test
    void onlyTheFirstNonFiniteValueIsTheCause() {
        // ∞ − ∞ = NaN downstream is a consequence, not a cause.
        Trace t = trace("x*1e308*10 - x*1e308*10", 1);
        assertThat(t.nonFinite()).contains("* produced an infinite value at v₁ = v₀ × 1e308 = 1 × 1e308 = 1e308"
                .replace("v₁ = v₀ × 1e308 = 1 × 1e308 = 1e308", "v₃ = v₁ × 10 = 1e308 × 10 = ∞"));
    }

    @Test
    void finiteTracesHaveNoCause() {
        assertThat(trace("x*1e300 + 2^10", 2).nonFinite()).isEmpty();
        assertThat(trace("1e300*10").nonFinite()).isEmpty();
        assertThat(trace("1 / (x - x) * 0 + 1", 1).nonFiniteConstant()).isEmpty();
        assertThat(trace("x", 1).requireFinite().value()).isEqualTo(1);
    }
}
