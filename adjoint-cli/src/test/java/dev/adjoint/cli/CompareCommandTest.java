package dev.adjoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.symbolic.LogisticMap;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    static final List<String> METHODS = List.of("manual (by hand)", "forward differences", "central differences",
            "Richardson differences", "symbolic (simplified)", "forward AD (dual numbers)", "reverse AD (tape)");

    /** The row of {@code method} in the first table after {@code marker}: its derivative text and error. */
    static String[] row(String out, String marker, String method) {
        String section = out.substring(out.indexOf(marker));
        Matcher m = Pattern.compile(Pattern.quote(method) + "\\s+(\\[[^\\]]*\\]|\\S+)\\s+(\\S+)").matcher(section);
        assertThat(m.find()).as("row %s after %s", method, marker).isTrue();
        return new String[] {m.group(1), m.group(2)};
    }

    @Test
    void lectureExamplesPrintTheTableAndWriteThreePlots(@TempDir Path dir) throws IOException {
        Cli.Result r = Cli.run("compare", "--out", dir.toString(), "--max-n", "6", "--max-dim", "30");
        assertThat(r.exit()).as(r.err()).isZero();
        for (String method : METHODS) {
            assertThat(r.out()).contains(method);
        }
        // Every exact method lands within a few ulps of the exact derivative; finite differences do not.
        double manual = LogisticMap.manualDerivative(0.3);
        for (String method : List.of("manual (by hand)", "symbolic (simplified)", "forward AD (dual numbers)",
                "reverse AD (tape)")) {
            String[] cells = row(r.out(), "f(x) = l4", method);
            assertThat(Double.parseDouble(cells[0])).isCloseTo(manual, within(1e-14));
            assertThat(Double.parseDouble(cells[1])).isLessThan(1e-14);
        }
        String[] forward = row(r.out(), "f(x) = l4", "forward differences");
        assertThat(Double.parseDouble(forward[1])).isBetween(1e-9, 1e-4);
        String[] central = row(r.out(), "f(x) = l4", "central differences");
        assertThat(Double.parseDouble(central[1])).isBetween(1e-13, 1e-7);
        // The worked example's gradient is (1/x1 + x2, x1 − cos x2) = (5.5, 2 − cos 5).
        String[] gradient = row(r.out(), "y = ln(x1)", "reverse AD (tape)");
        assertThat(gradient[0]).isEqualTo("[5.5, " + (2 - Math.cos(5)) + "]");
        assertThat(r.out()).contains("best h").contains("as a DAG").contains("evaluations of f");
        for (String png : List.of("fd-error-vs-h.png", "expression-size-vs-n.png", "gradient-cost-vs-n.png")) {
            Path file = dir.resolve(png);
            assertThat(r.out()).contains(file.toAbsolutePath().toString());
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image.getWidth()).isEqualTo(1000);
            assertThat(image.getHeight()).isEqualTo(650);
        }
    }

    @Test
    void userExpressionWithARightAndAWrongManualDerivative(@TempDir Path dir) {
        String[] common = {"--at", "x=1.5", "--out", dir.toString(), "--max-n", "3", "--max-dim", "10"};
        Cli.Result right = Cli.run(concat(new String[] {"compare", "x^2*sin(x)", "--manual",
                "2*x*sin(x) + x^2*cos(x)"}, common));
        assertThat(right.exit()).as(right.err()).isZero();
        double exact = 2 * 1.5 * Math.sin(1.5) + 1.5 * 1.5 * Math.cos(1.5);
        String[] manual = row(right.out(), "f(x)", "manual (by hand)");
        assertThat(Double.parseDouble(manual[0])).isCloseTo(exact, within(1e-14));
        assertThat(Double.parseDouble(manual[1])).isLessThan(1e-14);
        // The classic slip: forgetting the product rule's second term.
        Cli.Result wrong = Cli.run(concat(new String[] {"compare", "x^2*sin(x)", "--manual", "2*x*sin(x)"},
                common));
        assertThat(wrong.exit()).isZero();
        String[] slip = row(wrong.out(), "f(x)", "manual (by hand)");
        // The error column is printed as %.1e, so two significant digits.
        assertThat(Double.parseDouble(slip[1])).isCloseTo(Math.abs(1.5 * 1.5 * Math.cos(1.5)), within(0.01));
        assertThat(row(wrong.out(), "f(x)", "reverse AD (tape)")[1]).isEqualTo("0");
    }

    @Test
    void multivariateUserExpression(@TempDir Path dir) {
        Cli.Result r = Cli.run("compare", "x*y + exp(x - y)", "--at", "x=0.5,y=0.25", "--out", dir.toString(),
                "--max-n", "2", "--max-dim", "10");
        assertThat(r.exit()).as(r.err()).isZero();
        double e = Math.exp(0.25);
        assertThat(row(r.out(), "f(x, y)", "symbolic (simplified)")[0]).isEqualTo("[" + (0.25 + e) + ", "
                + (0.5 - e) + "]");
        assertThat(r.out()).contains("∂f/∂x of f(x, y)");
    }

    @Test
    void badInputGetsUsageErrors(@TempDir Path dir) {
        String out = dir.toString();
        Cli.Result count = Cli.run("compare", "x*y", "--at", "x=1,y=2", "--manual", "y", "--out", out);
        assertThat(count.exit()).isEqualTo(2);
        assertThat(count.err()).contains("one partial derivative per variable");
        Cli.Result unknown = Cli.run("compare", "x", "--at", "x=1", "--manual", "z", "--out", out);
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no value for z");
        assertThat(Cli.run("compare", "--max-n", "0", "--out", out).exit()).isEqualTo(2);
        assertThat(Cli.run("compare", "--at", "y=2", "--out", out).exit()).isEqualTo(2);
        assertThat(Cli.run("compare", "--manual", "x", "--out", out).exit()).isEqualTo(2);
        Cli.Result parse = Cli.run("compare", "x +* 2", "--at", "x=1", "--out", out);
        assertThat(parse.exit()).isEqualTo(2);
        assertThat(parse.err()).contains("^");
        Cli.Result noPoint = Cli.run("compare", "sin(x)", "--out", out);
        assertThat(noPoint.exit()).isNotZero();
        assertThat(noPoint.err()).contains("--at");
        assertThat(Cli.run("compare", "--help").out()).contains("--manual").contains("--out");
    }

    @Test
    void demoHasAShortComparisonSection() {
        Cli.Result r = Cli.run("demo", "compare");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Why AD").contains("reverse AD (tape)").contains("Expression swell")
                .contains("Central differences: best h");
        assertThat(Cli.run("demo", "--list").out()).contains("compare");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = new String[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
