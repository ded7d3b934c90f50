package dev.adjoint.nn.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The accepted step satisfies both strong Wolfe conditions, from steps far too short or far too long. */
class WolfeLineSearchTest {

    static Stream<Arguments> cases() {
        DoubleUnaryOperator quartic = a -> Math.pow(a - 3, 4) - 2 * a;
        DoubleUnaryOperator dQuartic = a -> 4 * Math.pow(a - 3, 3) - 2;
        DoubleUnaryOperator wiggle = a -> -a / (a * a + 2) + 0.03 * Math.sin(10 * a);
        DoubleUnaryOperator dWiggle = a -> (a * a - 2) / Math.pow(a * a + 2, 2) + 0.3 * Math.cos(10 * a);
        DoubleUnaryOperator quad = a -> (a - 40) * (a - 40);
        DoubleUnaryOperator dQuad = a -> 2 * (a - 40);
        return Stream.of(1e-3, 1.0, 100.0).flatMap(a1 -> Stream.of(
                Arguments.of("quartic", quartic, dQuartic, a1),
                Arguments.of("wiggly", wiggle, dWiggle, a1),
                Arguments.of("far quadratic", quad, dQuad, a1)));
    }

    @ParameterizedTest(name = "{0} from α₁ = {3}")
    @MethodSource("cases")
    void strongWolfe(String name, DoubleUnaryOperator f, DoubleUnaryOperator df, double alpha1) {
        WolfeLineSearch ls = new WolfeLineSearch(1e-4, 0.5, 50);
        WolfeLineSearch.Point start = new WolfeLineSearch.Point(0, f.applyAsDouble(0), df.applyAsDouble(0), null);
        WolfeLineSearch.Result r = ls.search(a -> new WolfeLineSearch.Point(a, f.applyAsDouble(a),
                df.applyAsDouble(a), null), start, alpha1);
        WolfeLineSearch.Point p = r.point();
        assertThat(r.wolfe()).isTrue();
        assertThat(p.value()).as("sufficient decrease").isLessThanOrEqualTo(start.value() + 1e-4 * p.alpha()
                * start.slope());
        assertThat(Math.abs(p.slope())).as("curvature").isLessThanOrEqualTo(0.5 * Math.abs(start.slope()));
    }
}
