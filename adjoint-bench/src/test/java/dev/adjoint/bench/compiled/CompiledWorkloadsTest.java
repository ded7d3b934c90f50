package dev.adjoint.bench.compiled;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.Ad;
import dev.adjoint.Tensor;
import dev.adjoint.Tree;
import java.util.List;
import dev.adjoint.bench.Impl;
import dev.adjoint.bench.Workloads;
import dev.adjoint.bench.scalar.Logistic;
import dev.adjoint.examples.Rosenbrock;
import dev.adjoint.graph.compile.CompiledGradient;
import dev.adjoint.graph.compile.ScalarCompiler;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class CompiledWorkloadsTest {

    @Test
    void compiledLogisticMatchesTheHandWrittenGradient() {
        Logistic w = new Logistic();
        double[] x = w.point();
        double[] manual = new double[1];
        double v = w.valueAndGradient(x, manual);
        CompiledGradient c = ScalarCompiler.compile(w.function(), x);
        double[] g = new double[1];
        assertThat(c.valueAndGradient(x, g)).isEqualTo(v);
        assertThat(g[0]).isCloseTo(manual[0], Offset.offset(1e-9 * Math.abs(manual[0])));
    }

    @Test
    void compiledWorkloadsAreRegisteredWithTheirImplementations() {
        assertThat(Workloads.byId("compiled_logistic").impls()).contains(Impl.OBJECTIVE, Impl.ADJOINT_COMPILED);
        assertThat(Workloads.byId("compiled_rosenbrock").impls()).contains(Impl.OBJECTIVE, Impl.ADJOINT_COMPILED);
        Tensor x = Rosenbrock.point(10_000, 3001);
        double eager = Ad.valueAndGrad(Rosenbrock::value).apply(x).value().item();
        assertThat(Workloads.byId("compiled_rosenbrock_tensor").task(Impl.ADJOINT_COMPILED).run())
                .isCloseTo(eager, Offset.offset(1e-9 * Math.abs(eager)));
    }

    @Test
    void compiledTensorLossesGiveTheEagerValueAndGradient() {
        for (CompiledLoss<?> w : List.of(CompiledLoss.rosenbrock(), CompiledLoss.mlp(), CompiledLoss.gmm())) {
            var compiled = w.compiledValueAndGrad();
            var eager = w.eagerValueAndGrad();
            assertThat(compiled.value().item()).as(w.id())
                    .isCloseTo(eager.value().item(), Offset.offset(1e-9 * Math.abs(eager.value().item())));
            List<Tensor> cg = Tree.leaves(compiled.grad());
            List<Tensor> eg = Tree.leaves(eager.grad());
            assertThat(cg).as(w.id()).hasSameSizeAs(eg);
            for (int i = 0; i < cg.size(); i++) {
                double[] c = cg.get(i).toArray();
                double[] e = eg.get(i).toArray();
                for (int j = 0; j < e.length; j++) {
                    assertThat(c[j]).as(w.id() + " leaf " + i + "[" + j + "]")
                            .isCloseTo(e[j], Offset.offset(1e-9 * (1 + Math.abs(e[j]))));
                }
            }
        }
    }
}
