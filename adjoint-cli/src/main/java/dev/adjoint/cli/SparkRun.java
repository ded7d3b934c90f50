package dev.adjoint.cli;

import dev.adjoint.nn.data.Dataset;
import dev.adjoint.nn.layer.Sequential;
import dev.adjoint.nn.optim.Optimizer;
import dev.adjoint.nn.train.Epoch;
import dev.adjoint.nn.train.Trainer;
import dev.adjoint.spark.DataParallel;
import dev.adjoint.spark.SparkData;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * {@code adjoint train --spark MASTER}: the same training through adjoint-spark's data-parallel trainer. Only this
 * class touches Spark, so the command line loads Spark's classes (which {@code ./adjoint} puts on the class path for
 * {@code --spark} runs only) when this is used.
 */
final class SparkRun {

    /** Where the launcher's quiet logging configuration is (Spark logs errors only unless told otherwise). */
    private static final String QUIET_LOGS = "dev/adjoint/spark/log4j2-quiet.properties";

    private SparkRun() {
    }

    /** Whether Spark's classes can be loaded. */
    static boolean available() {
        try {
            Class.forName("org.apache.spark.sql.SparkSession", false, SparkRun.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Trains a classifier on {@code master} with the data split into {@code partitions} (null: Spark's default). */
    static Trainer.Result<Sequential> fit(String master, Integer partitions, Sequential net, Dataset.Split split,
                                          Optimizer optimizer, Trainer.Config config, Consumer<Epoch> onEpoch,
                                          PrintWriter w) {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", QUIET_LOGS);
        }
        SparkSession.Builder builder = SparkSession.builder().master(master).appName("adjoint train");
        if (master.startsWith("local")) {
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        if (System.getProperty("spark.ui.enabled") == null) {
            builder.config("spark.ui.enabled", "false");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            int p = partitions != null ? partitions : spark.sparkContext().defaultParallelism();
            w.printf(Locale.ROOT, "spark:     %s (Spark %s), %d partitions, %s%n", master, spark.version(), p,
                    optimizerNote(optimizer));
            w.flush();
            var train = SparkData.of(spark, split.train(), p);
            var test = SparkData.of(spark, split.test(), p);
            return DataParallel.classifier(net).fit(train, test, optimizer, config, onEpoch);
        } finally {
            spark.stop();
        }
    }

    private static String optimizerNote(Optimizer optimizer) {
        return optimizer instanceof dev.adjoint.nn.optim.FirstOrder
                ? "synchronous data-parallel mini-batches"
                : "full-batch steps (one per epoch)";
    }
}
