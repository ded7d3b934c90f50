package dev.adjoint.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.adjoint.scalar.Dual;
import dev.adjoint.scalar.Real;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** No input may make the parser throw anything but a {@link ParseException} pointing inside the input. */
class ParserFuzzTest {

    private static final String ALPHABET = "0123456789..eE+-*/^^(()),,  xyz12sinlogcosexpqrtabmhpi_\t\u2212\u00d7$";

    private static final List<String> VALID = List.of(
            "ln(x1) + x1*x2 - sin(x2)",
            "-x^2 + 3*x - 1e-3",
            "atan2(y, x) * hypot(x, y) / (1 + .5*x)",
            "max(x, y, 0) - min(abs(x), 2) + pow(x, 3)",
            "exp(-x^2/2) / sqrt(2*pi)",
            "64*x*(1-x)*(1-2*x)^2*(1-8*x+8*x^2)^2",
            "log2(x) + log10(y) - tanh(alpha) ** 2");

    @Test
    void randomStringsGiveAnExpressionOrAParseException() {
        Random random = new Random(20190101);
        int parsed = 0;
        for (int i = 0; i < 5000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(25);
            for (int j = 0; j < length; j++) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            parsed += check(s.toString(), random) ? 1 : 0;
        }
        assertThat(parsed).as("some random strings are valid expressions").isPositive();
    }

    @Test
    void mutationsOfValidExpressionsGiveAnExpressionOrAParseException() {
        Random random = new Random(412);
        int parsed = 0;
        for (int i = 0; i < 5000; i++) {
            StringBuilder s = new StringBuilder(VALID.get(random.nextInt(VALID.size())));
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations && s.length() > 0; m++) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(4)) {
                    case 0: s.deleteCharAt(at); break;
                    case 1: s.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length()))); break;
                    case 2: s.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length()))); break;
                    default:
                        int end = Math.min(s.length(), at + 1 + random.nextInt(5));
                        s.insert(random.nextInt(s.length()), s.substring(at, end));
                }
            }
            parsed += check(s.toString(), random) ? 1 : 0;
        }
        assertThat(parsed).as("some mutations stay valid").isPositive();
    }

    /** Parses {@code text}; a success must also evaluate (NaN allowed), a failure must be a clean ParseException. */
    private static boolean check(String text, Random random) {
        Expr e;
        try {
            e = Parser.parse(text);
        } catch (ParseException ex) {
            assertThat(ex.column()).as(text).isBetween(1, text.length() + 1);
            assertThat(ex.getMessage()).as(text).contains("^");
            return false;
        } catch (RuntimeException | StackOverflowError ex) {
            fail("parsing \"" + text + "\" threw " + ex, ex);
            return false;
        }
        List<String> names = Exprs.variables(e);
        Real[] x = new Real[names.size()];
        double[] values = new double[names.size()];
        for (int i = 0; i < x.length; i++) {
            values[i] = random.nextGaussian() * 3;
        }
        Dual[] duals = Dual.seed(values, new double[values.length]);
        System.arraycopy(duals, 0, x, 0, x.length);
        double viaFunction = Exprs.toFunction(e, names).apply(x).value();
        Map<String, Double> bindings = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            bindings.put(names.get(i), values[i]);
        }
        assertThat(Double.valueOf(viaFunction)).as(text).isEqualTo(Double.valueOf(e.evaluate(bindings)));
        return true;
    }
}
