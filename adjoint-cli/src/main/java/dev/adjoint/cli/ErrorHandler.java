package dev.adjoint.cli;

import dev.adjoint.scalar.trace.NonFiniteException;
import dev.adjoint.symbolic.ParseException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions from a command into the CLI's exit codes and one clear message on stderr: a malformed
 * expression is a usage error (2, with the caret under the column); a failed evaluation (NaN at a node, a variable
 * without a value, bad input to the library) is an evaluation error (1); a value that came out NaN or infinite where
 * the command needs a number is {@link NonFinite#EXIT_CODE} (3), naming the step. Anything else is a bug: its stack trace
 * is printed and the code is 1. Picocli's own option errors already exit with 2.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    /** Exit code for a command that ran but could not evaluate. */
    static final int EVALUATION_ERROR = 1;
    /** Exit code for a malformed command line or expression. */
    static final int USAGE_ERROR = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        String command = "adjoint " + cl.getCommandName();
        if (ex instanceof ParseException p) {
            cl.getErr().println(command + ": cannot parse the expression: " + p.getMessage());
            cl.getErr().flush();
            return USAGE_ERROR;
        }
        if (ex instanceof NonFiniteException || ex instanceof NonFinite.NotFinite) {
            cl.getErr().println(command + ": not finite: " + UsageErrorHandler.shorten(ex.getMessage()));
            cl.getErr().flush();
            return NonFinite.EXIT_CODE;
        }
        if (ex instanceof IllegalArgumentException || ex instanceof ArithmeticException
                || ex instanceof IllegalStateException) {
            cl.getErr().println(command + ": evaluation error: " + UsageErrorHandler.shorten(ex.getMessage()));
            cl.getErr().flush();
            return EVALUATION_ERROR;
        }
        cl.getErr().println(command + ": internal error (please report it):");
        ex.printStackTrace(cl.getErr());
        cl.getErr().flush();
        return EVALUATION_ERROR;
    }
}
