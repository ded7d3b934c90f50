package dev.adjoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.bench.Impl;
import dev.adjoint.bench.scalar.Rosenbrock;
import dev.adjoint.bench.scalar.ScalarWorkload;
import dev.adjoint.bench.scalar.Seed;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code adjoint bench}: options, usage errors and the export for the comparison scripts (the timed run is slow). */
class BenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void helpDescribesTheJsonLines() {
        assertThat(run("bench", "--help")).isZero();
        assertThat(out.toString()).contains("--quick", "--json", "--only", "--export", "t_obj_s", "ratio");
    }

    @Test
    void listNamesEveryWorkloadAndItsImplementations() {
        assertThat(run("bench", "--list")).isZero();
        assertThat(out.toString()).contains("seed", "logistic", "rosenbrock", "adjoint-reverse", "hipparchus");
    }

    @Test
    void unknownWorkloadIsAUsageErrorNamingTheKnownOnes() {
        assertThat(run("bench", "--only", "seed,nope", "--list")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown workload 'nope'").contains("seed, logistic, rosenbrock");
    }

    @Test
    void onlySelectsWorkloads() {
        assertThat(run("bench", "--only", "rosenbrock", "--list")).isZero();
        assertThat(out.toString()).contains("rosenbrock").doesNotContain("logistic");
    }

    @Test
    void exportWritesInputsAndOurResultsAtFullPrecision(@TempDir Path dir) throws Exception {
        assertThat(run("bench", "--only", "seed,rosenbrock", "--export", dir.toString())).isZero();
        assertThat(dir.resolve("logistic.json")).doesNotExist();
        String seed = Files.readString(dir.resolve("seed.json"));
        ScalarWorkload w = new Seed();
        double[] g = new double[2];
        double value = w.valueAndGradient(w.point(), g);
        assertThat(number(seed, "value")).isEqualTo(value);
        assertThat(seed).contains("\"point\": {\"seed\": 1001, \"n\": 2, \"lo\": 0.5, \"hi\": 5.5}");
        assertThat(seed).contains("\"x\": [" + w.point()[0] + ", " + w.point()[1] + "]");
        String rosenbrock = Files.readString(dir.resolve("rosenbrock.json"));
        ScalarWorkload.ScalarTask manual = new Rosenbrock().scalarTask(Impl.MANUAL);
        manual.run();
        assertThat(number(rosenbrock, "value")).isEqualTo(manual.value());
        assertThat(number(rosenbrock, "tape_ops")).isEqualTo(new Rosenbrock().tapeSize());
    }

    @Test
    void roundsMustBePositive() {
        assertThat(run("bench", "--only", "seed", "--rounds", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--rounds: must be at least 1, not 0");
    }

    @Test
    void adbenchGroupsListTheirInputs() {
        assertThat(run("bench", "--only", "adbench_ba", "--list")).isZero();
        assertThat(out.toString()).contains("adbench_ba_ba1_n49_m7776_p31843", "adbench_ba_ba3_n161_m48126_p182072",
                "manual").doesNotContain("adbench_gmm");
    }

    @Test
    void aGroupSelectsAllItsSizes() {
        assertThat(run("bench", "--only", "gemm", "--list")).isZero();
        assertThat(out.toString()).contains("gemm_512", "gemm_1024", "java-loop", "blas").doesNotContain("mlp");
    }

    @Test
    void memoryRunsTheCheckpointingSweepWithJsonAndPlot(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("m.jsonl");
        Path png = dir.resolve("m.png");
        assertThat(run("bench", "--quick", "--only", "memory", "--json", json.toString(), "--plot", png.toString()))
                .isZero();
        java.util.List<String> lines = Files.readAllLines(json);
        assertThat(lines).hasSize(12 + 9);
        assertThat(lines.subList(0, 12)).allSatisfy(l -> assertThat(l)
                .startsWith("{\"workload\": \"memory_chain\", \"n\": ").contains("\"peak_bytes\": ", "\"t_grad_s\": "));
        assertThat(lines.get(8)).contains("\"n\": 1000, \"method\": \"plain\", \"peak_bytes\": 528528");
        assertThat(lines.subList(12, 21)).allSatisfy(l -> assertThat(l)
                .startsWith("{\"workload\": \"memory_ode\", \"steps\": ").contains("\"peak_bytes\": "));
        // backprop through the solver grows with the steps; the adjoint method does not
        assertThat(peak(lines.get(12 + 6))).isGreaterThan(50 * peak(lines.get(12)));
        assertThat(peak(lines.get(12 + 8))).isEqualTo(peak(lines.get(12 + 2)));
        assertThat(png).exists();
        assertThat(Files.size(png)).isPositive();
    }

    private static long peak(String jsonLine) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"peak_bytes\": (\\d+)").matcher(jsonLine);
        assertThat(m.find()).as(jsonLine).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void memoryMixedWithJmhWorkloadsIsAUsageError() {
        assertThat(run("bench", "--only", "memory,seed")).isEqualTo(2);
        assertThat(err.toString()).contains("'memory' on its own");
    }

    @Test
    void tensorWorkloadsExportTheirTensors(@TempDir Path dir) throws Exception {
        assertThat(run("bench", "--only", "rosenbrock_tensor", "--export", dir.toString())).isZero();
        String json = Files.readString(dir.resolve("rosenbrock_tensor.json"));
        double value = dev.adjoint.examples.Rosenbrock.value(dev.adjoint.bench.tensor.RosenbrockTensor.point()).item();
        assertThat(json).contains("\"x\": {\"shape\": [10000.0], \"data\": [",
                "\"value\": {\"shape\": [], \"data\": [" + value + "]}", "\"grad.x\": {\"shape\": [10000.0]");
    }

    @Test
    void exportToAnUnwritablePlaceIsAnEvaluationError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThat(run("bench", "--only", "seed", "--export", file.resolve("sub").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("cannot write");
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.eE]+)").matcher(json);
        assertThat(m.find()).as("key %s in %s", key, json).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
