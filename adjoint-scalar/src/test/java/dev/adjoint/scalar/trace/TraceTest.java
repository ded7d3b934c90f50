package dev.adjoint.scalar.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.scalar.Derivatives;
import dev.adjoint.scalar.Gradient;
import dev.adjoint.scalar.Mode;
import dev.adjoint.scalar.RealFunction;
import dev.adjoint.scalar.trace.PrintedTrace.Row;
import dev.adjoint.symbolic.Expr;
import dev.adjoint.symbolic.Exprs;
import dev.adjoint.symbolic.Parser;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lecture's worked example, reproduced from the printed tables, and traces checked against other modes. */
class TraceTest {

    private static final String LECTURE = "ln(x1) + x1*x2 - sin(x2)";
    private static final RealFunction LAMBDA = x -> x[0].log().add(x[0].mul(x[1])).sub(x[1].sin());
    private static final TracePrinter TEXT = TracePrinter.of(TracePrinter.Format.TEXT, 3);

    private static Trace lecture() {
        return Trace.record(Parser.parse(LECTURE), List.of("x1", "x2"), 2, 5);
    }

    private static double round3(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    @Test
    void forwardPrimalTraceIsTheLecturesTable() {
        Trace t = lecture();
        List<Row> rows = PrintedTrace.section(TEXT.forward(t, t.forwardFor(0)), "Forward primal trace");
        double v1 = Math.log(2);
        double v2 = 2 * 5;
        double v3 = Math.sin(5);
        double v4 = v1 + v2;
        double v5 = v4 - v3;
        assertThat(rows).extracting(Row::lhs).containsExactly("v₋₁", "v₀", "v₁", "v₂", "v₃", "v₄", "v₅", "y");
        assertThat(rows).extracting(Row::value).containsExactly(2.0, 5.0, round3(v1), round3(v2), round3(v3),
                round3(v4), round3(v5), round3(v5));
        assertThat(round3(v5)).isEqualTo(11.652);
        assertThat(rows.get(2).text()).contains("ln(v₋₁)", "ln(2)");
        assertThat(rows.get(3).text()).contains("v₋₁ × v₀", "2 × 5");
        assertThat(rows.get(4).text()).contains("sin(v₀)", "sin(5)");
        assertThat(rows.get(5).text()).contains("v₁ + v₂", "0.693 + 10");
        // The lecture prints "10.693 + 0.959" here; sin 5 is negative, so the correct arithmetic is shown.
        assertThat(rows.get(6).text()).contains("v₄ − v₃", "10.693 − (−0.959)");
    }

    @Test
    void forwardTangentTraceIsTheLecturesTable() {
        Trace t = lecture();
        String printed = TEXT.forward(t, t.forwardFor(0));
        assertThat(printed).contains("Forward tangent (derivative) trace, ẋ₁ = 1");
        List<Row> rows = PrintedTrace.section(printed, "Forward tangent");
        assertThat(rows).extracting(Row::lhs).containsExactly("v̇₋₁", "v̇₀", "v̇₁", "v̇₂", "v̇₃", "v̇₄", "v̇₅", "ẏ");
        assertThat(rows).extracting(Row::value).containsExactly(1.0, 0.0, 0.5, 5.0, 0.0, 5.5, 5.5, 5.5);
        assertThat(rows.get(2).text()).contains("v̇₋₁ / v₋₁", "1 / 2");
        assertThat(rows.get(3).text()).contains("v̇₋₁ × v₀ + v̇₀ × v₋₁", "1 × 5 + 0 × 2");
        assertThat(rows.get(4).text()).contains("v̇₀ × cos(v₀)", "0 × cos(5)");
        assertThat(rows.get(5).text()).contains("v̇₁ + v̇₂", "0.5 + 5");
        assertThat(rows.get(6).text()).contains("v̇₄ − v̇₃", "5.5 − 0");
    }

    @Test
    void seedingX2GivesTheOtherPartial() {
        Trace t = lecture();
        List<Row> rows = PrintedTrace.section(TEXT.forward(t, t.forwardFor(1)), "Forward tangent");
        assertThat(rows.get(rows.size() - 1).lhs()).isEqualTo("ẏ");
        assertThat(rows.get(rows.size() - 1).value()).isEqualTo(round3(2 - Math.cos(5))).isEqualTo(1.716);
    }

    @Test
    void reverseAdjointTraceIsTheLecturesTableInTheLecturesOrder() {
        Trace t = lecture();
        List<Row> rows = PrintedTrace.section(TEXT.reverse(t, t.reverse()), "Reverse adjoint trace");
        double cos5 = Math.cos(5);
        assertThat(rows).extracting(Row::lhs).containsExactly(
                "v̄₅", "v̄₄", "v̄₃", "v̄₁", "v̄₂", "v̄₀", "v̄₋₁", "v̄₀", "v̄₋₁", "x̄₁", "x̄₂");
        assertThat(rows).extracting(Row::value).containsExactly(1.0, 1.0, -1.0, 1.0, 1.0, round3(-cos5), 5.0,
                round3(-cos5 + 2), round3(5 + 0.5), 5.5, round3(2 - cos5));
        assertThat(round3(-cos5)).isEqualTo(-0.284);
        assertThat(rows.get(0).text()).contains("v̄₅ = ȳ");
        assertThat(rows.get(1).text()).contains("v̄₅ ∂v₅/∂v₄", "v̄₅ × 1");
        assertThat(rows.get(2).text()).contains("v̄₅ ∂v₅/∂v₃", "v̄₅ × (−1)");
        assertThat(rows.get(5).text()).contains("v̄₃ × cos(v₀)");
        assertThat(rows.get(6).text()).contains("v̄₋₁ = v̄₂ ∂v₂/∂v₋₁", "v̄₂ × v₀");
        assertThat(rows.get(7).text()).contains("v̄₀ = v̄₀ + v̄₂ ∂v₂/∂v₀", "v̄₀ + v̄₂ × v₋₁");
        assertThat(rows.get(8).text()).contains("v̄₋₁ = v̄₋₁ + v̄₁ ∂v₁/∂v₋₁", "v̄₋₁ + v̄₁ / v₋₁");
        assertThat(rows.get(9).text()).contains("x̄₁ = v̄₋₁");
    }

    @Test
    void aLambdaIsNumberedLikeTheLecture() {
        Trace fromLambda = Trace.record(LAMBDA, List.of("x1", "x2"), 2, 5);
        Trace parsed = lecture();
        assertThat(TEXT.reverse(fromLambda, fromLambda.reverse())).isEqualTo(TEXT.reverse(parsed, parsed.reverse()));
        assertThat(fromLambda.steps()).extracting(Step::symbol).containsExactly("ln", "*", "sin", "+", "-");
    }

    @Test
    void recordedAsRunTheStepsKeepTheOrderTheFunctionPerformedThem() {
        Trace asRun = Trace.recordAsRun(LAMBDA, List.of("x1", "x2"), 2, 5);
        assertThat(asRun.steps()).extracting(Step::symbol).containsExactly("ln", "*", "+", "sin", "-");
        Trace lecture = Trace.record(LAMBDA, List.of("x1", "x2"), 2, 5);
        assertThat(asRun.value()).isEqualTo(lecture.value());
        assertThat(asRun.reverse().gradient()).containsExactly(lecture.reverse().gradient());
        for (int k = 0; k < asRun.steps().size(); k++) {
            Step s = asRun.steps().get(k);
            assertThat(s.id()).isEqualTo(k + 1);
            assertThat(s.operands()).allMatch(o -> o.literal() || o.id() < s.id());   // operands come first
        }
    }

    @Test
    void moreDigitsOnRequest() {
        Trace t = lecture();
        String printed = TracePrinter.of(TracePrinter.Format.TEXT, 6).reverse(t, t.reverse());
        assertThat(printed).contains("= 11.652071").contains("= 1.716338").contains("= −0.283662");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "x1^2 + sqrt(x2)/3 - log2(x1) + atan2(x1, x2) - 2*x1 + x2/x1 + max(x1, x2) - -x1 + x1^x2 + 3 - x2",
        "exp(-x1*x2) * cos(x1 + x2) / hypot(x1, x2)",
        "x1*x1*x1 - tanh(x2)^3 + abs(x1 - x2) + sigmoid(x1) * erf(x2/4)",
    })
    void replaysAgreeWithDerivativesAndFiniteDifferences(String text) {
        Expr e = Parser.parse(text);
        RealFunction f = Exprs.toFunction(e, List.of("x1", "x2"));
        Random random = new Random(text.hashCode());
        for (int i = 0; i < 20; i++) {
            double[] x = {0.5 + random.nextDouble() * 2, 0.5 + random.nextDouble() * 2};
            Trace t = Trace.record(e, List.of("x1", "x2"), x);
            Gradient g = Derivatives.gradient(f, Mode.REVERSE, x);
            assertThat(t.value()).isCloseTo(g.value(), within(1e-14 * Math.max(1, Math.abs(g.value()))));
            double[] reverse = t.reverse().gradient();
            for (int j = 0; j < 2; j++) {
                assertThat(reverse[j]).isCloseTo(g.gradient()[j], within(1e-12 * Math.max(1, Math.abs(reverse[j]))));
                assertThat(t.forwardFor(j).output()).isCloseTo(reverse[j], within(1e-12 * Math.max(1,
                        Math.abs(reverse[j]))));
                double h = 1e-6;
                double[] up = x.clone();
                double[] down = x.clone();
                up[j] += h;
                down[j] -= h;
                double fd = (f.apply(dev.adjoint.scalar.Dual.seed(up, new double[2])).value()
                        - f.apply(dev.adjoint.scalar.Dual.seed(down, new double[2])).value()) / (2 * h);
                assertThat(reverse[j]).isCloseTo(fd, within(1e-5 * Math.max(1, Math.abs(fd))));
            }
        }
    }

