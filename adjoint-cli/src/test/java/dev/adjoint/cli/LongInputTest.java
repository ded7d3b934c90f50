package dev.adjoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The crashes of issue 14 as tests: long chains {@code x+x+…} (trees as deep as they are long) through every command
 * and every layer they use, which must neither overflow the stack nor echo the input back in full. Commands run on a
 * thread with a 256 KB stack, so that a recursive walk of even the shorter chain would overflow.
 */
class LongInputTest {

    /** {@code x+x+…+x}, 100,000 characters less one: the input that overflowed {@code adjoint graph}. */
    static final String CHAIN = "x" + "+x".repeat(49_999);

    /** A chain 5,000 levels deep, for the commands that print a line per step or time themselves. */
    static final String SHORTER = "x" + "+x".repeat(4_999);

    /** Runs the command line on a thread with a small stack. */
    static Cli.Result run(String... args) {
        Cli.Result[] result = new Cli.Result[1];
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = Cli.run(args);
            } catch (Throwable e) {
                thrown[0] = e;
            }
        }, "small-stack", 256 * 1024);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertThat(thrown[0]).as("thrown by the command").isNull();
        return result[0];
    }

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of((Object) new String[] {"trace", SHORTER, "--at", "x=1"}),
                Arguments.of((Object) new String[] {"trace", SHORTER, "--at", "x=1", "--mode", "forward"}),
                Arguments.of((Object) new String[] {"trace", SHORTER, "--at", "x=1", "--format", "dot"}),
                Arguments.of((Object) new String[] {"diff", CHAIN, "--at", "x=1", "--order", "2"}),
                Arguments.of((Object) new String[] {"diff", SHORTER, "--at", "x=1", "--symbolic", "--json"}),
                Arguments.of((Object) new String[] {"diff", "x" + "*x".repeat(3000), "--at", "x=1", "--symbolic"}),
                Arguments.of((Object) new String[] {"graph", CHAIN}),
                Arguments.of((Object) new String[] {"graph", SHORTER, "--no-simplify"}),
                Arguments.of((Object) new String[] {"graph", CHAIN, "--grad"}),
                Arguments.of((Object) new String[] {"graph", SHORTER, "--grad", "--format", "dot"}),
                Arguments.of((Object) new String[] {"graph", CHAIN, "--format", "java"}),
                Arguments.of((Object) new String[] {"compare", SHORTER, "--at", "x=1", "--max-n", "2", "--max-dim", "10",
                    "--out", "target/long-input-compare"}));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandRunsA100000CharacterChain(String[] args) {
        Cli.Result r = run(args);
        assertThat(r.err()).doesNotContain("internal error");
        assertThat(r.exit()).as(r.err()).isZero();
        String input = args[1];
        String heading = r.out().lines().filter(l -> !l.isBlank()).findFirst().orElseThrow();
        assertThat(heading.length()).as("the heading shows the input shortened").isLessThan(400);
        if (heading.contains("x+x")) {
            assertThat(heading).contains("(" + input.length() + " characters)");
        }
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(CHAIN + ")", 100_000),
                Arguments.of(CHAIN.substring(0, 50_000) + "$" + CHAIN.substring(50_001), 50_001),
                Arguments.of("(".repeat(100_000) + "x", 201),
                Arguments.of("sin(".repeat(20_000) + "x", 804));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void aParseErrorInALongInputQuotesAShortExcerptWithTheCaretUnderTheColumn(String input, int column) {
        for (String command : new String[] {"trace", "diff", "graph", "compare"}) {
            Cli.Result r = command.equals("graph") ? run(command, input) : run(command, input, "--at", "x=1");
            assertThat(r.exit()).as(command + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().length()).as(command).isLessThan(600);
            assertThat(r.err()).contains("column " + column);
            String[] lines = r.err().split("\n");
            String excerpt = lines[lines.length - 2];
            String caret = lines[lines.length - 1];
            int at = caret.indexOf('^');
            assertThat(caret.strip()).isEqualTo("^");
            char expected = column - 1 < input.length() ? input.charAt(column - 1) : ' ';
            char under = at < excerpt.length() ? excerpt.charAt(at) : ' ';
            assertThat(under).as(command + " caret under\n" + excerpt + "\n" + caret).isEqualTo(expected);
        }
    }

    @org.junit.jupiter.api.Test
    void usageAndEvaluationErrorsQuoteLongArgumentsShortened() {
        String name = "v".repeat(50_000);
        Cli.Result option = run("diff", "x", "--at", "x=1", "--" + name);
        assertThat(option.exit()).isEqualTo(2);
        String message = option.err().substring(0, option.err().indexOf("Usage:"));
        assertThat(message).contains("Unknown option: '--vvv", "characters)").hasSizeLessThan(400);

        Cli.Result value = run("diff", "x", "--at", "x=" + CHAIN + "+");
        assertThat(value.exit()).isEqualTo(2);
        assertThat(value.err().substring(0, value.err().indexOf("Usage:"))).contains("--at x=", "not a number")
                .hasSizeLessThan(800);

        Cli.Result missing = run("diff", "x + " + name, "--at", "x=1");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no value for variable vvv", "(50000 characters)").hasSizeLessThan(600);

        Cli.Result manual = run("compare", "x^2", "--at", "x=1", "--manual", "2*" + name, "--out",
                "target/long-input-compare");
        assertThat(manual.exit()).isEqualTo(2);
        assertThat(manual.err().substring(0, manual.err().indexOf("Usage:"))).contains("--manual 2*vvv")
                .hasSizeLessThan(600);
    }

    @org.junit.jupiter.api.Test
    void messagesOfAnyLengthAreShortenedLineByLine() {
        String shortened = UsageErrorHandler.shorten("a".repeat(UsageErrorHandler.LINE + 1000) + "\nshort\n" + "x\n".repeat(30));
        String[] lines = shortened.split("\n");
        assertThat(lines[0]).endsWith("(" + (UsageErrorHandler.LINE + 1000) + " characters)").hasSizeLessThan(120);
        assertThat(lines[1]).isEqualTo("short");
        assertThat(lines).hasSize(UsageErrorHandler.LINES + 1);
        assertThat(lines[lines.length - 1]).isEqualTo("(21 more lines)");
        assertThat(UsageErrorHandler.shorten(null)).isEqualTo("null");
    }
}
