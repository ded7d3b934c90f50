package dev.adjoint.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random expressions written as text alongside their value computed directly with {@code Math}: the parser must
 * read every one back to the same value, and so must the parse of the infix printer's output.
 */
class ParserRoundTripTest {

    private static final Map<String, Double> AT = Map.of("x", 0.7, "y", -1.3, "z", 2.1);

    /** A piece of text and the value it denotes. */
    private record Written(String text, double value) {
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void randomExpressionsReadBackToTheirValue(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            Written w = generate(random, 4);
            Expr e = Parser.parse(w.text());
            assertClose(e.evaluate(AT), w.value(), w.text());
            String printed = ExprFormat.infix(e);
            assertClose(Parser.parse(printed).evaluate(AT), w.value(), printed);
        }
    }

    private static void assertClose(double actual, double expected, String text) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(text).isNaN();
        } else if (Double.isInfinite(expected)) {
            assertThat(actual).as(text).isEqualTo(expected);
        } else {
            assertThat(actual).as(text).isCloseTo(expected, org.assertj.core.api.Assertions.within(
                    1e-9 * Math.max(1, Math.abs(expected))));
        }
    }

    private static Written generate(Random r, int depth) {
        if (depth == 0 || r.nextInt(4) == 0) {
            return leaf(r);
        }
        Written a = generate(r, depth - 1);
        Written b = generate(r, depth - 1);
        String sp = r.nextBoolean() ? " " : "";
        switch (r.nextInt(11)) {
            case 0: return new Written("(" + a.text + sp + "+" + sp + b.text + ")", a.value + b.value);
            case 1: return new Written("(" + a.text + sp + "-" + sp + b.text + ")", a.value - b.value);
            case 2: return new Written("(" + a.text + sp + "*" + sp + b.text + ")", a.value * b.value);
            case 3: return new Written("(" + a.text + sp + "/" + sp + b.text + ")", a.value / b.value);
            case 4: return new Written("-(" + a.text + ")", -a.value);
            case 5: {
                int p = r.nextInt(4) - 1;
                return new Written("(" + a.text + ")^" + p, Math.pow(a.value, p));
            }
            case 6: return new Written("sin(" + a.text + ")", Math.sin(a.value));
            case 7: return new Written("exp(" + a.text + ")", Math.exp(a.value));
            case 8: return new Written("ln(" + a.text + ")", Math.log(a.value));
            case 9: return new Written("atan2(" + a.text + "," + sp + b.text + ")", Math.atan2(a.value, b.value));
            default: return new Written("max(" + a.text + ", " + b.text + ")", Math.max(a.value, b.value));
        }
    }

    private static Written leaf(Random r) {
        switch (r.nextInt(6)) {
            case 0: return new Written("x", AT.get("x"));
            case 1: return new Written("y", AT.get("y"));
            case 2: return new Written("z", AT.get("z"));
            case 3: return new Written("pi", Math.PI);
            case 4: {
                int k = 1 + r.nextInt(9);
                return new Written(k + "e-1", k / 10.0);
            }
            default: {
                int k = r.nextInt(100);
                return new Written("." + (k < 10 ? "0" + k : "" + k), k / 100.0);
            }
        }
    }
}
