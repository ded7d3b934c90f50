package dev.adjoint.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.numeric.CostStudy.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostStudyTest {

    @Test
    void countsEvaluationsAndTapeOperations() {
        List<Row> seen = new ArrayList<>();
        List<Row> rows = CostStudy.run(List.of(2, 10, 50), 0.001, seen::add);
        assertThat(seen).isEqualTo(rows);
        for (Row r : rows) {
            // Forward differences: f(x) once, then f(x + h eᵢ) for each of the n inputs.
            assertThat(r.fdEvaluations()).isEqualTo(r.n() + 1);
            // Tape: n variables, then for each of the n − 1 terms the 3 operations on two entries: a = x[i+1] − x[i]²,
            // sum + 100a², · + b². The others depend on one entry and are folded into scales; the first sum + ·
            // adds to the constant 0, so the first term records 2.
            assertThat(r.tapeOperations()).isEqualTo(r.n() + 3 * (r.n() - 1) - 1);
            assertThat(r.fdSeconds()).isPositive();
            assertThat(r.reverseSeconds()).isPositive();
            // Forward differences with h ≈ 1.5e−8 on values of order 100: errors around 1e−5, never exact.
            assertThat(r.maxDifference()).isLessThan(1e-2).isGreaterThan(0);
            assertThat(r.format()).contains(Integer.toString(r.n()));
        }
        assertThat(CostStudy.header()).contains("FD evals").contains("tape ops");
    }

    @Test
    void rosenbrockNeedsTwoInputs() {
        assertThatThrownBy(() -> CostStudy.run(List.of(1), 0.001, r -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n >= 2");
    }
}
