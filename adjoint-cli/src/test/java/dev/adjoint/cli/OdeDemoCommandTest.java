package dev.adjoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class OdeDemoCommandTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void aShortRunTrainsAndWritesThePlots(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        int code = run(out, new StringWriter(), "ode-demo", "--iterations", "3", "--output", dir.toString());
        assertThat(code).isZero();
        assertThat(out.toString()).contains("iteration    3/3").contains("trajectory MSE").contains("wrote");
        assertThat(Files.exists(dir.resolve("ode-spiral.png"))).isTrue();
        assertThat(Files.exists(dir.resolve("ode-spiral-loss.png"))).isTrue();
    }

    @Test
    void usageErrorsExitWithTwo() {
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "ode-demo", "--method", "euler")).isEqualTo(2);
        assertThat(err.toString()).contains("--method must be adjoint or backprop, got 'euler'");
        assertThat(run(new StringWriter(), new StringWriter(), "ode-demo", "--iterations", "0")).isEqualTo(2);
    }

    @Test
    void helpDescribesTheCommand() {
        StringWriter out = new StringWriter();
        assertThat(run(out, new StringWriter(), "ode-demo", "--help")).isZero();
        assertThat(out.toString()).contains("neural ODE").contains("--method");
    }
}
