package dev.adjoint.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code adjoint} command: one subcommand per part of the lecture. */
@Command(name = "adjoint", mixinStandardHelpOptions = true, version = "adjoint 0.1.0",
        description = "Automatic differentiation for the JVM: traces, derivatives, comparisons and benchmarks.",
        subcommands = {
            CommandLine.HelpCommand.class,
            BenchCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code: 0 ok, 1 evaluation error, 2 usage error. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured picocli command line. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
