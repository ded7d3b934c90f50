package dev.adjoint.nn.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class OptimizerStateTest {

    private static final Function<Tensor, Tensor> BOWL = x -> x.mul(x).sum();

    @Test
    void namesAndLengthsAreChecked() {
        assertThatThrownBy(() -> OptimizerState.of("a/b", Map.of(), Map.of())).hasMessageContaining("without '/'");
        assertThatThrownBy(() -> OptimizerState.of("", Map.of(), Map.of())).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> OptimizerState.of("adam", Map.of("x/y", 1.0), Map.of()))
                .hasMessageContaining("names must be non-empty, without '/', got x/y");
        Map<String, double[]> v = new LinkedHashMap<>();
        v.put("m", new double[3]);
        v.put("v", new double[4]);
        assertThatThrownBy(() -> OptimizerState.of("adam", Map.of(), v))
                .hasMessageContaining("vector 'v' has 4 entries, the others 3");
        OptimizerState s = OptimizerState.of("adam", Map.of("step", 1.0), Map.of("m", new double[] {1, 2}));
        assertThat(s.length()).isEqualTo(2);
        assertThatThrownBy(() -> s.vector("v")).hasMessageContaining("no vector 'v' in [m]");
        assertThatThrownBy(() -> s.expect("sgd", Set.of(), Set.of()))
                .hasMessageContaining("the saved optimiser state is adam's, but the optimiser is sgd");
        assertThatThrownBy(() -> s.expect("adam", Set.of("step", "t"), Set.of()))
                .hasMessageContaining("missing scalar [t]").hasMessageContaining("unexpected vector [m]");
    }

    @Test
    void theStateIsCopiedNotShared() {
        double[] m = {1, 2};
        OptimizerState s = OptimizerState.of("adam", Map.of(), Map.of("m", m));
        m[0] = 9;
        assertThat(s.vector("m")).containsExactly(1, 2);
        s.vector("m")[1] = 9;
        assertThat(s.vector("m")).containsExactly(1, 2);
    }

    @Test
    void aStateRoundTripsThroughEveryOptimiserAndContinuesTheSame() {
        for (java.util.function.Supplier<Optimizer> make : java.util.List.<java.util.function.Supplier<Optimizer>>of(
                () -> Adam.of(0.1), () -> Sgd.of(0.1).momentum(0.5), () -> RmsProp.of(0.1), Lbfgs::create,
                () -> HessianFree.of(HessianFree.Curvature.HESSIAN, 1, 10))) {
            Optimizer a = make.get();
            Tensor x = Tensor.of(1, -2, 3);
            for (int i = 0; i < 3; i++) {
                x = a.step(BOWL, x).params();
            }
            Optimizer b = make.get();
            b.restore(a.state());
            Tensor xa = a.step(BOWL, x).params();
            Tensor xb = b.step(BOWL, x).params();
            assertThat(xb.toArray()).as(a.name()).containsExactly(xa.toArray());
        }
    }

    @Test
    void invalidCountsAndDampingAreRejectedBeforeAnythingChanges() {
        Adam a = Adam.of(0.1);
        assertThatThrownBy(() -> a.restore(OptimizerState.of("adam", Map.of("step", -1.0), Map.of())))
                .hasMessageContaining("step = -1.0 (need a whole number ≥ 0)");
        assertThat(a.steps()).isZero();
        HessianFree hf = HessianFree.create();
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("damping", -2.0);
        s.put("last_rho", Double.NaN);
        s.put("cg_iterations", 3.0);
        assertThatThrownBy(() -> hf.restore(OptimizerState.of("hf", s, Map.of())))
                .hasMessageContaining("damping -2.0 (need λ ≥ 0)");
        assertThat(hf.damping()).isEqualTo(1);
        assertThatThrownBy(() -> Lbfgs.create().restore(OptimizerState.of("lbfgs", Map.of("pairs", 1.0,
                "evaluations", 0.0), Map.of()))).hasMessageContaining("missing vectors [s0, y0]");
    }

    @Test
    void restoredPairsOfTheWrongLengthAreCaughtAtTheNextStep() {
        Lbfgs l = Lbfgs.create();
        l.restore(OptimizerState.of("lbfgs", Map.of("pairs", 1.0, "evaluations", 0.0),
                Map.of("s0", new double[] {1, 1}, "y0", new double[] {1, 2})));
        assertThatThrownBy(() -> l.step(BOWL, Tensor.of(1, 2, 3))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the restored curvature pairs have 2 entries, but the parameters have 3");
    }
}
