package dev.adjoint.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.io.NpyException;
import dev.adjoint.io.Npz;
import dev.adjoint.nn.Init;
import dev.adjoint.nn.Params;
import dev.adjoint.nn.data.Dataset;
import dev.adjoint.nn.data.Spirals;
import dev.adjoint.nn.layer.Activation;
import dev.adjoint.nn.layer.BatchNorm;
import dev.adjoint.nn.layer.Dropout;
import dev.adjoint.nn.layer.Linear;
import dev.adjoint.nn.layer.Sequential;
import dev.adjoint.nn.optim.Adam;
import dev.adjoint.nn.optim.HessianFree;
import dev.adjoint.nn.optim.Lbfgs;
import dev.adjoint.nn.optim.Optimizer;
import dev.adjoint.nn.optim.OptimizerState;
import dev.adjoint.nn.optim.RmsProp;
import dev.adjoint.nn.optim.Schedule;
import dev.adjoint.nn.optim.Sgd;
import dev.adjoint.nn.optim.Step;
import dev.adjoint.nn.optim.WolfeLineSearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrainingStateTest {

    private static final int EPOCHS = 4;
    private static final int BATCH = 40;

    @TempDir
    Path dir;

    /** Linear, batch norm (buffers), ReLU, dropout (seeded masks), linear: every kind of state a run has. */
    static Sequential model(long seed) {
        Rng r = Rng.seed(seed);
        return Sequential.of(Linear.create(2, 16, Init.HE_NORMAL, r), BatchNorm.create(16), Activation.RELU,
                new Dropout(0.1), Linear.create(16, 2, Init.XAVIER_UNIFORM, r));
    }

    static Dataset.Split data() {
        Rng rng = Rng.seed(5);
        return Spirals.generate(60, 2, 0.05, rng.split()).split(0.25, rng.split());
    }

    static Stream<Arguments> optimisers() {
        int steps = EPOCHS * 3;
        return Stream.of(
                Arguments.of("adam, cosine", (Supplier<Optimizer>) () -> Adam.of(Schedule.cosine(0.02, steps, 0))),
                Arguments.of("adamw", (Supplier<Optimizer>) () -> Adam.adamW(Schedule.constant(0.02), 0.01)),
                Arguments.of("sgd", (Supplier<Optimizer>) () -> Sgd.of(0.1)),
                Arguments.of("sgd nesterov", (Supplier<Optimizer>) () -> Sgd.of(0.1).nesterov(0.9)),
                Arguments.of("rmsprop", (Supplier<Optimizer>) () -> RmsProp.of(0.01)),
                Arguments.of("lbfgs", (Supplier<Optimizer>) Lbfgs::create),
                Arguments.of("hf", (Supplier<Optimizer>) HessianFree::create));
    }

    private static Trainer.Config config() {
        return new Trainer.Config(EPOCHS, BATCH, 7, null);
    }

    /** The uninterrupted run, saved at the end. */
    private Sequential full(Supplier<Optimizer> make, Path file) {
        Dataset.Split d = data();
        Optimizer opt = make.get();
        Trainer.Result<Sequential> r = Trainer.classification().fit(model(1), 0, d.train(), d.test(), opt, config(),
                (e, m) -> TrainingState.save(file, m, opt, e.epoch()));
        return r.model();
    }

    /** A run killed after epoch {@code stop}, having saved its state after each epoch. */
    private void interrupted(Supplier<Optimizer> make, Path file, int stop) {
        Dataset.Split d = data();
        Optimizer opt = make.get();
        class Killed extends RuntimeException {
            private static final long serialVersionUID = 1L;
        }
        assertThatThrownBy(() -> Trainer.classification().fit(model(1), 0, d.train(), d.test(), opt, config(),
                (e, m) -> {
                    TrainingState.save(file, m, opt, e.epoch());
                    if (e.epoch() == stop) {
                        throw new Killed();
                    }
                })).isInstanceOf(Killed.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimisers")
    void resumingGivesBitForBitTheUninterruptedRun(String name, Supplier<Optimizer> make) throws Exception {
        Path whole = dir.resolve("whole.npz");
        Sequential expected = full(make, whole);
        for (int stop = 1; stop < EPOCHS; stop++) {
            Path part = dir.resolve("part" + stop + ".npz");
            interrupted(make, part, stop);
            Optimizer opt = make.get();
            TrainingState.Resumed<Sequential> resumed = TrainingState.load(part, model(99), opt);
            assertThat(resumed.epoch()).isEqualTo(stop);
            Dataset.Split d = data();
            Trainer.Result<Sequential> r = Trainer.classification().fit(resumed.params(), resumed.epoch(), d.train(),
                    d.test(), opt, config(), (e, m) -> TrainingState.save(part, m, opt, e.epoch()));
            assertThat(r.history()).hasSize(EPOCHS - stop);
            assertThat(bits(r.model())).as("resumed after epoch " + stop).isEqualTo(bits(expected));
            assertThat(Files.readAllBytes(part)).as("the saved files").isEqualTo(Files.readAllBytes(whole));
        }
    }

    @Test
    void resumingWithoutTheOptimiserStateWouldDiffer() {
        // The check above can fail: a fresh Adam (moments and step count lost) lands elsewhere.
        Path whole = dir.resolve("whole.npz");
        Supplier<Optimizer> make = () -> Adam.of(0.02);
        Sequential expected = full(make, whole);
        Path part = dir.resolve("part.npz");
        interrupted(make, part, 2);
        TrainingState.Resumed<Sequential> resumed = TrainingState.load(part, model(1), make.get());
        Dataset.Split d = data();
        Sequential other = Trainer.classification().fit(resumed.params(), 2, d.train(), d.test(), make.get(),
                config(), (e, m) -> { }).model();
        assertThat(bits(other)).isNotEqualTo(bits(expected));
    }

    @Test
    void theFileIsNamedArraysNumpyCanRead() {
        Path f = dir.resolve("s.npz");
        full(() -> Adam.of(0.02), f);
        Map<String, NdArray> a = Npz.read(f);
        assertThat(a).containsKeys("params/layers.0.weight", "params/layers.1.runningMean", "optimizer/adam/step",
                "optimizer/adam/m/layers.0.weight", "optimizer/adam/v/layers.4.bias", "epoch");
        assertThat(a).doesNotContainKey("optimizer/adam/m/layers.1.runningMean");
        assertThat(a.get("epoch").item()).isEqualTo(EPOCHS);
        assertThat(a.get("optimizer/adam/step").item()).isEqualTo(EPOCHS * 3);
        assertThat(a.get("optimizer/adam/m/layers.0.weight").shape()).isEqualTo(Shape.of(2, 16));
    }

    private Path saved(Optimizer opt) {
        Path f = dir.resolve("s.npz");
        Dataset.Split d = data();
        Trainer.classification().fit(model(1), 0, d.train(), d.test(), opt, new Trainer.Config(1, BATCH, 7, null),
                (e, m) -> TrainingState.save(f, m, opt, e.epoch()));
        return f;
    }

    /** Rewrites a saved file with some arrays changed or removed (null). */
    private static Path edited(Path f, Map<String, NdArray> changes) {
        Map<String, NdArray> a = new LinkedHashMap<>(Npz.read(f));
        changes.forEach((k, v) -> {
            if (v == null) {
                a.remove(k);
            } else {
                a.put(k, v);
            }
        });
        Path out = f.resolveSibling("edited.npz");
        Npz.write(out, a);
        return out;
    }

    @Test
    void aModelOfAnotherShapeIsNamedWithBothShapesAndNothingChanges() {
        Path f = saved(Adam.of(0.01));
        Rng r = Rng.seed(3);
        BatchNorm bn = BatchNorm.create(8);
        Sequential other = Sequential.of(Linear.create(2, 8, Init.HE_NORMAL, r), bn, Activation.RELU,
                new Dropout(0.1), Linear.create(8, 2, Init.XAVIER_UNIFORM, r));
        Adam fresh = Adam.of(0.01);
        assertThatThrownBy(() -> TrainingState.load(f, other, fresh)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("nothing was loaded")
                .hasMessageContaining("tensor 'layers.0.weight' has shape [2, 16] in the file, but the model expects"
                        + " [2, 8]")
                .hasMessageContaining("optimiser state 'm' for parameter 'layers.0.weight' has shape [2, 16] in the"
                        + " file, but the model's parameter is [2, 8]");
        assertThat(bn.runningMean().get()).isEqualTo(NdArray.zeros(Shape.of(8)));
        assertThat(fresh.steps()).isZero();
        assertThat(fresh.state().vectorNames()).isEmpty();
    }

    @Test
    void anotherOptimiserIsNamed() {
        Path f = saved(Adam.of(0.01));
        assertThatThrownBy(() -> TrainingState.load(f, model(1), Sgd.of(0.1)))
                .hasMessageContaining("holds the state of optimiser [adam], but this run uses 'sgd'");
        Path s = saved(Sgd.of(0.1));
        assertThatThrownBy(() -> TrainingState.load(s, model(1), Sgd.of(0.1).momentum(0.9)))
                .hasMessageContaining("at step 3 but has none of its vectors [velocity]");
        Path m = saved(Sgd.of(0.1).momentum(0.9));
        assertThatThrownBy(() -> TrainingState.load(m, model(1), Sgd.of(0.1)))
                .hasMessageContaining("unexpected vector [velocity]");
        Path l = saved(Lbfgs.create());
        assertThatThrownBy(() -> TrainingState.load(l, model(1), Lbfgs.of(1, WolfeLineSearch.standard())))
                .hasMessageContaining("curvature pairs, but this L-BFGS keeps 1");
    }

    @Test
    void missingExtraOrMisshapenStateIsNamed() {
        Path f = saved(Adam.of(0.01));
        assertThatThrownBy(() -> TrainingState.load(edited(f, Map.of("optimizer/adam/m/layers.0.bias",
                NdArray.zeros(Shape.of(3)))), model(1), Adam.of(0.01)))
                .hasMessageContaining("optimiser state 'm' for parameter 'layers.0.bias' has shape [3] in the file,"
                        + " but the model's parameter is [16]");
        Map<String, NdArray> drop = new LinkedHashMap<>();
        drop.put("optimizer/adam/v/layers.4.weight", null);
        assertThatThrownBy(() -> TrainingState.load(edited(f, drop), model(1), Adam.of(0.01)))
                .hasMessageContaining("no optimiser state 'v' for parameter 'layers.4.weight' (the model's is"
                        + " [16, 2])");
        assertThatThrownBy(() -> TrainingState.load(edited(f, Map.of("optimizer/adam/m/layers.9.weight",
                NdArray.zeros(Shape.of(1)))), model(1), Adam.of(0.01)))
                .hasMessageContaining("for parameters the model does not have: [layers.9.weight]");
        assertThatThrownBy(() -> TrainingState.load(edited(f, Map.of("optimizer/adam/w/layers.0.bias",
                NdArray.zeros(Shape.of(16)))), model(1), Adam.of(0.01)))
                .hasMessageContaining("no optimiser state 'w' for parameter 'layers.0.weight'");
        assertThatThrownBy(() -> TrainingState.load(edited(f, Map.of("optimizer/adam/step",
                NdArray.scalar(2.5))), model(1), Adam.of(0.01)))
                .hasMessageContaining("step = 2.5 (need a whole number ≥ 0)");
        assertThatThrownBy(() -> TrainingState.load(edited(f, Map.of("optimizer/adam/step",
                NdArray.zeros(Shape.of(2)))), model(1), Adam.of(0.01)))
                .hasMessageContaining("optimiser scalar 'step' has shape [2]");
        assertThatThrownBy(() -> TrainingState.load(edited(f, Map.of("epoch", NdArray.scalar(-1))), model(1),
                Adam.of(0.01))).hasMessageContaining("'epoch' must be a whole number ≥ 0");
        assertThatThrownBy(() -> TrainingState.load(edited(f, Map.of("notes", NdArray.scalar(1))), model(1),
                Adam.of(0.01))).hasMessageContaining("unexpected array 'notes'");
        Map<String, NdArray> noEpoch = new LinkedHashMap<>();
        noEpoch.put("epoch", null);
        assertThatThrownBy(() -> TrainingState.load(edited(f, noEpoch), model(1), Adam.of(0.01)))
                .hasMessageContaining("has no 'epoch'");
    }

    @Test
    void parameterFilesTruncatedFilesAndNoOptimiserStateAreNamed() throws Exception {
        Path p = dir.resolve("params.npz");
        Params.save(model(1), p);
        assertThatThrownBy(() -> TrainingState.load(p, model(1), Adam.of(0.01)))
                .hasMessageContaining("it is not a saved training run (it looks like parameters only: load those"
                        + " with Params.load)");
        Path f = saved(Adam.of(0.01));
        byte[] b = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.npz");
        Files.write(cut, Arrays.copyOf(b, b.length / 2));
        assertThatThrownBy(() -> TrainingState.load(cut, model(1), Adam.of(0.01))).isInstanceOf(NpyException.class)
                .hasMessageContaining("truncated");
        Map<String, NdArray> noOpt = new LinkedHashMap<>();
        Npz.read(f).keySet().stream().filter(k -> k.startsWith("optimizer/")).forEach(k -> noOpt.put(k, null));
        assertThatThrownBy(() -> TrainingState.load(edited(f, noOpt), model(1), Adam.of(0.01)))
                .hasMessageContaining("holds no optimiser state (no 'optimizer/adam/...' arrays)");
    }

    @Test
    void settingsAreSavedAndReturned() {
        Path f = dir.resolve("s.npz");
        Adam a = Adam.of(0.01);
        TrainingState.save(f, model(1), a, 0, Map.of("seed", 7.0, "batch", 32.0));
        TrainingState.Resumed<Sequential> r = TrainingState.load(f, model(2), Adam.of(0.01));
        assertThat(r.settings()).containsEntry("seed", 7.0).containsEntry("batch", 32.0).hasSize(2);
        assertThat(Npz.read(f)).containsKeys("settings/seed", "settings/batch");
        assertThatThrownBy(() -> TrainingState.save(f, model(1), a, 0, Map.of("a/b", 1.0)))
                .hasMessageContaining("setting names are non-empty, without '/'");
    }

    @Test
    void negativeEpochsAreRejected() {
        Adam a = Adam.of(0.01);
        assertThatThrownBy(() -> TrainingState.save(dir.resolve("x.npz"), model(1), a, -1))
                .hasMessageContaining("epoch -1 (need ≥ 0)");
        Dataset.Split d = data();
        assertThatThrownBy(() -> Trainer.classification().fit(model(1), -1, d.train(), d.test(), a, config(),
                (e, m) -> { })).hasMessageContaining("-1 finished epochs (need ≥ 0)");
    }

    @Test
    void aRestoredStateOfTheWrongLengthIsCaughtAtTheNextStep() {
        Adam a = Adam.of(0.01);
        a.restore(OptimizerState.of("adam", Map.of("step", 3.0), Map.of("m", new double[5], "v", new double[5])));
        Function<Tensor, Tensor> f = x -> x.mul(x).sum();
        assertThatThrownBy(() -> a.step(f, Tensor.zeros(4))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the restored state has 5 entries per vector, but the parameters have 4");
        Adam b = Adam.of(0.01);
        b.restore(OptimizerState.of("adam", Map.of("step", 3.0), Map.of("m", new double[4], "v", new double[4])));
        Step<Tensor> s = b.step(f, Tensor.ones(4));
        assertThat(b.steps()).isEqualTo(4);
        assertThat(s.params().toArray()[0]).isLessThan(1);
    }

    @Test
    void anOptimiserWithoutStateSupportSaysSo() {
        Optimizer custom = new Optimizer() {
            @Override
            public <T> Step<T> step(Function<T, Tensor> objective, T params) {
                return new Step<>(params, 0);
            }

            @Override
            public String name() {
                return "mine";
            }
        };
        assertThatThrownBy(() -> TrainingState.save(dir.resolve("x.npz"), model(1), custom, 1))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("mine cannot save its state");
        assertThatThrownBy(() -> custom.restore(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    private static List<Long> bits(Object model) {
        return Params.named(model).values().stream().flatMap(a -> Arrays.stream(a.toArray()).boxed())
                .map(Double::doubleToRawLongBits).toList();
    }

}
