package dev.adjoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.Rng;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.nn.Params;
import dev.adjoint.nn.data.Idx;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Map<String, NdArray> saved = Params.read(out.resolve("params.bin"));
        assertThat(saved.get("layers.0.weight").shape()).isEqualTo(Shape.of(2, 64));
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