    @Test
    void constantsAreLiteralsNotNodes() {
        Trace t = Trace.record(Parser.parse("3*x + 2*4"), List.of("x"), 1.5);
        assertThat(t.steps()).hasSize(2);
        String printed = PrintedTrace.squeezed(TEXT.primal(t));
        assertThat(printed).contains("v₁ = 3 × v₀").contains("v₂ = v₁ + 8");
        assertThat(t.reverse().gradient()).containsExactly(3.0);
    }

    @Test
    void repeatedOperandAccumulates() {
        Trace t = Trace.record(x -> x[0].mul(x[0]), List.of("x"), 3);
        List<Row> rows = PrintedTrace.section(TEXT.reverse(t, t.reverse()), "Reverse adjoint trace");
        assertThat(rows).extracting(Row::lhs).containsExactly("v̄₁", "v̄₀", "v̄₀", "x̄");
        assertThat(rows).extracting(Row::value).containsExactly(1.0, 3.0, 6.0, 6.0);
        assertThat(rows.get(2).text()).contains("v̄₀ = v̄₀ + v̄₁");
    }

    @Test
    void stepsThatDoNotReachTheOutputAreSkippedAndUnusedInputsGetZero() {
        Trace t = Trace.record(x -> {
            x[1].sin(); // computed and discarded
            return x[0].exp();
        }, List.of("a", "b"), 0, 1);
        Adjoints a = t.reverse();
        assertThat(a.updates()).hasSize(1);
        assertThat(a.gradient()).containsExactly(1.0, 0.0);
        assertThat(a.reaches(0)).isFalse();
        assertThat(PrintedTrace.squeezed(TEXT.reverse(t, a))).contains("b̄ = v̄₀").contains("ā = v̄₋₁");
    }

