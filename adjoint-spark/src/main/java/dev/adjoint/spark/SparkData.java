package dev.adjoint.spark;

import dev.adjoint.nn.data.Dataset;
import dev.adjoint.nn.data.Idx;
import dev.adjoint.nn.data.IdxException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/** Distributed data sets: from IDX files read on the executors, from an in-memory data set, or from a list. */
public final class SparkData {

    private SparkData() {
    }

    /**
     * The training set of an MNIST-format directory ({@code train-images-idx3-ubyte[.gz]} and labels), one
     * {@link Batch} of inputs {@code [n, rows·cols]} in [0, 1] per partition, cached. Each executor reads its own
     * rows, so the directory must be at the same path on every worker (a shared file system, or a copy).
     */
    public static DistributedDataset<Batch> fromIdx(SparkSession spark, Path dir, int partitions) {
        return fromIdx(spark, dir, "train", partitions);
    }

    /** The {@code prefix} set ({@code "train"} or {@code "t10k"}) of an MNIST-format directory, as above. */
    public static DistributedDataset<Batch> fromIdx(SparkSession spark, Path dir, String prefix, int partitions) {
        checkPartitions(partitions, "fromIdx");
        if (!Files.isDirectory(dir)) {
            throw new IdxException(dir + ": no such directory (expected the four MNIST-format IDX files; on Debian:"
                    + " apt-get install dataset-fashion-mnist)");
        }
        Path images = Idx.find(dir, prefix + "-images-idx3-ubyte");
        Path labels = Idx.find(dir, prefix + "-labels-idx1-ubyte");
        int[] xd = IdxRows.dims(images);
        int[] yd = IdxRows.dims(labels);
        if (xd.length != 3) {
            throw new IdxException(images + ": expected images of rank 3 [N, rows, cols], found rank " + xd.length);
        }
        if (yd.length != 1 || yd[0] != xd[0]) {
            throw new IdxException(labels + ": expected " + xd[0] + " labels (one per image), found "
                    + java.util.Arrays.toString(yd));
        }
        int n = xd[0];
        int features = xd[1] * xd[2];
        String img = images.toString();
        String lab = labels.toString();
        List<Integer> parts = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            parts.add(p);
        }
        return DistributedDataset.of(context(spark).parallelize(parts, partitions).map(p -> {
            int from = start(n, partitions, p);
            int to = start(n, partitions, p + 1);
            double[] x = IdxRows.read(Path.of(img), from, to, 255.0);
            double[] y = IdxRows.read(Path.of(lab), from, to, 1);
            return Batch.of(x, new int[] {to - from, features}, y, new int[] {to - from});
        })).cache();
    }

    /**
     * An in-memory data set split into {@code partitions} consecutive blocks, cached. Each block goes out as its own
     * broadcast, fetched by the executor that computes its partition: tasks then carry a handle, not the examples
     * (a parallelized collection would put its slice into every task of every step).
     */
    public static DistributedDataset<Batch> of(SparkSession spark, Dataset data, int partitions) {
        checkPartitions(partitions, "of");
        JavaSparkContext sc = context(spark);
        int n = data.size();
        List<Broadcast<Batch>> blocks = new ArrayList<>(partitions);
        List<Integer> index = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            blocks.add(sc.broadcast(Batch.of(data.range(start(n, partitions, p), start(n, partitions, p + 1)))));
            index.add(p);
        }
        return DistributedDataset.of(sc.parallelize(index, partitions).map(p -> blocks.get(p).value())).cache();
    }

    /** Any serializable items (hyper-parameters, seeds, configurations) spread over {@code partitions}. */
    public static <T extends Serializable> DistributedDataset<T> parallelize(SparkSession spark, List<T> items,
                                                                            int partitions) {
        checkPartitions(partitions, "parallelize");
        return DistributedDataset.of(context(spark).parallelize(new ArrayList<>(items), partitions));
    }

    /** The Java view of the session's Spark context. */
    public static JavaSparkContext context(SparkSession spark) {
        return JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    /** The first row of block p of n rows split into {@code parts} near-equal consecutive blocks. */
    static int start(int n, int parts, int p) {
        return (int) ((long) n * p / parts);
    }

    private static void checkPartitions(int partitions, String what) {
        if (partitions < 1) {
            throw new IllegalArgumentException("SparkData." + what + ": partitions must be ≥ 1, got " + partitions);
        }
    }
}
