package dev.adjoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The crashes of issue 14 as tests: a 100,000-character chain {@code x+x+…} (a tree 50,000 levels deep) through every
 * command and every layer they use, which must neither overflow the stack nor echo the input back in full.
 */
class LongInputTest {

    /** {@code x+x+…+x}, 100,000 characters less one. */
    static final String CHAIN = "x" + "+x".repeat(49_999);

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of((Object) new String[] {"trace", CHAIN, "--at", "x=1"}),
                Arguments.of((Object) new String[] {"trace", CHAIN, "--at", "x=1", "--mode", "forward"}),
                Arguments.of((Object) new String[] {"trace", CHAIN, "--at", "x=1", "--format", "dot"}),
                Arguments.of((Object) new String[] {"diff", CHAIN, "--at", "x=1", "--order", "2"}),
                Arguments.of((Object) new String[] {"diff", CHAIN, "--at", "x=1", "--symbolic", "--json"}),
                Arguments.of((Object) new String[] {"graph", CHAIN}),
                Arguments.of((Object) new String[] {"graph", CHAIN, "--no-simplify"}),
                Arguments.of((Object) new String[] {"graph", CHAIN, "--grad"}),
                Arguments.of((Object) new String[] {"graph", CHAIN, "--grad", "--format", "dot"}),
                Arguments.of((Object) new String[] {"graph", CHAIN, "--format", "java"}),
                Arguments.of((Object) new String[] {"compare", CHAIN, "--at", "x=1", "--max-n", "2", "--max-dim", "10",
                    "--out", "target/long-input-compare"}));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandRunsA100000CharacterChain(String[] args) {
        Cli.Result r = Cli.run(args);
        assertThat(r.err()).doesNotContain("internal error");
        assertThat(r.exit()).as(r.err()).isZero();
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
            Cli.Result r = Cli.run(command, input, "--at", "x=1");
            if (command.equals("graph")) {
                r = Cli.run(command, input);
            }
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
}
