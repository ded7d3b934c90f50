package dev.adjoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.graph.Graph;
import dev.adjoint.graph.compile.CompiledFunction;
import dev.adjoint.graph.compile.Jit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Core's op table, every row: the traced graph, the optimised graph, the gradient graph (symbolic
 * differentiation) and the compiled value-and-gradient give the eager results. Lives in core's package because
 * the table is package-private there (it comes in core's test-jar).
 */
class StagedOpTableTest {

    static Stream<OpTable.Op> rows() {
        return OpTable.rows().stream();
    }

    private static List<Tensor> inputs(OpTable.Op op) {
        List<Tensor> xs = new ArrayList<>();
        for (int i = 0; i < op.shapes().length; i++) {
            xs.add(Tensor.uniform(Rng.seed(op.label().hashCode() + i), op.lo(), op.hi(), op.shapes()[i].dims()));
        }
        return xs;
    }

    private static void close(Tensor actual, Tensor expected, String what) {
        assertThat(actual.shape()).as(what).isEqualTo(expected.shape());
        double[] a = actual.toArray();
        double[] e = expected.toArray();
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(e[i])) {
                assertThat(a[i]).as(what).isNaN();
            } else {
                assertThat(a[i]).as(what + " element " + i).isCloseTo(e[i], Offset.offset(1e-11 * (1 + Math.abs(e[i]))));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void stagedAndCompiledEqualEager(OpTable.Op op) {
        List<Tensor> xs = inputs(op);
        Function<List<Tensor>, Tensor> f = op.f();
        // A scalar loss that uses every output element, so that the gradient sees the whole Jacobian.
        Function<List<Tensor>, Tensor> loss = a -> {
            Tensor y = f.apply(a);
            return y.mul(y.sin().add(2)).sum();
        };
        Tensor value = f.apply(xs);
        Graph g = Graph.traceList(f, xs);
        close(g.run(xs.toArray(new Tensor[0])).get(0), value, "staged value");
        close(g.optimize().run(xs.toArray(new Tensor[0])).get(0), value, "optimised value");

        ValueAndGrad<List<Tensor>> eager = Ad.valueAndGrad(loss).apply(xs);
        Graph dg = Graph.traceList(loss, xs).valueAndGrad();
        List<Tensor> staged = dg.run(xs.toArray(new Tensor[0]));
        close(staged.get(0), eager.value(), "gradient graph value");
        CompiledFunction<List<Tensor>, ValueAndGrad<List<Tensor>>> c = Jit.compile(Ad.valueAndGrad(loss), xs);
        ValueAndGrad<List<Tensor>> compiled = c.apply(xs);
        close(compiled.value(), eager.value(), "compiled value");
        for (int i = 0; i < xs.size(); i++) {
            close(staged.get(1 + i), eager.grad().get(i), "gradient graph ∂/∂x" + i);
            close(compiled.grad().get(i), eager.grad().get(i), "compiled ∂/∂x" + i);
        }
    }
}
