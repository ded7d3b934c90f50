package dev.adjoint.symbolic;

/**
 * A syntax error in an expression: says what was expected, and its message quotes the input with a caret under the
 * offending column (a long input is shortened around that column, see {@link Excerpt}), for example
 * <pre>
 * expected ')' to close the '(' at column 3, found end of input at column 9
 *   ln(x1 + 2
 *            ^
 * </pre>
 */
public final class ParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String input;
    private final int column;
    private final String problem;

    /** A problem found at {@code column} (1-based) of {@code input}. */
    public ParseException(String input, int column, String problem) {
        super(message(input, column, problem));
        this.input = input;
        this.column = column;
        this.problem = problem;
    }

    /** The 1-based column of the offending character (one past the end for a premature end of input). */
    public int column() {
        return column;
    }

    /** The input that failed to parse. */
    public String input() {
        return input;
    }

    /** The problem alone, without the quoted input and caret. */
    public String problem() {
        return problem;
    }

    // The input, shortened around the column when long, with the caret under the column's character.
    private static String message(String input, int column, String problem) {
        Excerpt.Window w = Excerpt.around(input, column - 1);
        return problem + "\n  " + w.text() + "\n  " + " ".repeat(w.caret()) + "^";
    }
}
