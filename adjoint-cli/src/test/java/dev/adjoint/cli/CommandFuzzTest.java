package dev.adjoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.symbolic.ParseException;
import dev.adjoint.symbolic.Parser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Seeded fuzzing of the parser and the commands, in-process: random tokens, random characters (Unicode, surrogate
 * pairs, control characters, U+FFFD), deep nesting, long chains and huge numbers. No input may throw, print an
 * internal error, exit with a code other than the documented 0 ok, 1 evaluation error, 2 usage error and 3 not
 * finite, or write a long message; a parse error's caret stands under the offending character.
 */
class CommandFuzzTest {

    private static final long SEED = 14;

    /** Inputs through the parser alone, and through the commands (each input through one, in turn). */
    private static final int PARSER_INPUTS = 10_000;
    private static final int COMMAND_INPUTS = 1_000;

    /** Longest stderr of a run, usage text excluded: the input is never echoed in full. */
    private static final int MAX_MESSAGE = 1_200;

    private static final Set<Integer> EXIT_CODES = Set.of(0, 1, 2, NonFinite.EXIT_CODE);

    private static final String[] TOKENS = {"x", "y", "x1", "2", ".5", "1e-3", "1e308", "1e309", "10", "pi", "e", "+",
        "-", "*", "/", "^", "**", "(", ")", ",", "sin", "ln", "exp", "sqrt", "atan2", "max", "min", "pow", "abs", " ",
        "\u2212", "×", "·", "foo", "3.", "(", ")", "0", "-1", "1/3", "tan", "lgamma", "\t", "x^x", "exp(exp("};

    private static final String[] ODD = {"é", "α", "Ω", "∂", "😀", "\uD835\uDC65", "\uFFFD", "\u0000", "\n", "\u200B",
        "\u202E", "e\u0301", "中", "ﬀ", "\u00A0", "$", "#", "'", "\"", "\\", ";", "=", "%", "[", "]", "{", "}", "~"};

    @Test
    void theParserGivesAnExpressionOrAParseExceptionWithTheCaretOnTheColumn() {
        Random random = new Random(SEED);
        int parsed = 0;
        for (int i = 0; i < PARSER_INPUTS; i++) {
            String input = input(random, i);
            try {
                Parser.parse(input);
                parsed++;
            } catch (ParseException e) {
                assertThat(e.column()).as(shown(input)).isBetween(1, input.length() + 1);
                assertCaretUnderColumn(input, e.column(), e.getMessage());
                assertThat(e.getMessage().length()).as(shown(input)).isLessThan(MAX_MESSAGE);
            }
        }
        assertThat(parsed).as("some inputs are valid").isGreaterThan(PARSER_INPUTS / 20);
    }

    @Test
    void theCommandsExitWithADocumentedCodeAndAShortMessage() {
        Random random = new Random(SEED + 1);
        String[][] commands = {{"trace", "--at", "x=0.5,y=2,x1=-1"}, {"diff", "--at", "x=0.5,y=2,x1=-1", "--order", "2"},
            {"trace", "--at", "x=3,y=-2,x1=1e-300", "--mode", "forward", "--format", "dot"}, {"graph", "--grad"},
            {"diff", "--at", "x=3,y=-2,x1=1e-300", "--symbolic", "--json"}, {"graph", "--format", "java"}};
        int[] byCode = new int[4];
        // One command line for all runs, as picocli allows (it resets the options before each parse): building one
        // costs more than most runs.
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        for (int i = 0; i < COMMAND_INPUTS; i++) {
            String input = input(random, i);
            String[] command = commands[random.nextInt(commands.length)];
            {
                List<String> args = new ArrayList<>(List.of(command));
                args.add(1, input);
                out.getBuffer().setLength(0);
                err.getBuffer().setLength(0);
                int exit = cl.execute(args.toArray(new String[0]));
                Cli.Result r = new Cli.Result(exit, out.toString(), err.toString());
                String what = command[0] + " " + shown(input);
                assertThat(EXIT_CODES).as(what + ": " + r.err()).contains(r.exit());
                assertThat(r.err()).as(what).doesNotContain("internal error").doesNotContain("Exception");
                String message = r.err().contains("Usage:") ? r.err().substring(0, r.err().indexOf("Usage:")) : r.err();
                assertThat(message.length()).as(what + ": " + message).isLessThan(MAX_MESSAGE);
                if (r.exit() == NonFinite.EXIT_CODE) {
                    assertThat(r.err().strip().lines().count()).as("one warning line: " + r.err()).isEqualTo(1);
                }
                byCode[r.exit()]++;
            }
        }
        assertThat(byCode[0]).as("runs that succeed").isPositive();
        assertThat(byCode[2]).as("runs that fail to parse").isPositive();
        assertThat(byCode[NonFinite.EXIT_CODE]).as("runs that are not finite").isPositive();
    }

