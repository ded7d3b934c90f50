package dev.adjoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceCommandTest {

    private static final String LECTURE = "ln(x1) + x1*x2 - sin(x2)";

    /** The last number on each indented line of the section starting with {@code title}, keyed by its first cell. */
    private static List<String[]> rows(String printed, String title) {
        List<String[]> rows = new ArrayList<>();
        boolean inside = false;
        for (String line : printed.split("\n")) {
            if (!line.startsWith(" ")) {
                inside = line.startsWith(title);
            } else if (inside && !line.trim().startsWith("─")) {
                String[] cells = line.trim().split("\\s+=\\s+");
                rows.add(new String[] {cells[0], cells[cells.length - 1].replace('\u2212', '-')});
            }
        }
        return rows;
    }

    private static double last(List<String[]> rows, String lhs) {
        String value = null;
        for (String[] r : rows) {
            if (r[0].equals(lhs)) {
                value = r[1];
            }
        }
        return Double.parseDouble(value);
    }

    private static double round3(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    @Test
    void forwardModeSeedX1() {
        Cli.Result r = Cli.run("trace", LECTURE, "--at", "x1=2,x2=5", "--mode", "forward", "--seed", "x1");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("y = " + LECTURE + " at x1 = 2, x2 = 5");
        List<String[]> primal = rows(r.out(), "Forward primal trace");
        assertThat(last(primal, "v₁")).isEqualTo(round3(Math.log(2)));
        assertThat(last(primal, "v₂")).isEqualTo(10.0);
        assertThat(last(primal, "v₃")).isEqualTo(round3(Math.sin(5)));
        assertThat(last(primal, "y")).isEqualTo(round3(Math.log(2) + 10 - Math.sin(5))).isEqualTo(11.652);
        assertThat(last(rows(r.out(), "Forward tangent"), "ẏ")).isEqualTo(5.5);
    }

    @Test
    void forwardModeSeedX2() {
        Cli.Result r = Cli.run("trace", LECTURE, "--at", "x1=2,x2=5", "--mode", "FORWARD", "--seed", "x2");
        assertThat(r.exit()).isZero();
        assertThat(last(rows(r.out(), "Forward tangent"), "ẏ")).isEqualTo(round3(2 - Math.cos(5))).isEqualTo(1.716);
    }

    @Test
    void reverseModeIsTheDefault() {
        Cli.Result r = Cli.run("trace", LECTURE, "--at", "x1=2,x2=5");
        assertThat(r.exit()).isZero();
        List<String[]> adjoint = rows(r.out(), "Reverse adjoint trace");
        assertThat(adjoint).extracting(a -> a[0]).containsExactly(
                "v̄₅", "v̄₄", "v̄₃", "v̄₁", "v̄₂", "v̄₀", "v̄₋₁", "v̄₀", "v̄₋₁", "x̄₁", "x̄₂");
        assertThat(adjoint.get(5)[1]).isEqualTo("-0.284");
        assertThat(last(adjoint, "x̄₁")).isEqualTo(5.5);
        assertThat(last(adjoint, "x̄₂")).isEqualTo(round3(2 - Math.cos(5)));
    }

    @Test
    void digitsAndFormats() {
        assertThat(Cli.run("trace", LECTURE, "--at", "x1=2,x2=5", "--digits", "6").out()).contains("= 11.652071");
        Cli.Result md = Cli.run("trace", LECTURE, "--at", "x1=2,x2=5", "--format", "markdown");
        assertThat(md.exit()).isZero();
        assertThat(md.out()).contains("| v₁ | ln(v₋₁) | ln(2) | 0.693 |");
        Cli.Result dot = Cli.run("trace", LECTURE, "--at", "x1=2,x2=5", "--format", "dot", "--mode", "forward");
        assertThat(dot.exit()).isZero();
        assertThat(dot.out()).startsWith("// y = ").contains("digraph trace {", "v₅ -> y;".replace("v₅", "v5"));
    }

    @Test
    void parseErrorIsAUsageErrorWithACaret() {
        Cli.Result r = Cli.run("trace", "ln(x1 + * 2", "--at", "x1=2");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        String[] lines = r.err().split("\n");
        assertThat(lines[0]).startsWith("adjoint trace: cannot parse the expression: unexpected '*'")
                .contains("column 9");
        assertThat(lines[1]).isEqualTo("  ln(x1 + * 2");
        assertThat(lines[2]).isEqualTo("          ^");
    }

    @Test
    void nanInTheMiddleIsPrintedWithAWarningNamingTheNodeAndExitCode3() {
        Cli.Result r = Cli.run("trace", "ln(x1 - 3) + x2", "--at", "x1=2,x2=5");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).contains("v₂  = ln(v₁)", "= NaN");
        assertThat(r.err()).isEqualTo("adjoint trace: warning: not finite: ln produced NaN at v₂ = ln(v₁) = ln(−1) = NaN\n");
    }

    @Test
    void missingVariableIsAnEvaluationErrorNamingIt() {
        Cli.Result r = Cli.run("trace", LECTURE, "--at", "x1=2");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no value for variable x2").contains("--at x2=");
    }

    @Test
    void usageErrors() {
        assertThat(Cli.run("trace", LECTURE, "--at", "x1=2,x2=5", "--seed", "x9").exit()).isEqualTo(2);
        assertThat(Cli.run("trace", LECTURE, "--at", "x1=2,x2=5", "--seed", "x9").err())
                .contains("--seed x9: not one of the inputs given with --at (x1, x2)");
        assertThat(Cli.run("trace", LECTURE, "--at", "x1=two,x2=5").err()).contains("--at x1=two");
        assertThat(Cli.run("trace", LECTURE, "--at", "x1=2,x2=5", "--format", "pdf").exit()).isEqualTo(2);
        assertThat(Cli.run("trace", LECTURE, "--at", "x1=2,x2=5", "--mode", "sideways").exit()).isEqualTo(2);
        assertThat(Cli.run("trace").exit()).isEqualTo(2);
        assertThat(Cli.run("trace", LECTURE, "--at", "x1=2,x2=5", "--digits", "99").exit()).isEqualTo(2);
    }

    @Test
    void atValuesMayBeNegativeOrConstantExpressions() {
        Cli.Result r = Cli.run("trace", "x*y", "--at", "x=-1.5,y=pi/2", "--digits", "4");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("x = -1.5, y = 1.5707963267948966", "= −2.3562");
    }

    @Test
    void help() {
        Cli.Result r = Cli.run("trace", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: adjoint trace", "--mode", "--seed", "--format", "--digits");
    }
}
