package dev.adjoint.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.bench.run.Report;
import dev.adjoint.bench.run.Suite;
import dev.adjoint.bench.scalar.Seed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows, JSON, medians, case ids and the registry's error messages. */
class ReportingTest {

    @Test
    void medianOfOddAndEvenSampleCounts() {
        assertThat(Measurement.of(List.of(3.0, 1.0, 2.0)).median()).isEqualTo(2.0);
        Measurement m = Measurement.of(List.of(4.0, 1.0, 2.0, 3.0));
        assertThat(m.median()).isEqualTo(2.5);
        assertThat(m.min()).isEqualTo(1.0);
        assertThat(m.max()).isEqualTo(4.0);
        assertThat(m.samples()).isEqualTo(4);
        assertThat(m.spread()).isEqualTo(0.6);
        assertThatThrownBy(() -> Measurement.of(List.of())).hasMessageContaining("no samples");
    }

    @Test
    void rowsPutEachImplementationNextToTheSameRunsBaseline() {
        Seed seed = new Seed();
        Map<Impl, Measurement> times = new LinkedHashMap<>();
        times.put(Impl.OBJECTIVE, Measurement.of(List.of(0.5)));
        times.put(Impl.ADJOINT_REVERSE, Measurement.of(List.of(3.5)));
        times.put(Impl.MANUAL, Measurement.of(List.of(0.75)));
        List<Row> rows = seed.rows(times);
        assertThat(rows).hasSize(2);
        Row reverse = rows.get(0);
        assertThat(reverse.fields().keySet()).startsWith("workload", "impl", "t_obj_s", "t_grad_s", "ratio", "ratio_min");
        assertThat(reverse.get("impl")).isEqualTo("adjoint-reverse");
        assertThat((Double) reverse.get("ratio")).isCloseTo(7.0, within(1e-12));
        assertThat(reverse.get("tape_ops")).isEqualTo(5); // 2 inputs, x₁x₂, ln x₁ + ·, · − sin x₂
        assertThat((Double) reverse.get("ns_per_op")).isCloseTo(0.7e9, within(1e-3));
        assertThat(rows.get(1).toJson()).isEqualTo("{\"workload\": \"seed\", \"impl\": \"manual\", \"t_obj_s\": 0.5,"
                + " \"t_grad_s\": 0.75, \"ratio\": 1.5, \"ratio_min\": 1.5, \"t_obj_min_s\": 0.5, \"t_grad_min_s\": 0.75, \"derivative\": \"gradient\"}");
        String table = Report.table(Map.of(seed, times));
        assertThat(table).contains("adjoint-reverse").contains("3.50 s").contains("7.00");
    }

    @Test
    void jsonKeepsEveryBitAndRefusesNonFiniteNumbers() {
        double third = 1.0 / 3;
        assertThat(Double.parseDouble(Json.number(third))).isEqualTo(third);
        assertThat(Json.string("a\"b\\c\n")).isEqualTo("\"a\\\"b\\\\c\\u000a\"");
        assertThat(Json.array(new double[] {1, -0.5})).isEqualTo("[1.0, -0.5]");
        assertThatThrownBy(() -> Row.empty().with("ratio", Double.NaN)).hasMessageContaining("ratio")
                .hasMessageContaining("JSON");
        assertThatThrownBy(() -> Json.number(Double.POSITIVE_INFINITY)).hasMessageContaining("Infinity");
    }

    @Test
    void casesListTheBaselineFirstForEachWorkload() {
        assertThat(Suite.cases(List.of(new Seed()))).containsExactly("seed/objective", "seed/adjoint-reverse",
                "seed/adjoint-forward", "seed/hipparchus", "seed/manual");
    }

    @Test
    void unknownIdsAreNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> Workloads.select(List.of("seed", "nope"))).hasMessageContaining("'nope'")
                .hasMessageContaining("seed, logistic, rosenbrock");
        assertThatThrownBy(() -> Workloads.task("seed/bogus")).hasMessageContaining("'bogus'")
                .hasMessageContaining("adjoint-reverse");
        assertThatThrownBy(() -> Workloads.task("seed/adjoint-tensor")).hasMessageContaining("no implementation");
        assertThatThrownBy(() -> Workloads.task("seed")).hasMessageContaining("workload/impl");
        assertThat(Workloads.select(List.of("rosenbrock", "seed"))).extracting(Workload::id)
                .containsExactly("seed", "rosenbrock");
    }
}
