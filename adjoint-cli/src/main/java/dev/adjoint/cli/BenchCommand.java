package dev.adjoint.cli;

import dev.adjoint.bench.Impl;
import dev.adjoint.bench.Measurement;
import dev.adjoint.bench.Row;
import dev.adjoint.bench.Workload;
import dev.adjoint.bench.Workloads;
import dev.adjoint.bench.run.Export;
import dev.adjoint.bench.run.Progress;
import dev.adjoint.bench.run.Report;
import dev.adjoint.bench.run.Settings;
import dev.adjoint.bench.run.Suite;
import dev.adjoint.checkpoint.MemoryChain;
import dev.adjoint.ode.OdeMemory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.openjdk.jmh.runner.RunnerException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code adjoint bench}: the JMH suite, each implementation next to its plain-code baseline from the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {
            "Runs the benchmark suite with JMH: every workload's derivative implementations next to its plain"
                + " double baseline measured in the same run, each in a forked JVM (fixed heap, pre-touched,"
                + " one thread). Prints a table; --json writes one JSON object per line:",
            "  {\"workload\", \"impl\", \"t_obj_s\", \"t_grad_s\", \"ratio\" = t_grad_s / t_obj_s, ...}.",
            "The full run takes several minutes; --quick takes under three."})
public final class BenchCommand implements Callable<Integer> {

    private static final String MEMORY = "memory";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--quick", description = "Short run: one round, 2 x 0.3 s warm-up and 3 x 0.3 s measured per case.")
    boolean quick;

    @Option(names = "--rounds", paramLabel = "N",
            description = "Rounds of forks (default: 1 with --quick, else 3); e.g. --rounds 1 for the full"
                    + " iterations in a third of the time.")
    Integer rounds;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON lines to FILE.")
    Path json;

    @Option(names = "--only", paramLabel = "IDS", split = ",",
            description = "Comma-separated workload ids or groups to run (default: all; see --list);"
                    + " 'memory' alone runs the checkpointing memory sweep instead (no JMH).")
    List<String> only;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "With --only memory: also plot peak bytes against N to FILE (PNG; the extension is added).")
    Path plot;

    @Option(names = "--list", description = "List the workloads and their implementations, then exit.")
    boolean list;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for tensor kernels and matrix products"
            + " in every fork; OpenBLAS itself runs on one (default: ${DEFAULT-VALUE}).")
    int threads = 1;

    @Option(names = "--export", paramLabel = "DIR",
            description = "Write each workload's inputs and our value and gradient to DIR/<id>.json (for"
                    + " adjoint-bench/python/compare_torch.py), then exit without timing.")
    Path export;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (only != null && only.contains(MEMORY)) {
            if (only.size() > 1) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--only: run '" + MEMORY + "' on its own (it is not a JMH workload)");
            }
            return memory(out, err);
        }
        List<Workload> workloads = selected();
        if (list) {
            for (Workload w : workloads) {
                out.printf("%-12s %s%n%12s impls: %s%n", w.id(), w.description(), "",
                        w.impls().stream().map(Impl::label).collect(Collectors.joining(", ")));
            }
            return 0;
        }
        if (export != null) {
            try {
                for (Path p : Export.write(workloads, export)) {
                    out.println("wrote " + p);
                }
                return 0;
            } catch (IOException e) {
                err.println("adjoint bench: cannot write to " + export + ": " + e.getMessage());
                return 1;
            }
        }
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        System.setProperty(Settings.THREADS, Integer.toString(threads));     // passed on to every fork
        Settings settings = quick ? Settings.quick() : Settings.full();
        if (rounds != null) {
            if (rounds < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--rounds: must be at least 1, not "
                        + rounds);
            }
            settings = settings.withRounds(rounds);
        }
        out.printf("adjoint bench: %s%njava %s (%s), %d cpus%n", settings.describe(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors());
        Progress progress = new Progress(out);
        Map<Workload, Map<Impl, Measurement>> results;
        try {
            results = Suite.run(workloads, settings, progress);
        } catch (RunnerException e) {
            err.println(progress.log());
            err.println("adjoint bench: JMH failed: " + e.getMessage() + " (JMH's log is above)");
            return 1;
        }
        out.println();
        out.print(Report.table(results));
        if (json != null) {
            List<Row> rows = Report.rows(results);
            try {
                Report.writeJson(json, rows);
            } catch (IOException e) {
                err.println("adjoint bench: cannot write " + json + ": " + e.getMessage());
                return 1;
            }
            out.println("wrote " + rows.size() + " rows to " + json);
        }
        out.flush();
        return 0;
    }

    /** The checkpointing memory sweep: peak bytes and gradient time through a chain of N layers, per method. */
    private int memory(PrintWriter out, PrintWriter err) {
        int[] ns = quick ? new int[] {10, 100, 1000} : new int[] {10, 100, 1000, 10000};
        out.println("adjoint bench: memory_chain (dev.adjoint.checkpoint.MemoryChain), N = "
                + java.util.Arrays.toString(ns) + ", width 64, best of 3");
        List<String> lines = new java.util.ArrayList<>();
        List<MemoryChain.Measurement> rows = new java.util.ArrayList<>();
        for (int n : ns) {
            for (MemoryChain.Method m : MemoryChain.Method.values()) {
                MemoryChain.Measurement row = MemoryChain.measure(n, m, 64, 3);
                out.println(row.toJson());
                out.flush();
                rows.add(row);
                lines.add(row.toJson());
            }
        }
        // The ODE part: backprop through RK4 keeps every state, the adjoint method a constant amount.
        int[] steps = quick ? new int[] {10, 100, 1000} : new int[] {10, 100, 1000, 10000};
        out.println("adjoint bench: memory_ode (dev.adjoint.ode.OdeMemory), Lotka-Volterra by RK4, steps = "
                + java.util.Arrays.toString(steps) + ", best of 3");
        for (int n : steps) {
            for (OdeMemory.Method m : OdeMemory.Method.values()) {
                String line = OdeMemory.measure(n, m, 3).toJson();
                out.println(line);
                out.flush();
                lines.add(line);
            }
        }
        if (plot != null) {
            try {
                MemoryPlot.write(rows, plot);
            } catch (IOException e) {
                err.println("adjoint bench: cannot write " + plot + ": " + e.getMessage());
                return 1;
            }
            out.println("wrote " + plot + (plot.toString().endsWith(".png") ? "" : ".png"));
        }
        if (json != null) {
            try {
                Path parent = json.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.write(json, lines, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("adjoint bench: cannot write " + json + ": " + e.getMessage());
                return 1;
            }
            out.println("wrote " + lines.size() + " rows to " + json);
        }
        return 0;
    }

    private List<Workload> selected() {
        if (only == null) {
            return Workloads.all();
        }
        try {
            return Workloads.select(only);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--only: " + e.getMessage());
        }
    }
}
