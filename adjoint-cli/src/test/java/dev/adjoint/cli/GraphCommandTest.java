package dev.adjoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GraphCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void printsTheLecturesExampleAsAGraph() {
        Run r = run("graph", "ln(x1) + x1*x2 - sin(x2)");
        assertThat(r.code()).isZero();
        assertThat(r.out().split("\n")).containsExactly(
                "{ lambda a:f64[] b:f64[] .",
                "  c:f64[] = ln a",
                "  d:f64[] = mul a b",
                "  e:f64[] = add c d",
                "  f:f64[] = sin b",
                "  g:f64[] = sub e f",
                "  in (g) }");
    }

    @Test
    void gradientGraphHasTheValueAndOnePartialPerVariable() {
        Run r = run("graph", "ln(x1) + x1*x2 - sin(x2)", "--grad");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("cos b").contains("in (g, ");
        String outputs = r.out().substring(r.out().lastIndexOf("in ("));
        assertThat(outputs.split(",")).hasSize(3);
    }

    @Test
    void javaFormatPrintsTheCompiledValueAndGradientCode() {
        Run r = run("graph", "ln(x1) + x1*x2 - sin(x2)", "--format", "java");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("public final class Compiled").contains("Math.log(v[0])")
                .contains("Math.sin(v[1])").contains("protected void reverse(double[] v, double[] b)")
                .contains("Math.cos(v[1])");                        // the partial of sin, in the reverse sweep
    }

    @Test
    void dotFormatIsAGraphvizDigraph() {
        Run r = run("graph", "x*y + exp(x)", "--grad", "--format", "dot");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("digraph G {").contains("->").contains("exp");
    }

    @Test
    void parseErrorsAreUsageErrorsWithACaret() {
        Run r = run("graph", "x + * y");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cannot parse").contains("^");
    }

    @Test
    void badFormatIsAUsageErrorAndHelpWorks() {
        assertThat(run("graph", "x", "--format", "png").code()).isEqualTo(2);
        Run help = run("graph", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--grad").contains("--format");
    }

    @Test
    void gradOfAConstantIsAUsageError() {
        assertThat(run("graph", "2 + 3", "--grad").code()).isEqualTo(2);
        assertThat(run("graph", "2 + 3").out()).contains("in (5)");
    }
}
