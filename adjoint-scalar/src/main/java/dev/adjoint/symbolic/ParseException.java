package dev.adjoint.symbolic;

/**
 * A syntax error in an expression: says what was expected, and its message quotes the input with a caret under the
 * offending column, for example
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
        super(problem + "\n  " + printable(input) + "\n  " + " ".repeat(Math.max(0, column - 1)) + "^");
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

    // Control characters would break the caret's alignment, so they are shown as spaces.
    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        return b.toString();
    }
}
