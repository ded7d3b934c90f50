package dev.adjoint.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.nn.data.Dataset;
import dev.adjoint.nn.data.FashionMnist;
import dev.adjoint.nn.data.Idx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** IDX files read on the executors give the examples adjoint-nn's reader gives, split into partitions. */
class SparkDataTest {

    private static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = Sessions.local("local[2]");
        write(dir, "train", 11, true);
        write(dir, "t10k", 5, false);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static void write(Path d, String prefix, int n, boolean gzip) {
        double[] pixels = new double[n * 3 * 2];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i * 37 + 11) % 256;
        }
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (i * 7) % 10;
        }
        String gz = gzip ? ".gz" : "";
        Idx.write(d.resolve(prefix + "-images-idx3-ubyte" + gz), NdArray.of(Shape.of(n, 3, 2), pixels),
                Idx.Type.UBYTE, gzip);
        Idx.write(d.resolve(prefix + "-labels-idx1-ubyte" + gz), NdArray.of(Shape.of(n), labels), Idx.Type.UBYTE,
                gzip);
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 3, 7, 16})
    void executorsReadTheSameExamplesAsTheLocalReader(int partitions) {
        Dataset.Split local = FashionMnist.load(dir);
        check(SparkData.fromIdx(spark, dir, partitions), local.train(), partitions);
        check(SparkData.fromIdx(spark, dir, "t10k", partitions), local.test(), partitions);
    }

    private static void check(DistributedDataset<Batch> data, Dataset expected, int partitions) {
        assertThat(data.partitions()).isEqualTo(partitions);
        assertThat(data.examples()).isEqualTo(expected.size());
        List<Batch> blocks = data.collect();
        assertThat(blocks).hasSize(partitions);
        Batch all = Batch.concat(blocks);
        assertThat(all.x().shape()).isEqualTo(expected.x().shape());
        assertThat(all.x().toArray()).containsExactly(expected.x().toArray());
        assertThat(all.y().toArray()).containsExactly(expected.y().toArray());
    }

    @Test
    void anInMemoryDataSetIsSplitIntoConsecutiveBlocks() {
        Dataset d = Sessions.classes(1, 10, 2, 2);
        List<Batch> blocks = SparkData.of(spark, d, 4).collect();
        assertThat(blocks).extracting(Batch::size).containsExactly(2, 3, 2, 3);
        assertThat(Batch.concat(blocks).x().toArray()).containsExactly(d.x().toArray());
    }

    @Test
    void badFilesAreNamed(@TempDir Path other) throws Exception {
        assertThatThrownBy(() -> SparkData.fromIdx(spark, other.resolve("nope"), 2))
                .hasMessageContaining("nope: no such directory");
        assertThatThrownBy(() -> SparkData.fromIdx(spark, other, 2))
                .hasMessageContaining("missing train-images-idx3-ubyte (or train-images-idx3-ubyte.gz)");
        Idx.write(other.resolve("train-images-idx3-ubyte"), NdArray.of(Shape.of(2, 1, 1), 0.5, 0.25),
                Idx.Type.FLOAT, false);
        Idx.write(other.resolve("train-labels-idx1-ubyte"), NdArray.of(Shape.of(2), 1, 0), Idx.Type.UBYTE, false);
        assertThatThrownBy(() -> SparkData.fromIdx(spark, other, 2))
                .hasMessageContaining("IDX type 0x0d; SparkData.fromIdx reads unsigned-byte files");
        Idx.write(other.resolve("train-images-idx3-ubyte"), NdArray.of(Shape.of(3, 1, 1), 1, 2, 3),
                Idx.Type.UBYTE, false);
        assertThatThrownBy(() -> SparkData.fromIdx(spark, other, 2))
                .hasMessageContaining("expected 3 labels (one per image), found [2]");
        Files.delete(other.resolve("train-labels-idx1-ubyte"));
        assertThatThrownBy(() -> SparkData.fromIdx(spark, other, 0))
                .hasMessageContaining("partitions must be ≥ 1, got 0");
    }
}
