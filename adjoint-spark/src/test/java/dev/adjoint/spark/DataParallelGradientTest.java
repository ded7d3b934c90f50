package dev.adjoint.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.Ad;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.ValueAndGrad;
import dev.adjoint.nn.Flat;
import dev.adjoint.nn.Models;
import dev.adjoint.nn.data.Dataset;
import dev.adjoint.nn.layer.Activation;
import dev.adjoint.nn.layer.Sequential;
import dev.adjoint.nn.loss.Losses;
import dev.adjoint.nn.loss.Metrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The distributed gradient is the single-JVM gradient of the whole data set. */
class DataParallelGradientTest {

    /** Parameters in a record holding a map and a list, to check structured parameters cross the wire. */
    public record Affine(Tensor weight, Map<String, Tensor> offsets, List<Tensor> scales, String name) {
    }

    private static SparkSession spark;
    private static final Dataset DATA = Sessions.classes(1, 37, 4, 3);
    private static final Sequential MLP = Models.mlp(Rng.seed(2), Activation.TANH, 4, 8, 3);
    private static final DataParallel.Loss<Sequential> CE = (m, b) -> Losses.crossEntropy(m.apply(b.x()), b.y());

    @BeforeAll
    static void start() {
        spark = Sessions.local("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static double[] local(Sequential model, Dataset d) {
        ValueAndGrad<Sequential> vg = Ad.valueAndGrad((Sequential m) -> Losses.crossEntropy(m.apply(d.x()), d.y()))
                .apply(model);
        return Flat.of(model).pack(vg.grad());
    }

    @ParameterizedTest(name = "{0} partitions, treeAggregate depth {1}")
    @CsvSource({"1, 2", "2, 1", "3, 2", "5, 3", "8, 2", "16, 3"})
    void gradientEqualsTheSingleJvmGradient(int partitions, int depth) {
        DistributedDataset<Batch> data = SparkData.of(spark, DATA, partitions);
        ValueAndGrad<Sequential> vg = DataParallel.of(MLP, CE).treeDepth(depth).valueAndGrad(data);
        double[] g = Flat.of(MLP).pack(vg.grad());
        assertThat(Sessions.relative(g, local(MLP, DATA))).isLessThan(1e-12);
        double value = Losses.crossEntropy(MLP.apply(DATA.x()), DATA.y()).item();
        assertThat(vg.value().item()).isCloseTo(value, org.assertj.core.data.Offset.offset(1e-12 * Math.abs(value)));
    }

    @Test
    void emptyPartitionsAndSeveralBlocksPerPartitionChangeNothing() {
        Dataset small = DATA.range(0, 3);
        DistributedDataset<Batch> sparse = SparkData.of(spark, small, 8);   // 5 of 8 blocks are empty
        assertThat(sparse.examples()).isEqualTo(3);
        double[] expected = local(MLP, small);
        assertThat(Sessions.relative(Flat.of(MLP).pack(DataParallel.of(MLP, CE).valueAndGrad(sparse).grad()),
                expected)).isLessThan(1e-12);
        // Blocks of 1 and 2 examples in 6 partitions: 4 partitions hold no element at all.
        List<Batch> blocks = List.of(Batch.of(small.range(0, 1)), Batch.of(small.range(1, 3)));
        DistributedDataset<Batch> holes = DistributedDataset.of(SparkData.context(spark).parallelize(blocks, 6));
        assertThat(Sessions.relative(Flat.of(MLP).pack(DataParallel.of(MLP, CE).valueAndGrad(holes).grad()),
                expected)).isLessThan(1e-12);
        List<Batch> many = new ArrayList<>();
        for (int i = 0; i < DATA.size(); i += 4) {
            many.add(Batch.of(DATA.range(i, Math.min(DATA.size(), i + 4))));
        }
        DistributedDataset<Batch> packed = DistributedDataset.of(SparkData.context(spark).parallelize(many, 3));
        assertThat(Sessions.relative(Flat.of(MLP).pack(DataParallel.of(MLP, CE).valueAndGrad(packed).grad()),
                local(MLP, DATA))).isLessThan(1e-12);
    }

    @Test
    void largeBlocksAreDifferentiatedInChunksWithTheSameResult() {
        Dataset big = Sessions.classes(6, 5000, 4, 3);   // one block of 5000: three chunks of at most 2048
        double[] g = Flat.of(MLP).pack(DataParallel.of(MLP, CE).valueAndGrad(SparkData.of(spark, big, 1)).grad());
        assertThat(Sessions.relative(g, local(MLP, big))).isLessThan(1e-12);
    }

    @Test
    void structuredParametersComeBackInTheirOwnType() {
        Rng rng = Rng.seed(3);
        Map<String, Tensor> offsets = new LinkedHashMap<>();
        offsets.put("a", Tensor.of(rng.normal(3)));
        offsets.put("b", Tensor.of(rng.normal(3)));
        Affine model = new Affine(Tensor.of(new double[][] {rng.normal(3), rng.normal(3), rng.normal(3),
            rng.normal(3)}), offsets, List.of(Tensor.of(rng.normal(3))), "affine");
        DataParallel.Loss<Affine> loss = (m, b) -> Losses.crossEntropy(b.x().matmul(m.weight())
                .add(m.offsets().get("a")).mul(m.scales().get(0)).add(m.offsets().get("b")), b.y());
        ValueAndGrad<Affine> vg = DataParallel.of(model, loss).valueAndGrad(SparkData.of(spark, DATA, 3));
        Batch all = Batch.of(DATA);
        ValueAndGrad<Affine> ref = Ad.valueAndGrad((Affine m) -> loss.apply(m, all)).apply(model);
        assertThat(vg.grad().name()).isEqualTo("affine");
        assertThat(vg.grad().offsets().keySet()).containsExactly("a", "b");
        assertThat(Sessions.relative(Flat.of(model).pack(vg.grad()), Flat.of(model).pack(ref.grad())))
                .isLessThan(1e-12);
    }

    @Test
    void evaluationGivesTheLossAndAccuracyOfTheWholeSet() {
        DataParallel.Stats s = DataParallel.classifier(MLP).evaluate(SparkData.of(spark, DATA, 4), MLP);
        Tensor z = MLP.apply(DATA.x());
        assertThat(s.examples()).isEqualTo(37);
        assertThat(s.loss()).isCloseTo(Losses.crossEntropy(z, DATA.y()).item(),
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.accuracy()).isEqualTo(Metrics.accuracy(z, DATA.y()));
    }

    @Test
    void mapComputesPerExampleGradients() {
        DataParallel<Sequential> dp = DataParallel.of(MLP, CE);
        List<double[]> perBlock = dp.map(SparkData.of(spark, DATA, 3), (m, b) -> {
            double[] norms = new double[b.size()];
            for (int i = 0; i < b.size(); i++) {
                Batch one = b.range(i, i + 1);
                Sequential g = Ad.gradTree((Sequential s) -> Losses.crossEntropy(s.apply(one.x()), one.y()))
                        .apply(m);
                norms[i] = norm(Flat.of(m).pack(g));
            }
            return norms;
        }).collect();
        double[] flat = perBlock.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
        assertThat(flat).hasSize(DATA.size());
        for (int i = 0; i < DATA.size(); i++) {
            assertThat(flat[i]).isCloseTo(norm(local(MLP, DATA.range(i, i + 1))),
                    org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void badInputIsNamed() {
        DistributedDataset<Batch> data = SparkData.of(spark, DATA, 2);
        DataParallel.Loss<Sequential> perExample = (m, b) -> m.apply(b.x()).sum(1);
        assertThatThrownBy(() -> DataParallel.of(MLP, perExample).valueAndGrad(data))
                .hasStackTraceContaining("the loss must be a scalar (the mean over the batch), got shape [");
        DistributedDataset<Batch> none = SparkData.of(spark, DATA.range(0, 0), 2);
        assertThatThrownBy(() -> DataParallel.of(MLP, CE).valueAndGrad(none))
                .hasMessageContaining("the data set has no examples");
        assertThatThrownBy(() -> DataParallel.of(MLP, CE).treeDepth(0)).hasMessageContaining("depth must be ≥ 1");
        assertThatThrownBy(() -> DataParallel.of(MLP, CE).valueAndGrad(data,
                Models.mlp(Rng.seed(0), Activation.TANH, 4, 5, 3)))
                .hasMessageContaining("a model of 43 parameters, expected 67");
        assertThatThrownBy(() -> SparkData.of(spark, DATA, 0)).hasMessageContaining("partitions must be ≥ 1, got 0");
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
