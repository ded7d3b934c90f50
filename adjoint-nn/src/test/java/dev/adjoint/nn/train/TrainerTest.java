package dev.adjoint.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.nn.Models;
import dev.adjoint.nn.data.Dataset;
import dev.adjoint.nn.data.Spirals;
import dev.adjoint.nn.layer.Activation;
import dev.adjoint.nn.layer.Sequential;
import dev.adjoint.nn.loss.ConfusionMatrix;
import dev.adjoint.nn.loss.Metrics;
import dev.adjoint.nn.optim.Adam;
import dev.adjoint.nn.optim.HessianFree;
import dev.adjoint.nn.optim.Lbfgs;
import dev.adjoint.nn.optim.Optimizer;
import dev.adjoint.nn.optim.Sgd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrainerTest {

    @TempDir
    Path dir;

    static Stream<Arguments> optimisers() {
        return Stream.of(
                Arguments.of("adam", (Supplier<Optimizer>) () -> Adam.of(0.02), 8, 150),
                Arguments.of("sgd nesterov", (Supplier<Optimizer>) () -> Sgd.of(0.1).nesterov(0.9), 8, 150),
                Arguments.of("lbfgs", (Supplier<Optimizer>) Lbfgs::create, 40, 150),
                Arguments.of("hessian-free", (Supplier<Optimizer>) HessianFree::create, 40, 40));
    }

    /** A tiny network overfits a tiny data set: every training label is learned. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("optimisers")
    void tinyNetworkOverfitsTinyData(String name, Supplier<Optimizer> make, int batch, int epochs) {
        Rng rng = Rng.seed(11);
        // 24 random points with random labels: only memorising them gets every label right.
        double[] y = new double[24];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 3;
        }
        Tensor labels = Tensor.of(y);
        Dataset tiny = new Dataset(Tensor.randn(rng, 24, 4), labels);
        Sequential net = Models.mlp(rng, Activation.TANH, 4, 32, 32, 3);
        Trainer t = Trainer.classification();
        Trainer.Result<Sequential> r = t.fit(net, tiny, tiny, make.get(), new Trainer.Config(epochs, batch, 1, null),
                null);
        List<Epoch> h = r.history();
        assertThat(h).hasSize(epochs);
        assertThat(h.get(h.size() - 1).testAccuracy()).as(name).isEqualTo(1.0);
        assertThat(h.get(h.size() - 1).trainLoss()).isLessThan(h.get(0).trainLoss());
        assertThat(Metrics.accuracy(r.model().apply(tiny.x()), tiny.y())).isEqualTo(1.0);
    }

    @Test
    void sameSeedSameRun() {
        Dataset d = Spirals.generate(30, 2, 0.02, Rng.seed(1));
        double[] a = run(d);
        double[] b = run(d);
        assertThat(a).containsExactly(b);
    }

    private static double[] run(Dataset d) {
        Sequential net = Models.mlp(Rng.seed(3), Activation.RELU, 2, 8, 2);
        Trainer.Result<Sequential> r = Trainer.classification().fit(net, d, d, Adam.of(0.01),
                new Trainer.Config(3, 10, 5, null), null);
        return r.history().stream().mapToDouble(Epoch::trainLoss).toArray();
    }

    @Test
    void epochsAreReportedAndPlotted() throws Exception {
        Dataset d = Spirals.generate(30, 3, 0.02, Rng.seed(1));
        Sequential net = Models.mlp(Rng.seed(3), Activation.RELU, 2, 16, 3);
        List<Epoch> seen = new ArrayList<>();
        java.io.ByteArrayOutputStream bar = new java.io.ByteArrayOutputStream();
        Trainer.Result<Sequential> r = Trainer.classification().fit(net, d, d, Adam.of(0.01),
                new Trainer.Config(2, 16, 5, new java.io.PrintStream(bar, true, "UTF-8")), seen::add);
        assertThat(seen).isEqualTo(r.history());
        String json = seen.get(1).toJson();
        assertThat(json).startsWith("{\"epoch\": 2, \"train_loss\": ").contains("\"test_loss\": ",
                "\"test_accuracy\": ", "\"seconds\": ");
        assertThat(bar.toString("UTF-8")).contains("epoch 1/2", "loss", "ex/s");
        Path loss = dir.resolve("loss.png");
        Path acc = dir.resolve("accuracy.png");
        Plots.learningCurves(seen, loss, acc, "test");
        byte[] png = Files.readAllBytes(loss);
        assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(Files.size(acc)).isGreaterThan(1000);
        ConfusionMatrix cm = Metrics.confusion(r.model().apply(d.x()), d.y());
        assertThat(cm.accuracy()).isCloseTo(seen.get(1).testAccuracy(), org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void confusionMatrixCounts() {
        Tensor scores = Tensor.of(new double[][] {{2, 1, 0}, {0, 3, 1}, {5, 0, 0}, {0, 0, 1}});
        Tensor labels = Tensor.of(0, 1, 2, 2);
        ConfusionMatrix cm = Metrics.confusion(scores, labels);
        assertThat(cm.count(0, 0)).isEqualTo(1);
        assertThat(cm.count(2, 0)).isEqualTo(1);
        assertThat(cm.count(2, 2)).isEqualTo(1);
        assertThat(cm.accuracy()).isEqualTo(0.75);
        assertThat(cm.recall(2)).isEqualTo(0.5);
        assertThat(Metrics.accuracy(scores, labels)).isEqualTo(0.75);
    }
}
