package dev.adjoint.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.scalar.Derivatives;
import dev.adjoint.scalar.trace.Trace;
import dev.adjoint.scalar.trace.TracePrinter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every layer that walks an expression does it without recursion: trees thousands of levels deep (left-deep sums
 * as the parser builds them, right-deep sums, chains of unary functions) go through all of them on a thread whose
 * 256 KB stack a recursive walk would overflow.
 */
class DeepExpressionTest {

    private static final int DEPTH = 5_000;

    static Stream<Arguments> trees() {
        Variable x = Variable.of("x");
        Expr right = x;
        Expr unary = x;
        for (int i = 0; i < DEPTH; i++) {
            right = x.mul(0.5).add(right);
        }
        for (int i = 0; i < DEPTH; i++) {
            unary = (Expr) unary.mul(0.5).sin();
        }
        return Stream.of(Arguments.of("left-deep (parsed)", Parser.parse("x" + "+x".repeat(DEPTH))),
                Arguments.of("right-deep", right), Arguments.of("unary chain", unary));
    }

    private static <T> T onSmallStack(Supplier<T> work) {
        Object[] result = new Object[1];
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = work.get();
            } catch (Throwable e) {
                thrown[0] = e;
            }
        }, "small-stack", 256 * 1024);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertThat(thrown[0]).as("thrown").isNull();
        @SuppressWarnings("unchecked")
        T r = (T) result[0];
        return r;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trees")
    void printingParsingBackAndEvaluating(String name, Expr e) {
        String text = onSmallStack(() -> ExprFormat.infix(e));
        assertThat(onSmallStack(() -> e.toString())).isEqualTo(text);
        assertThat(onSmallStack(() -> ExprFormat.latex(e))).isNotEmpty();
        double value = onSmallStack(() -> e.evaluate(Map.of("x", 0.3)));
        if (!name.equals("unary chain")) { // nesting beyond Parser.MAX_DEPTH is a parse error, tested in ParserTest
            double reparsed = onSmallStack(() -> Parser.parse(text).evaluate(Map.of("x", 0.3)));
            assertThat(reparsed).isCloseTo(value, org.assertj.core.data.Percentage.withPercentage(1e-9));
        }
        long size = onSmallStack(e::treeSize);
        assertThat(size).isGreaterThan(DEPTH);
        assertThat(onSmallStack(() -> Exprs.variables(e))).containsExactly("x");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trees")
    void differentiatingAndSimplifying(String name, Expr e) {
        double[] reverse = onSmallStack(() -> Derivatives.gradient(Exprs.toFunction(e, List.of("x")), 0.3).gradient());
        Expr d = onSmallStack(() -> e.derivative("x"));
        assertThat(onSmallStack(() -> d.evaluate(Map.of("x", 0.3))))
                .isCloseTo(reverse[0], org.assertj.core.data.Percentage.withPercentage(1e-6));
        if (!name.equals("unary chain")) {
            // Simplifying the chain rule's nested products sorts the factors below each level: slow on a deep chain.
            Expr simplified = onSmallStack(() -> Simplifier.simplify(d));
            assertThat(onSmallStack(() -> simplified.evaluate(Map.of("x", 0.3))))
                    .isCloseTo(reverse[0], org.assertj.core.data.Percentage.withPercentage(1e-6));
        }
        assertThat(onSmallStack(() -> Simplifier.simplify(e).dagSize())).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trees")
    void tracingAndPrintingTheWengertList(String name, Expr e) {
        Trace t = onSmallStack(() -> Trace.record(e, List.of("x"), 0.3));
        assertThat(t.steps().size()).isGreaterThanOrEqualTo(DEPTH);
        String printed = onSmallStack(() -> TracePrinter.of(TracePrinter.Format.TEXT, 3).reverse(t, t.reverse()));
        assertThat(printed.lines().count()).isGreaterThan(DEPTH);
        assertThat(onSmallStack(() -> TracePrinter.of(TracePrinter.Format.DOT, 3).primal(t))).startsWith("digraph");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trees")
    void equalsAndHashCodeAreStructuralAtAnyDepth(String name, Expr e) {
        // Running the expression on a symbolic variable rebuilds it node by node: equal, but no node is shared.
        Expr same = onSmallStack(() -> (Expr) Exprs.toFunction(e, List.of("x")).apply(
                new dev.adjoint.scalar.Real[] {Variable.of("x")}));
        assertThat(same).isNotSameAs(e);
        assertThat(onSmallStack(() -> e.equals(e))).isTrue();
        assertThat(onSmallStack(() -> same.equals(e) && e.equals(same))).isTrue();
        assertThat(onSmallStack(() -> e.hashCode() == same.hashCode())).isTrue();
        Expr other = onSmallStack(() -> e.add(1));
        assertThat(onSmallStack(() -> e.equals(other) || other.equals(e))).isFalse();
        assertThat(onSmallStack(() -> new java.util.HashSet<>(List.of(e, other, e)).size())).isEqualTo(2);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"(", "sin(", "-", "+", "x^", "2^-", "max(1,", "pow(x,"})
    void theParserKeepsItsOwnStackUpToTheNestingLimitAndNamesTheLimitBeyond(String opening) {
        int n = Parser.MAX_DEPTH / (opening.equals("2^-") ? 2 : 1);
        String closing = opening.endsWith("(") || opening.endsWith(",") ? ")" : "";
        String deep = opening.repeat(n) + "x" + closing.repeat(n);
        Expr e = onSmallStack(() -> Parser.parse(deep));
        assertThat(onSmallStack(() -> Exprs.variables(e))).containsExactly("x");
        String deeper = opening.repeat(n + 1) + "x" + closing.repeat(n + 1);
        String message = onSmallStack(() -> {
            try {
                Parser.parse(deeper);
                return "parsed";
            } catch (ParseException ex) {
                return ex.problem();
            }
        });
        assertThat(message).startsWith("expression nested more than " + Parser.MAX_DEPTH + " levels deep");
        long chain = onSmallStack(() -> Parser.parse("x" + "^2-x".repeat(100_000)).dagSize());
        assertThat(chain).isGreaterThan(100_000);
    }
}
