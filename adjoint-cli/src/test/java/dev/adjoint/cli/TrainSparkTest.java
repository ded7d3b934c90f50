package dev.adjoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code adjoint train --spark}: the local trainer's table, computed by adjoint-spark on a local Spark. */
class TrainSparkTest {

    @Test
    void trainsOnALocalSparkAndPrintsTheSameTable() {
        Cli.Result r = Cli.run("train", "--spark", "local[2]", "--partitions", "3", "--epochs", "2", "--batch", "64",
                "--seed", "4", "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("spark:     local[2] (Spark 4.", "3 partitions",
                "synchronous data-parallel mini-batches", "epoch   1  train loss", "epoch   2  train loss",
                "test accuracy");
        Matcher m = Pattern.compile("test accuracy (\\d\\.\\d+) after 2 epochs").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isBetween(0.0, 1.0);
    }

    @Test
    void optionsThatDoNotFitAreUsageErrors() {
        Cli.Result r = Cli.run("train", "--partitions", "3", "--epochs", "1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--partitions needs --spark");
        Cli.Result hf = Cli.run("train", "--spark", "local[1]", "--optimizer", "hf");
        assertThat(hf.exit()).isEqualTo(2);
        assertThat(hf.err()).contains("Hessian-free needs Hessian-vector products");
    }
}
