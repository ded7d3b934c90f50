package dev.adjoint.scalar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Big tapes in a JVM of their own with a fixed heap: 10⁷ entries fit in 2 GB, and running out says what to do. */
class BigTapeTest {

    @TempDir
    Path dir;

    @Test
    void tenMillionEntriesFitInTwoGigabytes() throws Exception {
        Run run = run("-Xmx2g", 10_000_000);
        assertThat(run.exit).as(run.err).isZero();
        // The 2 inputs and 10⁷ sums, arrays grown by doubling to 1032·2¹⁴ entries, 32 bytes each with the adjoints.
        assertThat(run.out).isEqualTo("entries 10000002 bytes " + (1032L << 14) * 32 + " gradient 1.0E7");
    }

    @Test
    void runningOutOfHeapNamesTheTapeSizeAndWhatToDo() throws Exception {
        Run run = run("-Xmx48m", 100_000_000);
        assertThat(run.exit).isNotZero();
        assertThat(run.err).contains("java.lang.OutOfMemoryError: the reverse-mode tape ran out of heap while growing it")
                .containsPattern("it holds \\d+ recorded operations in \\d+ bytes \\(\\d+ MiB")
                .contains("24 bytes per operation", "max heap is", "-Xmx", "Tape.withCapacity", "checkpointing")
                .contains("at dev.adjoint.scalar.Tape.grow");
    }

    @Test
    void theSecondOrderTapeSaysSoToo() throws Exception {
        Run run = run("-Xmx48m", 100_000_000, "hvp");
        assertThat(run.exit).isNotZero();
        assertThat(run.err).contains("java.lang.OutOfMemoryError: the second-order (forward-over-reverse) tape")
                .containsPattern("it holds \\d+ recorded operations in \\d+ bytes")
                .contains("40 bytes per operation", "-Xmx", "checkpointing");
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(String heap, long operations, String... mode) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), heap, "-cp",
                System.getProperty("java.class.path"), BigTape.class.getName(), Long.toString(operations)));
        command.addAll(List.of(mode));
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the forked JVM did not finish in 120 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8).strip(),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
