package dev.adjoint.bench.adbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.bench.Impl;
import dev.adjoint.bench.Measurement;
import dev.adjoint.bench.Row;
import dev.adjoint.bench.Workload;
import dev.adjoint.bench.Workloads;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ADBench workloads are registered by group, run, and report rows with the input's name. */
class AdbenchWorkloadsTest {

    @Test
    void groupsSelectTheirInputs() {
        for (String group : List.of("adbench_gmm", "adbench_ba", "adbench_lstm")) {
            assertThat(Workloads.select(List.of(group))).hasSize(3).allMatch(w -> w.group().equals(group));
        }
        assertThat(Workloads.select(List.of("adbench_hand"))).hasSize(6);
        assertThat(Workloads.byId("adbench_ba_ba1_n49_m7776_p31843").group()).isEqualTo("adbench_ba");
    }

    @Test
    void smallestInputsRunEveryImplementation() {
        for (String id : List.of("adbench_gmm_gmm_d2_K10", "adbench_ba_ba1_n49_m7776_p31843",
                "adbench_hand_simple_hand1_t26_c100", "adbench_hand_complicated_hand1_t26_c100",
                "adbench_lstm_lstm_l2_c1024")) {
            Workload w = Workloads.byId(id);
            for (Impl impl : w.impls()) {
                assertThat(Double.isFinite(w.task(impl).run())).as(id + "/" + impl.label()).isTrue();
            }
        }
    }

    @Test
    void everyHandWorkloadHasAManualRowAgreeingWithAd() {
        // Both tasks return the Jacobian's first entry; the full matrices are compared in ManualHandTest.
        for (Workload w : Workloads.select(List.of("adbench_hand"))) {
            assertThat(w.impls()).as(w.id()).contains(Impl.MANUAL);
            double manual = w.task(Impl.MANUAL).run();
            double ad = w.task(Impl.ADJOINT_TENSOR).run();
            assertThat(manual).as(w.id()).isNotZero().isCloseTo(ad, org.assertj.core.data.Offset.offset(1e-10));
        }
    }

    @Test
    void rowsNameGroupAndInput() {
        Workload w = Workloads.byId("adbench_lstm_lstm_l2_c1024");
        List<Row> rows = w.rows(Map.of(Impl.OBJECTIVE, new Measurement(1e-3, 9e-4, 2e-3, 5),
                Impl.ADJOINT_TENSOR, new Measurement(4e-3, 3e-3, 5e-3, 5)));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).toJson()).startsWith("{\"workload\": \"adbench_lstm\", \"input\": \"lstm_l2_c1024\", "
                + "\"impl\": \"adjoint-tensor\", \"t_obj_s\": 0.001, \"t_grad_s\": 0.004, \"ratio\": 4.0")
                .endsWith("\"derivative\": \"gradient\"}");
    }
}
