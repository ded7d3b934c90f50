package dev.adjoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Results that are NaN or ∞ are printed as computed, with one warning line on stderr naming the first operation that
 * produced one, and exit code 3; compare, which needs finite values, prints only that line.
 */
class NonFiniteTest {

    static Stream<Arguments> cases() {
        String fold = "* produced an infinite value folding the constants 1e308 × 10 = ∞";
        String pow = "pow produced an infinite value folding the constants 2^1024 = ∞";
        String cube = "pow produced NaN folding the constants (−8)^0.3333333333333333 = NaN";
        String step = "* produced an infinite value at v₁ = v₀ × 1e308 = 10 × 1e308 = ∞";
        String slope = "the derivative of sqrt is not finite at v₁ = sqrt(v₀) = sqrt(0) = 0";
        return Stream.of(
                Arguments.of("1e308*10", "", fold), Arguments.of("2^1024", "", pow), Arguments.of("(-8)^(1/3)", "", cube),
                Arguments.of("x + 1e308*10", "x=1", fold), Arguments.of("x*2^1024", "x=1", pow),
                Arguments.of("x*1e308", "x=10", step), Arguments.of("sqrt(x)", "x=0", slope));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void traceAndDiffPrintTheResultAndWarnWithExitCode3(String expr, String at, String cause) {
        for (String command : new String[] {"trace", "diff"}) {
            Cli.Result r = at.isEmpty() ? Cli.run(command, expr) : Cli.run(command, expr, "--at", at);
            assertThat(r.exit()).as(command + " " + expr + ": " + r.err()).isEqualTo(NonFinite.EXIT_CODE);
            assertThat(r.out()).as(command).contains(command.equals("trace") ? "y" : "value");
            assertThat(r.out()).containsAnyOf("NaN", "∞", "Infinity");
            assertThat(r.err()).isEqualTo("adjoint " + command + ": warning: not finite: " + cause + "\n");
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void compareStopsWithTheCause(String expr, String at, String cause) {
        if (at.isEmpty()) {
            return; // compare needs a variable: a usage error, tested with compare's other options
        }
        Cli.Result r = Cli.run("compare", expr, "--at", at, "--out", "target/non-finite-compare");
        assertThat(r.exit()).as(r.err()).isEqualTo(NonFinite.EXIT_CODE);
        assertThat(r.err()).isEqualTo("adjoint compare: not finite: " + cause
                + "; compare needs a point where f and its derivative are finite\n");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void graphWarnsAboutConstantsThatAreNotFinite(String expr, String at, String cause) {
        Cli.Result r = Cli.run("graph", expr);
        if (!cause.contains("folding")) {
            assertThat(r.exit()).as("depends on the point, which graph has not").isZero();
            return;
        }
        assertThat(r.exit()).isEqualTo(NonFinite.EXIT_CODE);
        assertThat(r.out()).startsWith("{ lambda");
        assertThat(r.err()).isEqualTo("adjoint graph: warning: not finite: " + cause + "\n");
        assertThat(Cli.run("graph", expr, "--format", "java").exit()).isEqualTo(NonFinite.EXIT_CODE);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void jsonWritesNullForNonFiniteNumbers(String expr, String at, String cause) {
        Cli.Result r = at.isEmpty() ? Cli.run("diff", expr, "--json") : Cli.run("diff", expr, "--at", at, "--json");
        assertThat(r.exit()).isEqualTo(NonFinite.EXIT_CODE);
        assertThat(r.out()).contains("null").doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(Json.parse(r.out().strip())).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void finiteNeighboursExitZero(String expr, String at, String cause) {
        String tame = expr.replace("1e308", "1e3").replace("1024", "10").replace("(-8)", "8");
        Cli.Result r = Cli.run("diff", tame, "--at", at.isEmpty() ? "y=1" : at.replace("x=0", "x=1"));
        assertThat(r.exit()).as(tame + ": " + r.err()).isZero();
        assertThat(r.err()).isEmpty();
    }
}
