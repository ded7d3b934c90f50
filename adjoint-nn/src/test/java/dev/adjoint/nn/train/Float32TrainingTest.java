package dev.adjoint.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.Tree;
import dev.adjoint.array.DType;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.nn.Flat;
import dev.adjoint.nn.Models;
import dev.adjoint.nn.Params;
import dev.adjoint.nn.Phase;
import dev.adjoint.nn.data.Dataset;
import dev.adjoint.nn.data.Spirals;
import dev.adjoint.nn.layer.Activation;
import dev.adjoint.nn.layer.BatchNorm;
import dev.adjoint.nn.layer.Sequential;
import dev.adjoint.nn.optim.Adam;
import dev.adjoint.nn.optim.HessianFree;
import dev.adjoint.nn.optim.Lbfgs;
import dev.adjoint.nn.optim.Optimizer;
import dev.adjoint.nn.optim.Sgd;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Training in float32: the model stays float32 through every optimiser, and learns what float64 learns. */
class Float32TrainingTest {

    private static final DType F32 = DType.FLOAT32;

    @TempDir
    Path dir;

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("sgd", (Supplier<Optimizer>) () -> Sgd.of(0.05).nesterov(0.9), 16),
                Arguments.of("adam", (Supplier<Optimizer>) () -> Adam.of(0.01), 16),
                Arguments.of("lbfgs", (Supplier<Optimizer>) Lbfgs::create, 200),
                Arguments.of("hf", (Supplier<Optimizer>) HessianFree::create, 200));
    }

    private static Dataset.Split spirals() {
        Rng rng = Rng.seed(3);
        return Spirals.generate(100, 2, 0.03, rng.split()).split(0.25, rng.split());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void float32TrainingStaysFloat32AndTracksFloat64(String name, Supplier<Optimizer> optimizer, int batch) {
        Dataset.Split data = spirals();
        Sequential net = Models.mlp(Rng.seed(4), Activation.TANH, 2, 16, 16, 2);
        Trainer.Config config = new Trainer.Config(3, batch, 5, null);
        Trainer.Result<Sequential> r64 = Trainer.classification().fit(net, data.train(), data.test(),
                optimizer.get(), config, null);
        Trainer.Result<Sequential> r32 = Trainer.classification().fit(Params.astype(net, F32),
                data.train().astype(F32), data.test().astype(F32), optimizer.get(), config, null);
        for (Tensor p : Tree.leaves(r32.model())) {
            assertThat(p.dtype()).as(name + ": a trained parameter").isEqualTo(F32);
        }
        Tensor out = r32.model().apply(data.test().x().astype(F32), Phase.eval());
        assertThat(out.dtype()).isEqualTo(F32);
        // Same data, same draws: the float32 run's losses follow the float64 run's to float32 accuracy.
        for (int e = 0; e < 3; e++) {
            double l64 = r64.history().get(e).trainLoss();
            double l32 = r32.history().get(e).trainLoss();
            assertThat(Math.abs(l32 - l64)).as(name + " epoch " + (e + 1) + ": " + l32 + " vs " + l64)
                    .isLessThan(2e-3 * (1 + Math.abs(l64)));
        }
        assertThat(r32.history().get(2).trainLoss()).isLessThan(r32.history().get(0).trainLoss());
    }

    @Test
    void savedFloat32ParametersLoadBitForBitAndFloat64FilesLoadIntoTheModelsDtype() {
        Sequential net = Params.astype(Models.mlp(Rng.seed(6), Activation.RELU, 3, 5, 2), F32);
        Path f = dir.resolve("p.npz");
        Params.save(net, f);
        Sequential back = Params.load(f, net);
        List<Tensor> a = Tree.leaves(net);
        List<Tensor> b = Tree.leaves(back);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).dtype()).isEqualTo(F32);
            assertThat(b.get(i).array()).isEqualTo(a.get(i).array());
        }
        Sequential wide = Models.mlp(Rng.seed(6), Activation.RELU, 3, 5, 2);
        Path g = dir.resolve("q.npz");
        Params.save(wide, g);
        Sequential narrowed = Params.load(g, net);
        for (Tensor t : Tree.leaves(narrowed)) {
            assertThat(t.dtype()).isEqualTo(F32);
        }
        assertThat(Tree.leaves(narrowed).get(0).array()).isEqualTo(Tree.leaves(wide).get(0).array().astype(F32));
    }

    @Test
    void flatKeepsEachTensorsDtype() {
        List<Tensor> mixed = List.of(Tensor.of(1, 2).astype(F32), Tensor.of(3, 4, 5));
        Flat<List<Tensor>> flat = Flat.of(mixed);
        double[] v = flat.pack(mixed);
        assertThat(v).containsExactly(1, 2, 3, 4, 5);
        List<Tensor> back = flat.unpack(new double[] {0.1, 2, 3, 4, 0.1});
        assertThat(back.get(0).dtype()).isEqualTo(F32);
        assertThat(back.get(0).toArray()[0]).isEqualTo((double) 0.1f);
        assertThat(back.get(1).dtype()).isEqualTo(DType.FLOAT64);
        assertThat(back.get(1).toArray()[2]).isEqualTo(0.1);
        List<Tensor> un = flat.unflatten(Tensor.of(0.1, 2, 3, 4, 0.1));
        assertThat(un.get(0).dtype()).isEqualTo(F32);
        assertThat(un.get(1).dtype()).isEqualTo(DType.FLOAT64);
    }

    @Test
    void batchNormAndBatchesInFloat32() {
        BatchNorm bn = Params.astype(BatchNorm.create(3), F32);
        Tensor x = Tensor.uniform(Rng.seed(7), -1, 1, 8, 3).astype(F32);
        assertThat(bn.apply(x, Phase.train(Rng.seed(1))).dtype()).isEqualTo(F32);
        assertThat(bn.apply(x, Phase.eval()).dtype()).isEqualTo(F32);
        Dataset d = new Dataset(Tensor.of(NdArray.of(Shape.of(4, 2), 1, 2, 3, 4, 5, 6, 7, 8)), Tensor.of(0, 1, 0, 1))
                .astype(F32);
        Dataset picked = d.select(new int[] {3, 0});
        assertThat(picked.x().dtype()).isEqualTo(F32);
        assertThat(picked.x().toArray()).containsExactly(7, 8, 1, 2);
        assertThat(picked.y().dtype()).isEqualTo(DType.FLOAT64);
    }
}
