package dev.adjoint.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Mini-batch rows: each example once per epoch, the same rows for the same numbers, others for another epoch. */
class SelectionTest {

    @ParameterizedTest(name = "{0} examples, {1} steps")
    @CsvSource({"10, 3", "7, 7", "5, 9", "100, 1"})
    void everyExampleOncePerEpoch(int n, int steps) {
        Batch block = Batch.of(Sessions.classes(1, n, 1, 2));
        List<Double> seen = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            Batch b = new Selection(3, 1, i, steps).rows(block, 2, 0);
            assertThat(b.size()).isBetween(n / steps, n / steps + 1);
            for (double v : b.x().toArray()) {
                seen.add(v);
            }
            Batch again = new Selection(3, 1, i, steps).rows(block, 2, 0);
            assertThat(again.x().toArray()).containsExactly(b.x().toArray());
            assertThat(again.seed()).isEqualTo(b.seed());
        }
        List<Double> all = new ArrayList<>();
        for (double v : block.x().toArray()) {
            all.add(v);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(all);
        if (n > 3) {
            double[] e1 = new Selection(3, 1, 0, 1).rows(block, 2, 0).x().toArray();
            double[] e2 = new Selection(3, 2, 0, 1).rows(block, 2, 0).x().toArray();
            double[] p3 = new Selection(3, 1, 0, 1).rows(block, 3, 0).x().toArray();
            assertThat(e2).isNotEqualTo(e1);
            assertThat(p3).isNotEqualTo(e1);
        }
    }
}