    @Test
    void outputMayBeAnInputOrAConstant() {
        Trace identity = Trace.record(x -> x[0], List.of("x"), 4);
        assertThat(identity.steps()).isEmpty();
        assertThat(identity.reverse().gradient()).containsExactly(1.0);
        assertThat(identity.forwardFor(0).output()).isEqualTo(1.0);
        Trace constant = Trace.record(x -> x[0].constant(7), List.of("x"), 4);
        assertThat(constant.value()).isEqualTo(7.0);
        assertThat(constant.reverse().gradient()).containsExactly(0.0);
        assertThat(PrintedTrace.squeezed(TEXT.reverse(constant, constant.reverse()))).contains("y = 7").contains("x̄ = v̄₀ = 0");
    }

    @Test
    void nonFiniteStepIsNamed() {
        Trace t = Trace.record(Parser.parse("ln(x1 - 3) + x2"), List.of("x1", "x2"), 2, 5);
        assertThat(t.firstNonFinite()).map(Step::id).contains(2);
        assertThatThrownBy(t::requireFinite).isInstanceOf(NonFiniteException.class)
                .hasMessage("ln produced NaN at v₂ = ln(v₁) = ln(−1) = NaN");
        Trace inf = Trace.record(Parser.parse("1/(x - x)"), List.of("x"), 2);
        assertThatThrownBy(inf::requireFinite).hasMessageContaining("/ produced an infinite value at v₂ = 1/v₁");
        assertThat(lecture().requireFinite()).isNotNull();
    }

