package dev.adjoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.Rng;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.nn.Params;
import dev.adjoint.nn.data.Idx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @TempDir
    Path dir;

    @Test
    void spiralsWithJsonParamsAndCurves() throws Exception {
        Path json = dir.resolve("run.jsonl");
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run("train", "--epochs", "3", "--seed", "4", "--quiet", "--json", json.toString(), "--out",
                out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("two spirals", "epoch   3", "test accuracy");
        List<String> lines = Files.readAllLines(json);
        assertThat(lines).hasSize(3);
        for (int i = 0; i < 3; i++) {
            String line = lines.get(i);
            assertThat(line).startsWith("{\"epoch\": " + (i + 1) + ",").contains("\"train_loss\": ",
                    "\"test_loss\": ", "\"test_accuracy\": ", "\"seconds\": ").endsWith("}");
            double acc = Double.parseDouble(line.replaceAll(".*\"test_accuracy\": ([0-9.eE+-]+).*", "$1"));
            assertThat(acc).isBetween(0.0, 1.0);
        }
        assertThat(Files.size(out.resolve("loss.png"))).isGreaterThan(1000);
        assertThat(Files.size(out.resolve("accuracy.png"))).isGreaterThan(1000);
        Map<String, NdArray> saved = Params.read(out.resolve("params.npz"));
        assertThat(saved.get("layers.0.weight").shape()).isEqualTo(Shape.of(2, 64));
    }

    @Test
    void resumeContinuesBitForBit() throws Exception {
        Path whole = dir.resolve("whole.npz");
        Path part = dir.resolve("part.npz");
        Cli.Result full = Cli.run("train", "--epochs", "4", "--seed", "3", "--quiet", "--save", whole.toString());
        assertThat(full.exit()).as(full.err()).isZero();
        Cli.Result first = Cli.run("train", "--epochs", "2", "--seed", "3", "--quiet", "--save", part.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("saved the run to " + part + " (continue it with --resume " + part + ")");
        Cli.Result rest = Cli.run("train", "--epochs", "4", "--seed", "3", "--quiet", "--resume", part.toString(),
                "--save", part.toString());
        assertThat(rest.exit()).as(rest.err()).isZero();
        assertThat(rest.out()).contains("resumed:   " + part + " after epoch 2 of 4");
        assertThat(losses(rest.out())).isEqualTo(losses(full.out()).subList(2, 4));
        assertThat(Files.readAllBytes(part)).isEqualTo(Files.readAllBytes(whole));
        Cli.Result again = Cli.run("train", "--epochs", "4", "--seed", "3", "--quiet", "--resume", part.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("after epoch 4 of 4: nothing left to train", "after 4 epochs");
    }

    @Test
    void resumeErrorsNameTheFileAndTheParameter() throws Exception {
        Path f = dir.resolve("run.npz");
        assertThat(Cli.run("train", "--epochs", "1", "--quiet", "--save", f.toString()).exit()).isZero();
        Cli.Result shape = Cli.run("train", "--epochs", "2", "--quiet", "--hidden", "32,64", "--resume",
                f.toString());
        assertThat(shape.exit()).isEqualTo(1);
        assertThat(shape.err()).contains(f.toString(), "tensor 'layers.0.weight' has shape [2, 64] in the file, but"
                + " the model expects [2, 32]", "nothing was loaded");
        Cli.Result other = Cli.run("train", "--epochs", "2", "--quiet", "--optimizer", "sgd", "--resume",
                f.toString());
        assertThat(other.exit()).isEqualTo(1);
        assertThat(other.err()).contains("holds the state of optimiser [adam], but this run uses 'sgd'");
        Cli.Result none = Cli.run("train", "--quiet", "--resume", dir.resolve("none.npz").toString());
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("no such file");
        Files.write(f, Arrays.copyOf(Files.readAllBytes(f), 100));
        Cli.Result cut = Cli.run("train", "--quiet", "--resume", f.toString());
        assertThat(cut.exit()).isEqualTo(1);
        assertThat(cut.err()).contains(f.toString(), "truncated");
        assertThat(Cli.run("train", "--compare-optimizers", "--save", f.toString()).exit()).isEqualTo(2);
    }

    @Test
    void resumingWithOtherOptionsIsAUsageErrorNamingThem() {
        Path f = dir.resolve("run.npz");
        assertThat(Cli.run("train", "--epochs", "2", "--seed", "5", "--quiet", "--save", f.toString()).exit())
                .isZero();
        Cli.Result r = Cli.run("train", "--epochs", "3", "--seed", "6", "--batch", "16", "--lr", "0.02", "--quiet",
                "--resume", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("the saved run was started with other options", "--seed 5 in the saved run, 6"
                + " now", "--batch 32 in the saved run, 16 now", "--lr 0.01 in the saved run, 0.02 now");
        Path c = dir.resolve("cosine.npz");
        assertThat(Cli.run("train", "--epochs", "2", "--cosine", "--quiet", "--save", c.toString()).exit()).isZero();
        Cli.Result e = Cli.run("train", "--epochs", "3", "--cosine", "--quiet", "--resume", c.toString());
        assertThat(e.exit()).isEqualTo(2);
        assertThat(e.err()).contains("--epochs 2 in the saved run, 3 now");
        Cli.Result more = Cli.run("train", "--epochs", "3", "--quiet", "--resume", f.toString(), "--seed", "5");
        assertThat(more.exit()).as(more.err()).isZero();
        assertThat(more.out()).contains("after epoch 2 of 3", "epoch   3");
    }

    @Test
    void sameSeedSameNumbers() {
        Cli.Result a = Cli.run("train", "--epochs", "2", "--seed", "9", "--quiet");
        Cli.Result b = Cli.run("train", "--epochs", "2", "--seed", "9", "--quiet");
        assertThat(losses(a.out())).isEqualTo(losses(b.out())).isNotEmpty();
    }

    @Test
    void threadCountsGiveTheSameNumbers() {
        Cli.Result one = Cli.run("train", "--epochs", "2", "--seed", "9", "--quiet", "--threads", "1");
        Cli.Result two = Cli.run("train", "--epochs", "2", "--seed", "9", "--quiet", "--threads", "2");
        assertThat(one.out()).contains("threads:   1 for tensor kernels");
        assertThat(two.out()).contains("threads:   2 for tensor kernels");
        assertThat(losses(two.out())).isEqualTo(losses(one.out())).isNotEmpty();
    }

    private static List<String> losses(String out) {
        return out.lines().filter(l -> l.startsWith("epoch")).map(l -> l.replaceAll("\\|\\s+[0-9.]+ s.*", ""))
                .toList();
    }

    @Test
    void cnnOnSmallIdxFiles() {
        Rng rng = Rng.seed(1);
        double[] img = new double[30 * 8 * 8];
        for (int i = 0; i < img.length; i++) {
            img[i] = Math.floor(rng.uniform() * 256);
        }
        double[] lab = new double[30];
        for (int i = 0; i < lab.length; i++) {
            lab[i] = i % 3;
        }
        for (String p : new String[] {"train", "t10k"}) {
            Idx.write(dir.resolve(p + "-images-idx3-ubyte.gz"), NdArray.of(Shape.of(30, 8, 8), img), Idx.Type.UBYTE,
                    true);
            Idx.write(dir.resolve(p + "-labels-idx1-ubyte.gz"), NdArray.of(Shape.of(30), lab), Idx.Type.UBYTE, true);
        }
        for (String opt : new String[] {"sgd", "adam", "lbfgs", "hf"}) {
            Cli.Result r = Cli.run("train", "--data", dir.toString(), "--model", "cnn", "--filters", "2,3",
                    "--optimizer", opt, "--epochs", "1", "--batch", "10", "--quiet");
            assertThat(r.exit()).as(opt + ": " + r.err()).isZero();
            assertThat(r.out()).contains("Conv3x3(1→2)", "30 train / 30 test", "epoch   1");
        }
    }

    @Test
    void float32TrainsWhatFloat64Trains() {
        Cli.Result f64 = Cli.run("train", "--epochs", "3", "--seed", "2", "--quiet");
        Cli.Result f32 = Cli.run("train", "--epochs", "3", "--seed", "2", "--quiet", "--dtype", "float32");
        assertThat(f32.exit()).as(f32.err()).isZero();
        assertThat(f32.out()).contains("parameters, float32");
        assertThat(f64.out()).contains("parameters, float64");
        List<Double> a = trainLosses(f64.out());
        List<Double> b = trainLosses(f32.out());
        assertThat(b).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(b.get(i)).as("epoch " + (i + 1)).isCloseTo(a.get(i), within(2e-3));
        }
        Cli.Result bad = Cli.run("train", "--dtype", "float16");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("dtype 'float16'", "float32 or float64");
        Cli.Result spark = Cli.run("train", "--dtype", "float32", "--spark", "local[1]");
        assertThat(spark.exit()).isEqualTo(2);
        assertThat(spark.err()).contains("--spark trains in float64");
    }

    @Test
    void resumingInAnotherDtypeIsAUsageError() {
        Path f = dir.resolve("f32.npz");
        assertThat(Cli.run("train", "--epochs", "1", "--quiet", "--dtype", "float32", "--save", f.toString()).exit())
                .isZero();
        Cli.Result r = Cli.run("train", "--epochs", "2", "--quiet", "--resume", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--dtype float32 in the saved run, not given now");
        Cli.Result same = Cli.run("train", "--epochs", "2", "--quiet", "--dtype", "float32", "--resume", f.toString());
        assertThat(same.exit()).as(same.err()).isZero();
    }

    private static List<Double> trainLosses(String out) {
        return out.lines().filter(l -> l.startsWith("epoch"))
                .map(l -> Double.parseDouble(l.replaceAll(".*train loss ([0-9.]+).*", "$1"))).toList();
    }

    @Test
    void usageErrors() {
        Cli.Result r = Cli.run("train", "--model", "cnn");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--model cnn needs image data");
        assertThat(Cli.run("train", "--epochs", "0").exit()).isEqualTo(2);
        Cli.Result threads = Cli.run("train", "--threads", "0");
        assertThat(threads.exit()).isEqualTo(2);
        assertThat(threads.err()).contains("--threads must be at least 1, got 0");
        assertThat(Cli.run("train", "--optimizer", "newton").exit()).isEqualTo(2);
        assertThat(Cli.run("train", "--help").exit()).isZero();
    }

    @Test
    void missingDataIsAnEvaluationErrorNamingTheDirectory() {
        Path absent = dir.resolve("absent");
        Cli.Result r = Cli.run("train", "--data", absent.toString(), "--quiet");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(absent.toString(), "no such directory", "dataset-fashion-mnist");
    }

    @Test
    void optimizerComparisonWritesOnePng() throws Exception {
        Cli.Result r = Cli.run("train", "--compare-optimizers", "--epochs", "3", "--out", dir.toString(), "--json",
                dir.resolve("c.jsonl").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("SGD", "Adam", "L-BFGS", "Hessian-free");
        assertThat(Files.size(dir.resolve("compare-optimizers.png"))).isGreaterThan(1000);
        assertThat(Files.readAllLines(dir.resolve("c.jsonl"))).hasSize(2 * 4 + 2 * 2);
    }
}