    /** One fuzz input; the kind cycles with i so that every kind is well represented. */
    static String input(Random random, int i) {
        switch (i % 6) {
            case 0: return tokens(random, 1 + random.nextInt(20));
            case 1: return characters(random, random.nextInt(30));
            case 2: return nested(random, 1 + random.nextInt(400));
            case 3: return chain(random, 1 + random.nextInt(i % 60 == 3 ? 5_000 : 300));
            case 4: return hugeNumbers(random);
            default: return mutate(random, tokens(random, 3 + random.nextInt(10)));
        }
    }

    private static String tokens(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < n; j++) {
            b.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return b.toString();
    }

    private static String characters(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < n; j++) {
            int kind = random.nextInt(4);
            if (kind == 0) {
                b.append(ODD[random.nextInt(ODD.length)]);
            } else if (kind == 1) {
                b.appendCodePoint(random.nextInt(0x30000)); // anything, unpaired surrogates included
            } else {
                b.append((char) (32 + random.nextInt(95)));
            }
        }
        return b.toString();
    }

    private static String nested(Random random, int depth) {
        String[] open = {"(", "sin(", "-", "+", "exp(", "2^", "x^", "sqrt(", "max(x,", "--"};
        StringBuilder b = new StringBuilder();
        int parens = 0;
        for (int d = 0; d < depth; d++) {
            String o = open[random.nextInt(open.length)];
            b.append(o);
            parens += o.endsWith("(") || o.endsWith(",") ? 1 : 0;
        }
        b.append(random.nextBoolean() ? "x" : "0.5");
        b.append(")".repeat(random.nextInt(10) == 0 ? random.nextInt(parens + 2) : parens));
        return b.toString();
    }

    private static String chain(Random random, int n) {
        String[] ops = {"+", "-", "*", "/", "^"};
        String op = ops[random.nextInt(ops.length)];
        StringBuilder b = new StringBuilder("x");
        for (int j = 1; j < n; j++) {
            b.append(random.nextInt(8) == 0 ? ops[random.nextInt(ops.length)] : op).append(random.nextBoolean() ? "x"
                    : "y");
        }
        return b.toString();
    }

    private static String hugeNumbers(Random random) {
        String[] forms = {"1e308*10", "2^1024", "(-8)^(1/3)", "1e309", "9".repeat(400), "1" + "0".repeat(310) + "*x",
            "exp(1000*x)", "x/0", "0/0*x", "1e-400", "ln(0*x)", "." + "0".repeat(500) + "1", "1e99999999999", "x^1e308",
            "tan(pi/2)*x", "lgamma(-1+0*x)", "1e308+1e308-x", "sqrt(-x)", "1e308*x*x"};
        String f = forms[random.nextInt(forms.length)];
        return random.nextBoolean() ? f : f + " + " + tokens(random, 1 + random.nextInt(4));
    }

    private static String mutate(Random random, String s) {
        StringBuilder b = new StringBuilder(s);
        for (int m = 0; m < 3 && b.length() > 0; m++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(3)) {
                case 0: b.deleteCharAt(at); break;
                case 1: b.insert(at, ODD[random.nextInt(ODD.length)]); break;
                default: b.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
            }
        }
        return b.toString();
    }

    /** The excerpt and caret lines end the message; the caret stands under the character at the column. */
    static void assertCaretUnderColumn(String input, int column, String message) {
        String[] lines = message.split("\n", -1);
        String excerpt = lines[lines.length - 2];
        String caret = lines[lines.length - 1];
        assertThat(caret.strip()).isEqualTo("^");
        int[] shown = excerpt.substring(2).codePoints().toArray();
        int at = caret.indexOf('^') - 2;
        if (column - 1 < input.length()) {
            int expected = input.codePointAt(column - 1);
            expected = Character.isISOControl(expected) ? ' ' : expected;
            assertThat(at).as(shown(input)).isLessThan(shown.length);
            assertThat(Character.toString(shown[at])).as(shown(input) + " at column " + column + ":\n" + message)
                    .isEqualTo(Character.toString(expected));
        } else {
            assertThat(at).as("one past the end: " + message).isGreaterThanOrEqualTo(shown.length
                    - (excerpt.endsWith("…") ? 1 : 0));
        }
    }

    private static String shown(String input) {
        return "\"" + (input.length() > 100 ? input.substring(0, 100) + "…(" + input.length() + " chars)" : input)
                + "\"";
    }
}
