package dev.adjoint.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.Rng;
import dev.adjoint.nn.Flat;
import dev.adjoint.nn.Models;
import dev.adjoint.nn.data.Dataset;
import dev.adjoint.nn.layer.Activation;
import dev.adjoint.nn.layer.Sequential;
import dev.adjoint.nn.loss.Losses;
import dev.adjoint.nn.optim.Adam;
import dev.adjoint.nn.train.Trainer;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A task that fails once is retried by Spark (local[2, 3]: up to 3 attempts), and the result does not change. */
class FaultToleranceTest {

    private static SparkSession spark;
    private static final Dataset DATA = Sessions.classes(9, 40, 4, 3);
    private static final Sequential MLP = Models.mlp(Rng.seed(1), Activation.TANH, 4, 6, 3);
    private static final AtomicInteger INJECTED = new AtomicInteger();

    private static final DataParallel.Loss<Sequential> CE = (m, b) -> Losses.crossEntropy(m.apply(b.x()), b.y());

    /** Like CE, but the first attempt of partition 1's task of every job throws (the executor is this JVM). */
    private static final DataParallel.Loss<Sequential> FLAKY = (m, b) -> {
        TaskContext task = TaskContext.get();
        if (task.partitionId() == 1 && task.attemptNumber() == 0) {
            INJECTED.incrementAndGet();
            throw new IllegalStateException("injected failure of the first attempt");
        }
        return Losses.crossEntropy(m.apply(b.x()), b.y());
    };

    @BeforeAll
    static void start() {
        spark = Sessions.local("local[2,3]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aRetriedTaskGivesTheSameGradient() {
        DistributedDataset<Batch> data = SparkData.of(spark, DATA, 4);
        double[] clean = Flat.of(MLP).pack(DataParallel.of(MLP, CE).valueAndGrad(data).grad());
        int before = INJECTED.get();
        double[] retried = Flat.of(MLP).pack(DataParallel.of(MLP, FLAKY).valueAndGrad(data).grad());
        assertThat(INJECTED.get()).isEqualTo(before + 1);
        assertThat(Sessions.relative(retried, clean)).isLessThan(1e-12);
    }

    @Test
    void trainingThroughFailuresEndsWhereTrainingWithoutThemDoes() {
        DistributedDataset<Batch> data = SparkData.of(spark, DATA, 3);
        Trainer.Config config = new Trainer.Config(2, 20, 11, null);
        Sequential clean = DataParallel.of(MLP, CE).fit(data, null, Adam.of(0.01), config, null).model();
        int before = INJECTED.get();
        Sequential retried = DataParallel.of(MLP, FLAKY).fit(data, null, Adam.of(0.01), config, null).model();
        assertThat(INJECTED.get() - before).isEqualTo(4);   // 2 steps per epoch, 2 epochs, one failure each
        assertThat(Sessions.relative(Flat.of(MLP).pack(retried), Flat.of(MLP).pack(clean))).isLessThan(1e-12);
    }
}
