package dev.adjoint.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.Tree;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.nn.layer.Activation;
import dev.adjoint.nn.layer.BatchNorm;
import dev.adjoint.nn.layer.Linear;
import dev.adjoint.nn.layer.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParamsTest {

    @TempDir
    Path dir;

    private static Sequential model(long seed) {
        Rng r = Rng.seed(seed);
        return Sequential.of(Linear.create(3, 4, Init.HE_NORMAL, r), BatchNorm.create(4), Activation.RELU,
                Linear.create(4, 2, Init.XAVIER_UNIFORM, r));
    }

    @Test
    void namesArePathsThroughTheRecords() {
        assertThat(Params.named(model(1)).keySet()).containsExactly("layers.0.weight", "layers.0.bias",
                "layers.1.gamma", "layers.1.beta", "layers.1.runningMean", "layers.1.runningVar", "layers.3.weight",
                "layers.3.bias");
        assertThat(Params.count(model(1))).isEqualTo(12 + 4 + 4 + 4 + 8 + 2);
    }

    @Test
    void saveLoadRoundTripsParametersAndBuffers() {
        Sequential m = model(1);
        ((BatchNorm) m.layers().get(1)).runningMean().set(NdArray.of(Shape.of(4), 1, 2, 3, 4));
        Path f = dir.resolve("p.npz");
        Params.save(m, f);
        Sequential fresh = model(2);
        Sequential loaded = Params.load(f, fresh);
        List<Tensor> a = Tree.leaves(m);
        List<Tensor> b = Tree.leaves(loaded);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).toArray()).containsExactly(a.get(i).toArray());
        }
        assertThat(((BatchNorm) loaded.layers().get(1)).runningMean().get().toArray()).containsExactly(1, 2, 3, 4);
        Tensor x = Tensor.randn(Rng.seed(3), 5, 3);
        assertThat(loaded.apply(x).toArray()).containsExactly(m.apply(x).toArray());
    }

    @Test
    void wrongShapeNamesTheTensorAndBothShapes() {
        Path f = dir.resolve("p.npz");
        Params.save(model(1), f);
        Rng r = Rng.seed(1);
        Sequential other = Sequential.of(Linear.create(3, 5, Init.HE_NORMAL, r), BatchNorm.create(4),
                Activation.RELU, Linear.create(4, 2, Init.XAVIER_UNIFORM, r));
        assertThatThrownBy(() -> Params.load(f, other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p.npz does not fit the model")
                .hasMessageContaining("tensor 'layers.0.weight' has shape [3, 4] in the file, but the model expects"
                        + " [3, 5]")
                .hasMessageContaining("tensor 'layers.0.bias' has shape [4] in the file, but the model expects [5]")
                .hasMessageContaining("nothing was loaded");
    }

    @Test
    void missingAndExtraTensorsAreReported() {
        Path f = dir.resolve("p.npz");
        Params.save(List.of(Tensor.zeros(2)), f);
        assertThatThrownBy(() -> Params.load(f, List.of(Tensor.zeros(2), Tensor.zeros(3))))
                .hasMessageContaining("no tensor '1' (the model's is [3])");
        Params.save(List.of(Tensor.zeros(2), Tensor.zeros(3)), f);
        assertThatThrownBy(() -> Params.load(f, List.of(Tensor.zeros(2))))
                .hasMessageContaining("tensors the model does not have: [1]");
    }

    @Test
    void corruptFilesAreRejected() throws IOException {
        Path f = dir.resolve("p.npz");
        Files.write(f, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> Params.load(f, model(1))).hasMessageContaining("is not a valid .npz (zip) file");
        Params.save(model(1), f);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length - 10));
        assertThatThrownBy(() -> Params.load(f, model(1))).hasMessageContaining("truncated");
        assertThatThrownBy(() -> Params.load(dir.resolve("none.npz"), model(1))).hasMessageContaining("no such file");
    }

    @Test
    void aMismatchedFileChangesNoBuffer() {
        Sequential m = model(1);
        ((BatchNorm) m.layers().get(1)).runningMean().set(NdArray.of(Shape.of(4), 1, 2, 3, 4));
        Path f = dir.resolve("p.npz");
        Params.save(m, f);
        Rng r = Rng.seed(1);
        BatchNorm bn = BatchNorm.create(4);
        Sequential other = Sequential.of(Linear.create(3, 4, Init.HE_NORMAL, r), bn, Activation.RELU,
                Linear.create(4, 3, Init.XAVIER_UNIFORM, r));
        assertThatThrownBy(() -> Params.load(f, other)).hasMessageContaining("'layers.3.weight' has shape [4, 2]");
        assertThat(bn.runningMean().get().toArray()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void numpyNamesAreTheTreePaths() {
        Path f = dir.resolve("p.npz");
        Params.save(model(1), f);
        assertThat(dev.adjoint.io.Npz.read(f).keySet()).containsExactlyElementsOf(Params.named(model(1)).keySet());
    }

    @Test
    void flatRoundTrips() {
        Sequential m = model(4);
        Flat<Sequential> flat = Flat.of(m);
        double[] v = flat.pack(m);
        assertThat(v).hasSize((int) Params.count(m));
        assertThat(flat.pack(flat.unpack(v))).containsExactly(v);
        assertThat(flat.flatten(flat.unflatten(Tensor.of(v))).toArray()).containsExactly(v);
    }
}
