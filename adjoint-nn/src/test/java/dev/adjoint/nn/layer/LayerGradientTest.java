package dev.adjoint.nn.layer;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.nn.GradCheck;
import dev.adjoint.nn.Init;
import dev.adjoint.nn.Layer;
import dev.adjoint.nn.Phase;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every layer's derivatives, with respect to its parameters and its input together, against finite differences on
 * seeded random inputs: first order in forward and reverse mode, and second order (Hessian-vector products).
 */
class LayerGradientTest {

    /** A layer, an input, and whether the input is differentiable (not for embedding indices). */
    record Row(String name, Function<Rng, Layer> layer, Function<Rng, Tensor> input, boolean inputGrad) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("linear", r -> Linear.create(4, 3, Init.XAVIER_NORMAL, r), r -> Tensor.randn(r, 5, 4)),
                row("linear (rank 3 input)", r -> Linear.create(4, 2, Init.HE_UNIFORM, r), r -> Tensor.randn(r, 2, 3, 4)),
                row("relu", r -> Activation.RELU, r -> Tensor.randn(r, 4, 5)),
                row("leakyRelu", r -> new LeakyRelu(0.1), r -> Tensor.randn(r, 4, 5)),
                row("gelu", r -> Activation.GELU, r -> Tensor.randn(r, 4, 5)),
                row("tanh", r -> Activation.TANH, r -> Tensor.randn(r, 4, 5)),
                row("sigmoid", r -> Activation.SIGMOID, r -> Tensor.randn(r, 4, 5)),
                row("softmax", r -> Activation.SOFTMAX, r -> Tensor.randn(r, 4, 5)),
                row("logSoftmax", r -> Activation.LOG_SOFTMAX, r -> Tensor.randn(r, 4, 5)),
                row("conv2d 3×3 stride 1 pad 1", r -> Conv2d.create(2, 3, 3, 1, 1, Init.HE_NORMAL, r),
                        r -> Tensor.randn(r, 2, 5, 5, 2)),
                row("conv2d 2×2 stride 2 pad 0", r -> Conv2d.create(3, 2, 2, 2, 0, Init.HE_NORMAL, r),
                        r -> Tensor.randn(r, 2, 6, 4, 3)),
                row("conv2d 3×3 stride 2 pad 1", r -> Conv2d.create(1, 2, 3, 2, 1, Init.HE_NORMAL, r),
                        r -> Tensor.randn(r, 1, 5, 6, 1)),
                row("maxPool2d 2 (tiling)", r -> MaxPool2d.of(2), r -> Tensor.randn(r, 2, 4, 4, 3)),
                row("maxPool2d 3 stride 2 pad 1", r -> new MaxPool2d(3, 2, 1), r -> Tensor.randn(r, 2, 5, 5, 2)),
                row("avgPool2d 2 (tiling)", r -> AvgPool2d.of(2), r -> Tensor.randn(r, 2, 4, 6, 2)),
                row("avgPool2d 3 stride 1 pad 1", r -> new AvgPool2d(3, 1, 1), r -> Tensor.randn(r, 1, 4, 4, 2)),
                row("flatten", r -> new Flatten(), r -> Tensor.randn(r, 2, 3, 2, 2)),
                row("layerNorm", r -> new LayerNorm(Tensor.randn(r, 6), Tensor.randn(r, 6), 1e-5),
                        r -> Tensor.randn(r, 3, 6)),
                row("batchNorm (features)", r -> withAffine(BatchNorm.create(4), r), r -> Tensor.randn(r, 6, 4)),
                row("batchNorm (images)", r -> withAffine(BatchNorm.create(3), r), r -> Tensor.randn(r, 2, 3, 3, 3)),
                new Row("embedding", r -> Embedding.create(7, 3, r), r -> Tensor.of(0, 3, 6, 3, 2), false),
                row("sequential MLP", r -> Sequential.of(Linear.create(3, 5, Init.XAVIER_NORMAL, r), Activation.TANH,
                        Linear.create(5, 2, Init.XAVIER_NORMAL, r)), r -> Tensor.randn(r, 4, 3)),
                row("sequential CNN", r -> Sequential.of(Conv2d.create(1, 2, 3, 1, 1, Init.HE_NORMAL, r),
                        Activation.GELU, AvgPool2d.of(2), new Flatten(), Linear.create(8, 3, Init.XAVIER_NORMAL, r)),
                        r -> Tensor.randn(r, 2, 4, 4, 1))
        ).map(Arguments::of);
    }

    private static Row row(String name, Function<Rng, Layer> layer, Function<Rng, Tensor> input) {
        return new Row(name, layer, input, true);
    }

    private static BatchNorm withAffine(BatchNorm b, Rng r) {
        int c = b.gamma().dim(0);
        return new BatchNorm(Tensor.randn(r, c).add(1), Tensor.randn(r, c), b.runningMean(), b.runningVar(),
                b.momentum(), b.eps());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void derivativesMatchFiniteDifferences(Row row) {
        Rng rng = Rng.seed(row.name().hashCode());
        Layer layer = row.layer().apply(rng);
        Tensor x = row.input().apply(rng);
        Tensor probe = Tensor.randn(rng, layer.apply(x, Phase.train(Rng.seed(1))).shape().dims());
        // Training phase (batch statistics); a fresh generator each call so any mask is the same every time.
        Function<List<Object>, Tensor> f = parts -> ((Layer) parts.get(0))
                .apply(row.inputGrad() ? (Tensor) parts.get(1) : x, Phase.train(Rng.seed(1))).mul(probe).sum();
        List<Object> at = row.inputGrad() ? List.of(layer, x) : List.of(layer);
        GradCheck.check(f, at, 42, true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void evaluationPhaseDerivatives(Row row) {
        Rng rng = Rng.seed(row.name().hashCode() + 1);
        Layer layer = row.layer().apply(rng);
        Tensor x = row.input().apply(rng);
        Tensor probe = Tensor.randn(rng, layer.apply(x).shape().dims());
        Function<List<Object>, Tensor> f = parts -> ((Layer) parts.get(0))
                .apply(row.inputGrad() ? (Tensor) parts.get(1) : x).mul(probe).sum();
        GradCheck.check(f, row.inputGrad() ? List.of(layer, x) : List.of(layer), 7, false);
    }
}
