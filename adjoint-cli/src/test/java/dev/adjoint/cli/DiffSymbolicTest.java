package dev.adjoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.symbolic.Parser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code adjoint diff EXPR --symbolic}: the printed derivatives are checked by parsing them back and evaluating. */
class DiffSymbolicTest {

    @Test
    void theLectureExamplePrintsItsPartialsAsTextAndLatex() {
        Cli.Result r = Cli.run("diff", "ln(x1) + x1*x2 - sin(x2)", "--at", "x1=2,x2=5", "--symbolic");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("symbolic  ∂f/∂x1 = x2 + 1/x1").contains("∂f/∂x2 = x1 - cos(x2)")
                .contains("LaTeX: x_{2} + \\frac{1}{x_{1}}");
        assertThat(Cli.run("diff", "x^2", "--at", "x=3").out()).doesNotContain("symbolic");
    }

    @Test
    void printedDerivativesEvaluateToTheGradient() {
        String f = "exp(x*y)/(1 + y^2) - atan2(y, x)";
        Cli.Result r = Cli.run("diff", f, "--at", "x=0.3,y=-1.2", "--symbolic", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> o = (Map<String, Object>) Json.parse(r.out());
        @SuppressWarnings("unchecked")
        Map<String, Object> symbolic = (Map<String, Object>) o.get("symbolic");
        List<?> gradient = (List<?>) o.get("gradient");
        Map<String, Double> at = Map.of("x", 0.3, "y", -1.2);
        for (int i = 0; i < 2; i++) {
            String text = (String) symbolic.get(i == 0 ? "x" : "y");
            double value = Parser.parse(text).evaluate(at);
            assertThat(value).as(text).isCloseTo((Double) gradient.get(i),
                    org.assertj.core.api.Assertions.within(1e-12));
        }
    }

    @Test
    void hugeDerivativesAreSummarisedNotPrinted() {
        // Forty nested squarings of sin: the derivative repeats each inner expression, so its tree grows like the
        // square of the depth and passes the print limit.
        StringBuilder e = new StringBuilder("x");
        for (int i = 0; i < 40; i++) {
            e.insert(0, "sin(").append(")^2 + x");
        }
        Cli.Result r = Cli.run("diff", e.toString(), "--at", "x=0.5", "--symbolic");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("too large to print");
    }
}
