package dev.adjoint.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ParserTest {

    private static final Map<String, Double> AT = Map.of("x", 3.0, "x1", 2.0, "x2", 5.0, "alpha", 0.25, "y", -1.5);

    private static double eval(String text) {
        return Parser.parse(text).evaluate(AT);
    }

    @Test
    void lectureExample() {
        assertThat(eval("ln(x1) + x1*x2 - sin(x2)")).isEqualTo(Math.log(2) + 2 * 5 - Math.sin(5));
    }

    @Test
    void numbers() {
        assertThat(eval("1e-3")).isEqualTo(0.001);
        assertThat(eval(".5")).isEqualTo(0.5);
        assertThat(eval("5.")).isEqualTo(5.0);
        assertThat(eval("2.5E+2")).isEqualTo(250.0);
        assertThat(eval("007")).isEqualTo(7.0);
    }

    @Test
    void precedenceAndAssociativity() {
        assertThat(eval("-x^2")).isEqualTo(-9.0);
        assertThat(eval("-2^2")).isEqualTo(-4.0);
        assertThat(eval("2^3^2")).isEqualTo(512.0);
        assertThat(eval("2^-1")).isEqualTo(0.5);
        assertThat(eval("2**3")).isEqualTo(8.0);
        assertThat(eval("1 - 2 - 3")).isEqualTo(-4.0);
        assertThat(eval("8 / 4 / 2")).isEqualTo(1.0);
        assertThat(eval("1 + 2 * 3")).isEqualTo(7.0);
        assertThat(eval("(1 + 2) * 3")).isEqualTo(9.0);
        assertThat(eval("--x")).isEqualTo(3.0);
        assertThat(eval("+x - -x")).isEqualTo(6.0);
        assertThat(eval("2 * -x")).isEqualTo(-6.0);
        assertThat(eval("3 \u2212 1 \u00d7 2 \u00b7 1")).isEqualTo(1.0);
    }

    @Test
    void constantExponentIsThePowerRowSoNegativeBasesWork() {
        assertThat(Parser.parse("y^2")).isInstanceOf(Unary.class);
        assertThat(eval("y^2")).isEqualTo(2.25);
        assertThat(eval("y^3")).isEqualTo(-3.375);
        assertThat(eval("pow(y, 2)")).isEqualTo(2.25);
        assertThat(Parser.parse("x^y")).isInstanceOf(BinaryExpr.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "ln(x);      1.0986122886681098",
        "log(x);     1.0986122886681098",
        "log2(8);    3",
        "log10(1000); 3",
        "exp(1);     2.718281828459045",
        "sqrt(16);   4",
        "abs(-2);    2",
        "sin(pi/2);  1",
        "cos(0);     1",
        "log(e);     1",
        "tanh(0);    0",
        "atan2(1, 1); 0.7853981633974483",
        "hypot(3, 4); 5",
        "min(3, 1, 2); 1",
        "max(3, 7, 2); 7",
        "pow(2, 10);  1024",
        "sigmoid(0);  0.5",
        "erf(0);      0",
        "cbrt(-8);    -2",
        "sign(y);     -1",
        "alpha * 4;   1",
    })
    void functionsByTheirUsualNames(String text, double expected) {
        assertThat(eval(text)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void everyTableRowHasAName() {
        for (dev.adjoint.scalar.Elementary f : dev.adjoint.scalar.Elementary.values()) {
            assertThat(Parser.parse(f.symbol() + "(x)")).isEqualTo(new Unary(f, Variable.of("x")));
        }
        assertThat(Parser.functionNames()).contains("ln", "log", "atan2", "hypot", "min", "max", "pow");
    }

    @Test
    void variablesInOrderOfFirstAppearance() {
        assertThat(Exprs.variables(Parser.parse("b + a*b + sin(c) - a"))).containsExactly("b", "a", "c");
        assertThat(Exprs.variables(Parser.parse("ln(x1) + x1*x2 - sin(x2)"))).containsExactly("x1", "x2");
        assertThat(Exprs.variables(Parser.parse("pi * e + 1"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "ln(x1 +;     8;  unexpected end of expression",
        "2 + * 3;     5;  unexpected '*'",
        "sin x;       5;  expected '(' after the function name 'sin'",
        "foo(x);      1;  unknown function 'foo'",
        "x);          2;  unmatched ')'",
        "(x;          3;  expected ')' to close the '(' at column 1",
        "1.2.3;       4;  unexpected '.'",
        "sin(x, y);   1;  sin takes one argument, got 2",
        "atan2(x);    1;  atan2 takes two arguments, got 1",
        "max();       5;  max needs two arguments",
        "2 x;         3;  expected an operator",
        "x $ y;       3;  unexpected '$'",
        "e(2);        1;  'e' is a constant",
        "1e999;       1;  number too large",
        ". + 1;       1;  a lone '.'",
    })
    void errorsPointAtTheColumn(String text, int column, String fragment) {
        assertThatThrownBy(() -> Parser.parse(text))
                .isInstanceOfSatisfying(ParseException.class, e -> {
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.problem()).contains(fragment);
                    String[] lines = e.getMessage().split("\n");
                    assertThat(lines).hasSize(3);
                    assertThat(lines[1]).isEqualTo("  " + text);
                    assertThat(lines[2].indexOf('^')).isEqualTo(2 + column - 1);
                    assertThat(lines[2].trim()).isEqualTo("^");
                });
    }

    @Test
    void emptyAndBlankInput() {
        for (String text : List.of("", "   ")) {
            assertThatThrownBy(() -> Parser.parse(text)).isInstanceOf(ParseException.class)
                    .hasMessageContaining("empty expression");
        }
    }

    @Test
    void deepNestingIsACleanErrorNotAStackOverflow() {
        String parens = "(".repeat(100_000) + "x" + ")".repeat(100_000);
        assertThatThrownBy(() -> Parser.parse(parens)).isInstanceOf(ParseException.class)
                .hasMessageContaining("nested more than");
        assertThatThrownBy(() -> Parser.parse("-".repeat(100_000) + "x")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> Parser.parse("x^".repeat(100_000) + "x")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> Parser.parse("sin(".repeat(100_000) + "x")).isInstanceOf(ParseException.class);
        String nested = "(".repeat(Parser.MAX_DEPTH) + "x" + ")".repeat(Parser.MAX_DEPTH);
        assertThat(eval(nested)).isEqualTo(3.0);
    }

    @Test
    void longFlatChainsParseWithoutRecursion() {
        Expr e = Parser.parse("x" + " + x".repeat(200_000));
        assertThat(Exprs.variables(e)).containsExactly("x");
        assertThat(e.dagSize()).isGreaterThan(200_000);
    }
}
