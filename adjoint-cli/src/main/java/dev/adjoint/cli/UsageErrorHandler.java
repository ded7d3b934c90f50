package dev.adjoint.cli;

import dev.adjoint.symbolic.Excerpt;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Picocli's usage errors (exit code 2) as picocli prints them, the message, then suggestions or the usage, except
 * that every line of the message is at most a screen wide: an unknown option or value of 100,000 characters is
 * quoted shortened, never echoed in full.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    /**
     * Longest message line; longer lines are shortened by {@link Excerpt#shorten}. Long enough for the library's own
     * messages (a file's every mismatch, the list of known workloads); user input is already quoted shortened.
     */
    static final int LINE = 1500;

    /** Most message lines printed. */
    static final int LINES = 12;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        cl.getErr().println(shorten(ex.getMessage()));
        if (!UnmatchedArgumentException.printSuggestions(ex, cl.getErr())) {
            cl.usage(cl.getErr(), cl.getColorScheme());
        }
        cl.getErr().flush();
        return ErrorHandler.USAGE_ERROR;
    }

    /** Each line shortened, and at most {@link #LINES} lines. */
    static String shorten(String message) {
        String[] lines = String.valueOf(message).split("\n", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(lines.length, LINES); i++) {
            b.append(i > 0 ? "\n" : "").append(lines[i].length() <= LINE ? lines[i] : Excerpt.shorten(lines[i]));
        }
        if (lines.length > LINES) {
            b.append("\n(").append(lines.length - LINES).append(" more lines)");
        }
        return b.toString();
    }
}
