package dev.adjoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Output is UTF-8 whatever the platform's charset: here System.out and System.err are ASCII streams (what the JVM
 * gives them under LANG=C), and the bytes written must still be UTF-8, for picocli's messages, the commands' own
 * output and the top-level usage alike.
 */
class Utf8OutputTest {

    private record Bytes(int exit, byte[] out, byte[] err) {
    }

    private static synchronized Bytes runWithAsciiStreams(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Charset ascii = StandardCharsets.US_ASCII;
        try {
            System.setOut(new PrintStream(out, true, ascii));
            System.setErr(new PrintStream(err, true, ascii));
            int exit = Main.run(args);
            return new Bytes(exit, out.toByteArray(), err.toByteArray());
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void tracesAreWrittenAsUtf8() {
        Bytes r = runWithAsciiStreams("trace", "ln(x1) + x1*x2 - sin(x2)", "--at", "x1=2,x2=5");
        assertThat(r.exit()).isZero();
        assertThat(new String(r.out(), StandardCharsets.UTF_8)).contains("v₋₁ = x₁", "v̄₋₁", "−0.959");
        assertThat(r.out()).doesNotContain((byte) '?');
        assertThat(r.out()).containsSequence(utf8("₋₁"));
    }

    @Test
    void errorMessagesQuoteNonAsciiInputAsUtf8() {
        Bytes r = runWithAsciiStreams("diff", "x + αβ", "--at", "x=1");
        assertThat(r.exit()).isEqualTo(2);
        String err = new String(r.err(), StandardCharsets.UTF_8);
        assertThat(err).contains("unexpected 'α' (U+03B1)", "  x + αβ\n      ^");
        assertThat(r.err()).containsSequence(utf8("αβ")).doesNotContain((byte) '?');
    }

    @Test
    void warningsAndUsageErrorsAreUtf8() {
        Bytes warned = runWithAsciiStreams("diff", "ln(x)", "--at", "x=0");
        assertThat(warned.exit()).isEqualTo(NonFinite.EXIT_CODE);
        assertThat(warned.err()).containsSequence(utf8("ln(v₀) = ln(0) = −∞"));
        Bytes usage = runWithAsciiStreams("diff", "x", "--at", "é=1");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).containsSequence(utf8("'é'"));
        Bytes top = runWithAsciiStreams();
        assertThat(new String(top.out(), StandardCharsets.UTF_8)).contains("Usage: adjoint");
    }

    @Test
    void theStreamsAreRestoredAfterARun() {
        PrintStream before = System.out;
        Cli.run("diff", "x", "--at", "x=1");
        assertThat(System.out).isSameAs(before);
    }
}
