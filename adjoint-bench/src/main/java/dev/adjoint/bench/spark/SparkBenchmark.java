package dev.adjoint.bench.spark;

import dev.adjoint.Ad;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.ValueAndGrad;
import dev.adjoint.nn.Models;
import dev.adjoint.nn.Params;
import dev.adjoint.nn.data.Dataset;
import dev.adjoint.nn.data.FashionMnist;
import dev.adjoint.nn.data.Normalizer;
import dev.adjoint.nn.layer.Activation;
import dev.adjoint.nn.layer.Sequential;
import dev.adjoint.nn.loss.Losses;
import dev.adjoint.nn.optim.Adam;
import dev.adjoint.nn.train.Trainer;
import dev.adjoint.spark.Batch;
import dev.adjoint.spark.DataParallel;
import dev.adjoint.spark.DistributedDataset;
import dev.adjoint.spark.SparkData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * Fashion-MNIST MLP (784-256-128-100-10, ReLU, Adam, batch 128): one epoch with the local trainer and with
 * adjoint-spark on {@code local[1]} and {@code local[2]}; the median step of each; gradient-only throughput at 1,
 * 2, 4 and 8 partitions; and the paper model of scale-out from the measured compute, merge and stage times.
 * Medians of repeated runs, because the machine is shared. Run with Spark on the class path (see
 * adjoint-spark/README.md): {@code SparkBenchmark [--data DIR] [--reps N] [--no-epochs]}.
 */
public final class SparkBenchmark {

    private static final int BATCH = 128;
    private static final double BANDWIDTH = 1.25e9;   // bytes/s: 10 Gbit/s Ethernet, the model's assumption

    private SparkBenchmark() {
    }

