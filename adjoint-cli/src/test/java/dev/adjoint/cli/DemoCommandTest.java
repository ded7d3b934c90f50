package dev.adjoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.scalar.Dual;
import dev.adjoint.scalar.Real;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void runsEverySection() {
        Cli.Result r = Cli.run("demo");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        for (DemoSection s : DemoCommand.SECTIONS) {
            assertThat(r.out()).contains("== " + s.title() + " ==");
        }
        assertThat(r.out()).contains("Forward tangent (derivative) trace, ẋ₁ = 1", "Reverse adjoint trace, ȳ = 1",
                "x̄₂  = v̄₀", "ẏ = ∂y/∂x2 = 1.716", "10.693 − (−0.959)");
    }

    @Test
    void logisticMapDerivativesAgreeWithTheHandWrittenFormula() {
        Cli.Result r = Cli.run("demo", "logistic");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).doesNotContain("Reverse adjoint trace");
        int rows = 0;
        for (String line : r.out().split("\n")) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length == 7 && cells[0].matches("0\\.[0-9]+")) {
                rows++;
                double x = Double.parseDouble(cells[0]);
                double forward = Double.parseDouble(cells[1]);
                double reverse = Double.parseDouble(cells[2]);
                double hand = Double.parseDouble(cells[3]);
                double expected = centralDifference(x);
                assertThat(forward).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-6));
                assertThat(reverse).isCloseTo(forward, org.assertj.core.api.Assertions.within(1e-12));
                assertThat(hand).isCloseTo(forward, org.assertj.core.api.Assertions.within(1e-12));
                assertThat(Math.abs(Double.parseDouble(cells[4]))).isLessThan(1e-12);
            }
        }
        assertThat(rows).isEqualTo(LogisticMapDemo.POINTS.length);
    }

    private static double l4(double x) {
        double v = x;
        for (int i = 0; i < 3; i++) {
            v = 4 * v * (1 - v);
        }
        return v;
    }

    private static double centralDifference(double x) {
        double h = 1e-6;
        return (l4(x + h) - l4(x - h)) / (2 * h);
    }

    @Test
    void theLoopIsTheClosedForm() {
        for (double x : LogisticMapDemo.POINTS) {
            double loop = LogisticMapDemo.L4.apply(new Real[] {Dual.constantOf(x)}).value();
            assertThat(loop).isCloseTo(l4(x), org.assertj.core.api.Assertions.within(1e-15));
        }
    }

    @Test
    void listAndUnknownSection() {
        Cli.Result list = Cli.run("demo", "--list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("traces", "logistic");
        Cli.Result unknown = Cli.run("demo", "nope");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown demo section 'nope'; sections: traces, logistic");
    }

    @Test
    void helpOnEveryCommand() {
        for (String command : new String[] {"trace", "diff", "demo"}) {
            Cli.Result r = Cli.run(command, "--help");
            assertThat(r.exit()).as(command).isZero();
            assertThat(r.out()).as(command).contains("Usage: adjoint " + command);
        }
        assertThat(Cli.run("--help").out()).contains("trace", "diff", "demo");
        assertThat(Cli.run("no-such-command").exit()).isEqualTo(2);
    }
}
