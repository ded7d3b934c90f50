package dev.adjoint.bench.run;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH output as one line per case: {@code [3/15] seed/adjoint-reverse wwww..... 61.2 ns  (0:21 elapsed, ~1:05
 * left)}, a {@code w} per warm-up and a dot per measured iteration. JMH's own log of the current case is kept
 * and shown by {@link #log()} when something fails.
 */
public final class Progress implements OutputFormat {

    private static final int LOG_LINES = 200;

    private final PrintWriter out;
    private final Deque<String> log = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();
    private int total;
    private int done;
    private long start;

    /** Progress written to {@code out}. */
    public Progress(PrintWriter out) {
        this.out = out;
    }

    void begin(int cases) {
        total = cases;
        done = 0;
        start = System.nanoTime();
    }

    void round(int round, int rounds) {
        if (rounds > 1) {
            out.printf("round %d of %d%n", round, rounds);
        }
    }

    /** JMH's log of the current case (headers, warnings, the fork's error output). */
    public String log() {
        return String.join(System.lineSeparator(), log);
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        log.clear();
        done++;
        out.printf("[%d/%d] %-32s ", done, total, params.getParam("id"));
        out.flush();
    }

    @Override
    public void iteration(BenchmarkParams params, IterationParams iteration, int index) {
    }

    @Override
    public void iterationResult(BenchmarkParams params, IterationParams iteration, int index, IterationResult r) {
        out.print(iteration.getType() == IterationType.WARMUP ? "w" : ".");
        out.flush();
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        double elapsed = (System.nanoTime() - start) * 1e-9;
        String time = result == null ? "failed" : Report.time(result.getPrimaryResult().getScore() * 1e-9);
        out.printf(" %s  (%s elapsed, ~%s left)%n", time, clock(elapsed), clock(elapsed / done * (total - done)));
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format("%d:%02d", s / 60, s % 60);
    }

    @Override
    public void startRun() {
    }

    @Override
    public void endRun(Collection<RunResult> results) {
    }

    @Override
    public void print(String s) {
        partial.append(s);
        int nl;
        while ((nl = partial.indexOf("\n")) >= 0) {
            keep(partial.substring(0, nl));
            partial.delete(0, nl + 1);
        }
    }

    @Override
    public void println(String s) {
        print(s + "\n");
    }

    @Override
    public void verbosePrintln(String s) {
        println(s);
    }

    @Override
    public void write(int b) {
        print(String.valueOf((char) b));
    }

    @Override
    public void write(byte[] b) {
        print(new String(b, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }

    private void keep(String line) {
        log.addLast(line);
        if (log.size() > LOG_LINES) {
            log.removeFirst();
        }
    }
}
