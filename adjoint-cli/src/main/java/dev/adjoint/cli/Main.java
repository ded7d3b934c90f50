package dev.adjoint.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code adjoint} command: one subcommand per part of the lecture. */
@Command(name = "adjoint", mixinStandardHelpOptions = true, version = "adjoint 0.1.0",
        description = "Automatic differentiation for the JVM: traces, derivatives, comparisons and benchmarks.",
        subcommands = {
            CommandLine.HelpCommand.class,
            DemoCommand.class,
            TraceCommand.class,
            DiffCommand.class,
            OdeDemoCommand.class,
            CompareCommand.class,
            BenchCommand.class,
            TrainCommand.class,
            GraphCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code: 0 ok, 1 evaluation error, 2 usage error. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns its exit code (for tests). Everything written to {@code System.out} and
     * {@code System.err} meanwhile, by picocli or by any library, is UTF-8 whatever the platform's charset.
     */
    public static int run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream utf8Out = utf8(out);
        PrintStream utf8Err = utf8(err);
        System.setOut(utf8Out);
        System.setErr(utf8Err);
        try {
            CommandLine commandLine = commandLine();
            int code = commandLine.execute(args);
            commandLine.getOut().flush();
            commandLine.getErr().flush();
            return code;
        } finally {
            utf8Out.flush();
            utf8Err.flush();
            System.setOut(out);
            System.setErr(err);
        }
    }

    /**
     * The configured picocli command line: UTF-8 output, exit codes 0 ok, 1 evaluation error, 2 usage error, 3 a
     * result that is not finite.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setOut(writer(System.out))
                .setErr(writer(System.err))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(new UsageErrorHandler())
                .setExecutionExceptionHandler(new ErrorHandler());
    }

    // The traces print v̄₋₁ and friends, which the platform charset (ASCII under LANG=C) would turn into '?'. The
    // bytes go through the platform's stream unchanged.
    private static PrintStream utf8(PrintStream stream) {
        return new PrintStream(stream, true, StandardCharsets.UTF_8);
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
