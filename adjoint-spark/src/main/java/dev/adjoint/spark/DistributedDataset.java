package dev.adjoint.spark;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;

/**
 * A data set spread over a Spark cluster: an RDD of elements (for training, {@link Batch} blocks of examples), with
 * the number of partitions and examples at hand. Immutable; Spark keeps its lineage, so a lost partition is
 * recomputed.
 */
public final class DistributedDataset<T> {

    private final JavaRDD<T> rdd;
    private long examples = -1;

    private DistributedDataset(JavaRDD<T> rdd) {
        this.rdd = rdd;
    }

    /** A data set over an existing RDD. */
    public static <T> DistributedDataset<T> of(JavaRDD<T> rdd) {
        if (rdd == null) {
            throw new IllegalArgumentException("DistributedDataset.of: the RDD is null");
        }
        return new DistributedDataset<>(rdd);
    }

    /** The RDD. */
    public JavaRDD<T> rdd() {
        return rdd;
    }

    /** The number of partitions (tasks per pass). */
    public int partitions() {
        return rdd.getNumPartitions();
    }

    /** The elements, gathered on the driver in partition order. */
    public List<T> collect() {
        return rdd.collect();
    }

    /** This data set kept in executor memory after its first use (deserialized: no decoding per step). */
    public DistributedDataset<T> cache() {
        if (rdd.getStorageLevel() == StorageLevel.NONE()) {
            rdd.persist(StorageLevel.MEMORY_AND_DISK());
        }
        return this;
    }

    /** The number of examples: the sum of the blocks' sizes for {@link Batch} elements, else the element count. */
    public long examples() {
        if (examples < 0) {
            examples = rdd.map(DistributedDataset::exampleCount).fold(0L, Long::sum);
        }
        return examples;
    }

    private static long exampleCount(Object element) {
        return element instanceof Batch ? ((Batch) element).size() : 1;
    }

    @Override
    public String toString() {
        return "DistributedDataset(" + partitions() + " partitions, rdd " + rdd.id() + ")";
    }
}
