package dev.adjoint.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private static Dataset numbered(int n) {
        double[][] x = new double[n][2];
        for (int i = 0; i < n; i++) {
            x[i][0] = i;
            x[i][1] = -i;
        }
        return new Dataset(Tensor.of(x), Tensor.arange(n));
    }

    @Test
    void batchesCoverEveryExampleOnceInASeededOrder() {
        Dataset d = numbered(10);
        List<Dataset> a = d.batches(4, Rng.seed(1));
        List<Dataset> b = d.batches(4, Rng.seed(1));
        assertThat(a).extracting(Dataset::size).containsExactly(4, 4, 2);
        double[] seen = a.stream().flatMapToDouble(x -> Arrays.stream(x.y().toArray())).sorted().toArray();
        assertThat(seen).containsExactly(Tensor.arange(10).toArray());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).y().toArray()).containsExactly(b.get(i).y().toArray());
            // Inputs stay with their targets.
            assertThat(a.get(i).x().slice(1, 0, 1).reshape(-1).toArray()).containsExactly(a.get(i).y().toArray());
        }
        assertThat(d.batches(4, Rng.seed(2)).get(0).y().toArray()).isNotEqualTo(a.get(0).y().toArray());
    }

    @Test
    void splitPartitions() {
        Dataset.Split s = numbered(50).split(0.2, Rng.seed(3));
        assertThat(s.test().size()).isEqualTo(10);
        assertThat(s.train().size()).isEqualTo(40);
        double[] all = new double[50];
        System.arraycopy(s.train().y().toArray(), 0, all, 0, 40);
        System.arraycopy(s.test().y().toArray(), 0, all, 40, 10);
        Arrays.sort(all);
        assertThat(all).containsExactly(Tensor.arange(50).toArray());
    }

    @Test
    void normalisationUsesTrainingStatistics() {
        Dataset train = new Dataset(Tensor.of(new double[][] {{1, 10}, {3, 30}}), Tensor.of(0, 1));
        Normalizer n = Normalizer.perFeature(train);
        Dataset t = n.apply(train);
        assertThat(t.x().toArray()).containsExactly(new double[] {-1, -1, 1, 1}, within(1e-12));
        Dataset other = n.apply(new Dataset(Tensor.of(new double[][] {{2, 50}}), Tensor.of(1.0)));
        assertThat(other.x().toArray()).containsExactly(new double[] {0, 3}, within(1e-12));
        Normalizer g = Normalizer.global(train);
        assertThat(g.mean().item()).isEqualTo(11);
    }

    @Test
    void spiralsAreSeededAndBalanced() {
        Dataset a = Spirals.generate(50, 3, 0.01, Rng.seed(4));
        Dataset b = Spirals.generate(50, 3, 0.01, Rng.seed(4));
        assertThat(a.x().toArray()).containsExactly(b.x().toArray());
        assertThat(a.size()).isEqualTo(150);
        assertThat(a.y().eq(2).sum().item()).isEqualTo(50);
        assertThat(a.x().abs().max().item()).isLessThan(1.1);
    }

    @Test
    void mismatchedSizesAreRejected() {
        assertThatThrownBy(() -> new Dataset(Tensor.zeros(3, 2), Tensor.zeros(4)))
                .hasMessageContaining("[3, 2]").hasMessageContaining("[4]");
        assertThatThrownBy(() -> numbered(3).batches(0)).hasMessageContaining("batch size");
    }
}