    /** Runs the benchmark and prints Markdown tables. */
    public static void main(String[] args) {
        Path dir = FashionMnist.DEBIAN_DIR;
        int reps = 7;
        boolean epochs = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data": dir = Path.of(args[++i]); break;
                case "--reps": reps = Integer.parseInt(args[++i]); break;
                case "--no-epochs": epochs = false; break;
                default: throw new IllegalArgumentException("SparkBenchmark: unknown argument " + args[i]
                        + " (expected --data DIR, --reps N, --no-epochs)");
            }
        }
        System.setProperty("log4j2.configurationFile", "dev/adjoint/spark/log4j2-quiet.properties");
        Dataset.Split split = FashionMnist.load(dir);
        Normalizer norm = Normalizer.global(split.train());
        Dataset train = norm.apply(split.train());
        Dataset test = norm.apply(split.test());
        Sequential net = Models.mlp(Rng.seed(1), Activation.RELU, 784, 256, 128, 100, 10);
        long params = Params.count(net);
        int n = train.size();
        int steps = (n + BATCH - 1) / BATCH;
        out("Fashion-MNIST MLP 784-256-128-100-10: %d parameters (%.2f MB per gradient), %d training examples,"
                + " %d steps of %d per epoch; medians of %d runs (shared machine)%n", params, params * 8 / 1e6, n,
                steps, BATCH, reps);

        // Local: one step (forward, backward, Adam) and one gradient over all examples, in one JVM.
        Dataset b128 = train.range(0, BATCH);
        Adam adam = Adam.of(1e-3);
        Sequential[] m = {net};
        for (int i = 0; i < 30; i++) {
            m[0] = adam.step(s -> loss(s, b128), m[0]).params();
        }
        double localStep = median(reps * 3, () -> time(() -> m[0] = adam.step(s -> loss(s, b128), m[0]).params()));
        double localGrad = median(Math.max(3, reps / 2), () -> time(() -> fullGradient(net, train)));
        double merge = median(reps * 3, () -> time(() -> add(new double[(int) params], new double[(int) params])));
        double localEpoch = epochs ? localEpoch(net, train, test) : Double.NaN;
        out("%nlocal: step %.2f ms, full gradient %.2f s (%.0f examples/s), merge of two gradients %.3f ms,"
                + " epoch %.1f s%n", localStep * 1e3, localGrad, n / localGrad, merge * 1e3, localEpoch);

        List<String> rows = new ArrayList<>();
        double[] stage = new double[1];
        double[] sparkStep = new double[3];
        double[] sparkEpoch = new double[3];
        double[] throughput = new double[9];
        double[] compute = new double[9];
        for (int cores : new int[] {1, 2}) {
            SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("spark-bench")
                    .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
            try {
                JavaSparkContext sc = SparkData.context(spark);
                DataParallel<Sequential> dp = DataParallel.classifier(net);
                DistributedDataset<Batch> one = SparkData.of(spark, b128, cores);
                DistributedDataset<Batch> warm = SparkData.of(spark, train.range(0, 4096), cores);
                dp.fit(warm, null, Adam.of(1e-3), new Trainer.Config(1, BATCH, 0, null), null);
                for (int i = 0; i < 20; i++) {
                    dp.measure(one, net);
                }
                sparkStep[cores] = median(reps * 3, () -> dp.measure(one, net).seconds());
                List<Integer> items = new ArrayList<>();
                for (int i = 0; i < cores; i++) {
                    items.add(i);
                }
                stage[0] = median(reps * 3, () -> time(() -> sc.parallelize(items, cores).count()));
                double[] vector = new double[(int) params];
                double bcast = median(reps, () -> time(() -> {
                    Broadcast<double[]> b = sc.broadcast(vector);
                    sc.parallelize(items, cores).map(i -> b.value().length).count();
                    b.destroy();
                })) - stage[0];
                out("%nlocal[%d]: %d-example step (gradient pass, no update) %.2f ms; empty job %.2f ms;"
                        + " broadcast of the parameters %.2f ms%n", cores, BATCH, sparkStep[cores] * 1e3,
                        stage[0] * 1e3, bcast * 1e3);
                if (epochs) {
                    DistributedDataset<Batch> data = SparkData.of(spark, train, cores);
                    DistributedDataset<Batch> testData = SparkData.of(spark, test, cores);
                    data.examples();
                    testData.examples();
                    long t0 = System.nanoTime();
                    var r = dp.fit(data, testData, Adam.of(1e-3), new Trainer.Config(1, BATCH, 1, null), null);
                    sparkEpoch[cores] = r.history().get(0).seconds();
                    out("local[%d]: epoch %.1f s (%.1f s with evaluation), test accuracy %.4f%n", cores,
                            sparkEpoch[cores], (System.nanoTime() - t0) / 1e9, r.history().get(0).testAccuracy());
                }
                if (cores == 2) {
                    for (int p : new int[] {1, 2, 4, 8}) {
                        DistributedDataset<Batch> data = SparkData.of(spark, train, p);
                        data.examples();
                        dp.measure(data, net);
                        double[] c = new double[1];
                        throughput[p] = n / median(Math.max(3, reps / 2), () -> {
                            DataParallel.Stats s = dp.measure(data, net);
                            c[0] = s.totalComputeSeconds();
                            return s.seconds();
                        });
                        compute[p] = c[0];
                        rows.add(String.format(Locale.ROOT, "| %d | %.0f | %.2f | %.2f |", p, throughput[p],
                                n / throughput[p], compute[p]));
                        data.rdd().unpersist(true);
                    }
                }
            } finally {
                spark.stop();
            }
        }

        out("%n| step (batch %d) | seconds | vs local |%n|---|---|---|%n", BATCH);
        out("| local trainer | %.2f ms | 1.00 |%n", localStep * 1e3);
        for (int c = 1; c <= 2; c++) {
            out("| local[%d], %d partition%s | %.2f ms | %.2f |%n", c, c, c == 1 ? "" : "s", sparkStep[c] * 1e3,
                    localStep / sparkStep[c]);
        }
        out("Spark overhead per step (local[1] − local): %.2f ms%n", (sparkStep[1] - localStep) * 1e3);
        if (epochs) {
            out("%n| epoch | seconds | speed-up |%n|---|---|---|%n| local trainer | %.1f | 1.00 |%n", localEpoch);
            out("| Spark local[1] | %.1f | %.2f |%n| Spark local[2] | %.1f | %.2f |%n", sparkEpoch[1],
                    localEpoch / sparkEpoch[1], sparkEpoch[2], localEpoch / sparkEpoch[2]);
        }
        out("%nGradient only (full batch, %d examples, local[2]):%n| partitions | examples/s | seconds per pass"
                + " | summed task compute (s) |%n|---|---|---|---|%n", n);
        rows.forEach(r -> out("%s%n", r));

        double bytes = params * 8.0;
        double fullCompute = compute[1] > 0 ? compute[1] : n / throughput[1];   // one task computing all
        for (double latency : new double[] {stage[0], 0.010}) {
            paperModel(new ScaleOutModel(latency, bytes / BANDWIDTH, merge), bytes, n, fullCompute, localStep,
                    latency == stage[0] ? "the empty job measured here" : "assumed, a quiet cluster");
        }
    }

    /** The predicted speed-ups on 8, 64 and 512 executors at treeAggregate depth 2 and 3. */
    private static void paperModel(ScaleOutModel model, double bytes, int n, double fullCompute, double stepCompute,
                                   String latencyNote) {
        out("%nPaper model (stage latency %.1f ms, %s; transfer %.2f ms = %.2f MB at 10 Gbit/s; merge %.3f ms"
                + " measured): a full-batch gradient of %d examples, %.2f s on one core, and mini-batch steps of %d"
                + " examples per executor, %.2f ms on one core:%n", model.stageSeconds() * 1e3, latencyNote,
                model.transferSeconds() * 1e3, bytes / 1e6, model.mergeSeconds() * 1e3, n, fullCompute, BATCH,
                stepCompute * 1e3);
        out("| executors | depth | tree levels | full-batch step (s) | speed-up | mini-batch step (ms) |"
                + " examples/s vs 1 JVM |%n|---|---|---|---|---|---|---|%n");
        for (int e : new int[] {8, 64, 512}) {
            for (int depth : new int[] {2, 3}) {
                double full = model.step(fullCompute, e, depth);
                double mini = model.step(stepCompute * e, e, depth);
                out("| %d | %d | %d | %.3f | %.1f | %.1f | %.1f |%n", e, depth, ScaleOutModel.levels(e, depth),
                        full, fullCompute / full, mini * 1e3, e * stepCompute / mini);
            }
        }
    }

    private static Tensor loss(Sequential m, Dataset b) {
        return Losses.crossEntropy(m.apply(b.x()), b.y());
    }

    private static void fullGradient(Sequential net, Dataset train) {
        for (int i = 0; i < train.size(); i += 2048) {
            Dataset c = train.range(i, Math.min(train.size(), i + 2048));
            ValueAndGrad<Sequential> vg = Ad.valueAndGrad((Sequential s) -> loss(s, c)).apply(net);
            vg.value().item();
        }
    }

    private static double localEpoch(Sequential net, Dataset train, Dataset test) {
        var r = Trainer.classification().fit(net, train, test, Adam.of(1e-3), new Trainer.Config(1, BATCH, 1, null),
                null);
        out("local trainer: epoch %.1f s, test accuracy %.4f%n", r.history().get(0).seconds(),
                r.history().get(0).testAccuracy());
        return r.history().get(0).seconds();
    }

    private static void add(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(int reps, DoubleSupplier f) {
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            t[i] = f.getAsDouble();
        }
        Arrays.sort(t);
        return reps % 2 == 1 ? t[reps / 2] : (t[reps / 2 - 1] + t[reps / 2]) / 2;
    }

    private static void out(String format, Object... args) {
        System.out.printf(Locale.ROOT, format, args);
        System.out.flush();
    }
}
