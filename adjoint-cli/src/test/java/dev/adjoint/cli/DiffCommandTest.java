package dev.adjoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.scalar.Derivatives;
import dev.adjoint.scalar.Gradient;
import dev.adjoint.scalar.RealFunction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiffCommandTest {

    private static final String LECTURE = "ln(x1) + x1*x2 - sin(x2)";
    // Written independently of the parser, in the order x2, x1 of the --at below.
    private static final RealFunction SWAPPED = x -> x[1].log().add(x[1].mul(x[0])).sub(x[0].sin());

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String out) {
        return (Map<String, Object>) Json.parse(out);
    }

    private static double[] doubles(Object list) {
        return ((List<?>) list).stream().mapToDouble(o -> (Double) o).toArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"forward", "reverse"})
    void jsonMatchesDerivatives(String mode) {
        Cli.Result r = Cli.run("diff", LECTURE, "--at", "x2=5,x1=2", "--order", "2", "--json", "--mode", mode);
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().trim().lines()).hasSize(1);
        Map<String, Object> o = json(r.out());
        assertThat(o.keySet()).containsExactly("variables", "value", "gradient", "hessian");
        assertThat(o.get("variables")).isEqualTo(List.of("x2", "x1"));
        Gradient g = Derivatives.gradient(SWAPPED, 5, 2);
        assertThat((Double) o.get("value")).isEqualTo(g.value());
        double[] gradient = doubles(o.get("gradient"));
        assertThat(gradient[0]).isCloseTo(g.gradient()[0], within(1e-15));
        assertThat(gradient[1]).isCloseTo(g.gradient()[1], within(1e-15));
        assertThat(gradient[0]).isCloseTo(2 - Math.cos(5), within(1e-15));
        double[][] expected = Derivatives.hessian(SWAPPED, 5, 2);
        List<?> rows = (List<?>) o.get("hessian");
        for (int i = 0; i < 2; i++) {
            assertThat(doubles(rows.get(i))).containsExactly(expected[i], within(1e-15));
        }
        assertThat(expected[0][0]).isCloseTo(Math.sin(5), within(1e-15));
        assertThat(expected[1][1]).isCloseTo(-0.25, within(1e-15));
    }

    @Test
    void firstOrderJsonHasNoHessianAndUnusedVariablesGetZero() {
        Cli.Result r = Cli.run("diff", "x*y", "--at", "x=3,unused=7,y=-2", "--json");
        assertThat(r.exit()).isZero();
        Map<String, Object> o = json(r.out());
        assertThat(o).doesNotContainKey("hessian");
        assertThat(o.get("variables")).isEqualTo(List.of("x", "unused", "y"));
        assertThat(doubles(o.get("gradient"))).containsExactly(-2.0, 0.0, 3.0);
        assertThat(o.get("value")).isEqualTo(-6.0);
    }

    @Test
    void textOutput() {
        Cli.Result r = Cli.run("diff", LECTURE, "--at", "x1=2,x2=5", "--order", "2");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("f(x1, x2) = " + LECTURE, "value     " + Derivatives.gradient(
                x -> x[0].log().add(x[0].mul(x[1])).sub(x[1].sin()), 2, 5).value(), "∂f/∂x1 = 5.5",
                "∂f/∂x2 = 1.7163378145367738", "hessian");
        assertThat(Cli.run("diff", LECTURE, "--at", "x1=2,x2=5", "--digits", "3").out()).contains("∂f/∂x2 = 1.716");
    }

    @Test
    void constantExpression() {
        Cli.Result r = Cli.run("diff", "2*pi", "--json", "--order", "2");
        assertThat(r.exit()).isZero();
        Map<String, Object> o = json(r.out());
        assertThat(o.get("value")).isEqualTo(2 * Math.PI);
        assertThat(o.get("gradient")).isEqualTo(List.of());
    }

    @Test
    void errors() {
        Cli.Result missing = Cli.run("diff", LECTURE, "--at", "x1=2");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no value for variable x2");
        Cli.Result nan = Cli.run("diff", "sqrt(x - 2)", "--at", "x=1");
        assertThat(nan.exit()).isEqualTo(3);
        assertThat(nan.out()).contains("value     NaN");
        assertThat(nan.err()).isEqualTo("adjoint diff: warning: not finite: sqrt produced NaN at v₂ = sqrt(v₁) ="
                + " sqrt(−1) = NaN\n");
        Cli.Result kink = Cli.run("diff", "sqrt(x)", "--at", "x=0");
        assertThat(kink.exit()).isEqualTo(3);
        assertThat(kink.out()).contains("value     0", "∂f/∂x = Infinity");
        assertThat(kink.err()).contains("the derivative of sqrt is not finite at v₁ = sqrt(v₀) = sqrt(0) = 0");
        Cli.Result parse = Cli.run("diff", "x +* y", "--at", "x=1,y=2");
        assertThat(parse.exit()).isEqualTo(2);
        assertThat(parse.err()).contains("unexpected '*'").contains("\n     ^");
        assertThat(Cli.run("diff", "x", "--at", "x=1", "--order", "3").exit()).isEqualTo(2);
        assertThat(Cli.run("diff", "x", "--at", "x=1", "--mode", "auto").exit()).isEqualTo(2);
        assertThat(Cli.run("diff", "x", "--at", "pi=1").exit()).isEqualTo(2);
    }

    @Test
    void help() {
        Cli.Result r = Cli.run("diff", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: adjoint diff", "--order", "--json");
    }
}
