package dev.adjoint.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.Rng;
import dev.adjoint.nn.Flat;
import dev.adjoint.nn.Models;
import dev.adjoint.nn.data.Dataset;
import dev.adjoint.nn.layer.Activation;
import dev.adjoint.nn.layer.Sequential;
import dev.adjoint.nn.loss.Losses;
import dev.adjoint.nn.optim.Adam;
import dev.adjoint.nn.optim.HessianFree;
import dev.adjoint.nn.optim.Lbfgs;
import dev.adjoint.nn.optim.Optimizer;
import dev.adjoint.nn.optim.Sgd;
import dev.adjoint.nn.train.Epoch;
import dev.adjoint.nn.train.Trainer;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Training loops over the distributed gradient reproduce adjoint-nn's optimisers on the whole data set. */
class DataParallelTrainingTest {

    private static SparkSession spark;
    private static final Dataset DATA = Sessions.classes(4, 37, 4, 3);
    private static final Sequential MLP = Models.mlp(Rng.seed(5), Activation.TANH, 4, 8, 3);
    private static final DataParallel.Loss<Sequential> CE = (m, b) -> Losses.crossEntropy(m.apply(b.x()), b.y());

    @BeforeAll
    static void start() {
        spark = Sessions.local("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Sequential localSteps(Optimizer opt, int steps) {
        Batch all = Batch.of(DATA);
        Function<Sequential, dev.adjoint.Tensor> loss = m -> CE.apply(m, all);
        Sequential m = MLP;
        for (int i = 0; i < steps; i++) {
            m = opt.step(loss, m).params();
        }
        return m;
    }

    private static Trainer.Result<Sequential> fit(DataParallel<Sequential> dp, DistributedDataset<Batch> data,
                                                  Optimizer opt, int epochs, int batch, long seed) {
        return dp.fit(data, null, opt, new Trainer.Config(epochs, batch, seed, null), null);
    }

    private static double[] params(Sequential m) {
        return Flat.of(MLP).pack(m);
    }

    @Test
    void fullBatchAdamEqualsAdamOnTheWholeSet() {
        DistributedDataset<Batch> data = SparkData.of(spark, DATA, 3);
        Sequential spark = fit(DataParallel.of(MLP, CE), data, Adam.of(0.05), 4, 1000, 0).model();
        double[] expected = params(localSteps(Adam.of(0.05), 4));
        assertThat(Sessions.relative(params(spark), expected)).isLessThan(1e-10);
        assertThat(Sessions.relative(params(spark), params(MLP))).isGreaterThan(1e-3);
    }

    @Test
    void lbfgsOverTheDistributedGradientEqualsLbfgsInOneJvm() {
        DistributedDataset<Batch> data = SparkData.of(spark, DATA, 4);
        Trainer.Result<Sequential> r = fit(DataParallel.of(MLP, CE), data, Lbfgs.create(), 5, 128, 0);
        double[] expected = params(localSteps(Lbfgs.create(), 5));
        assertThat(Sessions.relative(params(r.model()), expected)).isLessThan(1e-8);
        List<Epoch> h = r.history();
        assertThat(h.get(4).trainLoss()).isLessThan(h.get(0).trainLoss());
    }

    @Test
    void miniBatchTrainingIsReproducibleAndLearns() {
        Rng rng = Rng.seed(1);
        Dataset.Split split = Sessions.separable(3, 200).split(0.2, rng.split());
        DistributedDataset<Batch> train = SparkData.of(spark, split.train(), 3);
        DistributedDataset<Batch> test = SparkData.of(spark, split.test(), 2);
        Sequential net = Models.mlp(Rng.seed(2), Activation.RELU, 2, 16, 2);
        DataParallel<Sequential> dp = DataParallel.classifier(net);
        Trainer.Config short3 = new Trainer.Config(2, 32, 7, null);
        double[] a = Flat.of(net).pack(dp.fit(train, null, Adam.of(0.02), short3, null).model());
        double[] b = Flat.of(net).pack(dp.fit(train, null, Adam.of(0.02), short3, null).model());
        double[] other = Flat.of(net).pack(dp.fit(train, null, Adam.of(0.02),
                new Trainer.Config(2, 32, 8, null), null).model());
        assertThat(Sessions.relative(b, a)).isLessThan(1e-12);
        assertThat(Sessions.relative(other, a)).isGreaterThan(1e-6);
        List<Epoch> h = dp.fit(train, test, Adam.of(0.02), new Trainer.Config(10, 32, 7, null), null).history();
        assertThat(h).hasSize(10);
        assertThat(h.get(9).trainLoss()).isLessThan(0.5 * h.get(0).trainLoss());
        assertThat(h.get(9).testAccuracy()).isGreaterThan(0.9);
        assertThat(h.get(9).trainAccuracy()).isGreaterThan(0.9);
    }

    @Test
    void sgdStepsSeeEveryExampleOncePerEpoch() {
        DistributedDataset<Batch> data = SparkData.of(spark, DATA, 2);
        Trainer.Result<Sequential> r = fit(DataParallel.of(MLP, CE), data, Sgd.of(0.1), 2, 10, 3);
        assertThat(r.history().get(0).examplesPerSecond() * r.history().get(0).seconds())
                .isCloseTo(37, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void forwardModeOptimisersAreRefused() {
        DistributedDataset<Batch> data = SparkData.of(spark, DATA, 2);
        assertThatThrownBy(() -> fit(DataParallel.of(MLP, CE), data, HessianFree.create(), 1, 128, 0))
                .hasMessageContaining("forward mode and second derivatives (JVPs, Hessian-vector products,"
                        + " Hessian-free) are not available over a distributed data set");
        Function<Sequential, dev.adjoint.Tensor> f = DataParallel.of(MLP, CE).objective(data);
        Flat<Sequential> flat = Flat.of(MLP);
        dev.adjoint.Tensor x = flat.flatten(MLP);
        assertThatThrownBy(() -> dev.adjoint.Ad.hvp(v -> f.apply(flat.unflatten(v)), x, x))
                .hasStackTraceContaining("forward mode and second derivatives");
        assertThatThrownBy(() -> fit(DataParallel.of(MLP, CE), SparkData.of(spark, DATA.range(0, 0), 2),
                Adam.of(0.1), 1, 128, 0)).hasMessageContaining("the training set has no examples");
    }
}