    @Test
    void mixingTracesIsRefused() {
        Trace.record(x -> {
            assertThatThrownBy(() -> x[0].add(dev.adjoint.scalar.Dual.constantOf(1)))
                    .hasMessageContaining("cannot combine a traced value with a Dual");
            return x[0];
        }, List.of("x"), 1);
        assertThatThrownBy(() -> Trace.record(x -> dev.adjoint.scalar.Dual.constantOf(1), List.of("x"), 1))
                .hasMessageContaining("not computed from its traced inputs");
    }

    @Test
    void longTracesNeedNoRecursion() {
        RealFunction chain = x -> {
            dev.adjoint.scalar.Real v = x[0];
            for (int i = 0; i < 200_000; i++) {
                v = v.mul(0.5).add(v.sin());
            }
            return v;
        };
        Trace t = Trace.record(chain, List.of("x"), 0.3);
        assertThat(t.steps()).hasSize(600_000);
        assertThat(t.reverse().gradient()[0]).isCloseTo(t.forwardFor(0).output(), within(1e-9));
    }

    @Test
    void markdownTables() {
        Trace t = lecture();
        String md = TracePrinter.of(TracePrinter.Format.MARKDOWN, 3).reverse(t, t.reverse());
        assertThat(md).contains("**Forward primal trace**", "| node | definition | with values | value |",
                "| v₁ | ln(v₋₁) | ln(2) | 0.693 |", "**Reverse adjoint trace, ȳ = 1**",
                "| v̄₀ | v̄₀ + v̄₂ ∂v₂/∂v₀ | v̄₀ + v̄₂ × v₋₁ | 1.716 |");
        for (String line : md.split("\n")) {
            if (line.startsWith("|")) {
                assertThat(line.chars().filter(c -> c == '|').count()).as(line).isEqualTo(5);
            }
        }
    }

    @Test
    void dotGraphHasANodePerValueAndAnEdgePerOperand() {
        Trace t = lecture();
        String dot = TracePrinter.of(TracePrinter.Format.DOT, 3).reverse(t, t.reverse());
        assertThat(dot).startsWith("digraph trace {").endsWith("}\n");
        assertThat(dot.lines().filter(l -> l.contains(" -> "))).hasSize(8 + 1);
        assertThat(dot).contains("v_m1 -> v2 [label=\"∂v₂/∂v₋₁ = 5\"]", "v5 -> y;", "v̄₀ = 1.716");
    }

    @Test
    void numbersAndNames() {
        Notation n = new Notation(3);
        assertThat(n.number(-0.28366)).isEqualTo("−0.284");
        assertThat(n.number(10)).isEqualTo("10");
        assertThat(n.number(1e-9)).isEqualTo("1e−9");
        assertThat(n.number(-0.0)).isEqualTo("0");
        assertThat(n.number(Double.NEGATIVE_INFINITY)).isEqualTo("−∞");
        assertThat(Notation.v(-12, Notation.BAR)).isEqualTo("v̄₋₁₂");
        assertThat(Notation.input("x12", Notation.BAR)).isEqualTo("x̄₁₂");
        assertThat(Notation.input("alpha", "")).isEqualTo("alpha");
        assertThatThrownBy(() -> TracePrinter.of(TracePrinter.Format.TEXT, 40)).hasMessageContaining("digits");
    }
}
