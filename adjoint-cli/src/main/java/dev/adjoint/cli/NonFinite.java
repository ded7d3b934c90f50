package dev.adjoint.cli;

import dev.adjoint.scalar.trace.Step;
import dev.adjoint.scalar.trace.Trace;
import dev.adjoint.scalar.trace.TracePrinter;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Results that are NaN or infinite: the command prints them as computed (IEEE arithmetic is not an error), then one
 * warning line on stderr naming the first operation that produced a non-finite value, and exits with
 * {@link #EXIT_CODE}, so that a script cannot take such a result for a number.
 */
final class NonFinite {

    /** Exit code of a command whose printed result contains NaN or an infinity. */
    static final int EXIT_CODE = 3;

    private NonFinite() {
    }

    /**
     * Why a value computed from {@code trace} is not finite: the first step (or constant operation) producing NaN or
     * ∞; failing that, the first step whose local derivative is not finite when a derivative in {@code derivatives}
     * is not; empty if everything is finite.
     */
    static Optional<String> cause(Trace trace, double... derivatives) {
        Optional<String> primal = trace.nonFinite();
        if (primal.isPresent() || !Double.isFinite(trace.value())) {
            return primal.or(() -> Optional.of("the result is " + trace.value()));
        }
        if (Arrays.stream(derivatives).allMatch(Double::isFinite)) {
            return Optional.empty();
        }
        for (Step s : trace.steps()) {
            if (s.partials().stream().anyMatch(p -> !Double.isFinite(p))) {
                return Optional.of("the derivative of " + s.symbol() + " is not finite at "
                        + TracePrinter.of(TracePrinter.Format.TEXT, 3).describe(trace, s));
            }
        }
        return Optional.of("a derivative overflowed to infinity or NaN although every local derivative is finite");
    }

    /** A command that needs finite values got a NaN or an infinity: exits with {@link #EXIT_CODE}, naming the cause. */
    static final class NotFinite extends ArithmeticException {
        private static final long serialVersionUID = 1L;

        NotFinite(String cause) {
            super(cause);
        }
    }

    /** Prints the warning for {@code cause} (if any) on the command's stderr; the exit code to return. */
    static int exitCode(CommandSpec spec, Optional<String> cause) {
        if (cause.isEmpty()) {
            return 0;
        }
        spec.commandLine().getErr().println("adjoint " + spec.name() + ": warning: not finite: " + cause.get());
        spec.commandLine().getErr().flush();
        return EXIT_CODE;
    }
}
