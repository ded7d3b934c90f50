package dev.adjoint.graph.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.Ad;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.graph.Graph;
import dev.adjoint.scalar.Binary;
import dev.adjoint.scalar.Elementary;
import dev.adjoint.scalar.Power;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every row of the op table: the traced graph, the gradient graph, the optimised (fused) graph and the
 * compiled function give the eager values and gradients. Inputs are drawn inside each row's domain.
 */
class OpTableTest {

    private record Row(String name, Function<Tensor, Tensor> f, double lo, double hi) {
    }

    private static final Tensor B = Tensor.uniform(Rng.seed(99), 0.5, 1.5, 3, 4);

    static Stream<Arguments> rows() {
        List<Row> rows = new ArrayList<>();
        for (Elementary e : Elementary.values()) {
            double lo = Math.max(e.lower(), -2);
            double hi = Math.min(e.upper(), 2);
            if (e == Elementary.ACOSH) {
                lo = 1.1;
                hi = 3;
            }
            double a = lo + 0.05 * (hi - lo);
            double b = hi - 0.05 * (hi - lo);
            rows.add(new Row(e.symbol(), x -> x.apply(e), a, b));
        }
        rows.add(new Row("pow 3.5", x -> x.apply(Power.of(3.5)), 0.2, 2));
        rows.add(new Row("pow 2", x -> x.pow(2), -2, 2));
        rows.add(new Row("x^y", x -> x.pow(B), 0.2, 2));
        rows.add(new Row("atan2", x -> x.atan2(B), -2, 2));
        rows.add(new Row("hypot", x -> x.apply(Binary.HYPOT, B), -2, 2));
        rows.add(new Row("add", x -> x.add(B), -2, 2));
        rows.add(new Row("sub", x -> x.sub(B).sub(x.mul(x)), -2, 2));
        rows.add(new Row("mul", x -> x.mul(B).mul(x), -2, 2));
        rows.add(new Row("div", x -> B.div(x.add(3)), -2, 2));
        rows.add(new Row("maximum", x -> x.maximum(B.sub(1)), -2, 2));
        rows.add(new Row("minimum", x -> x.minimum(B.sub(1)), -2, 2));
        rows.add(new Row("where/compare", x -> Tensor.where(x.gt(0), x.square(), x.sin()), -2, 2));
        rows.add(new Row("relu", Tensor::relu, -2, 2));
        rows.add(new Row("clamp", x -> x.clamp(-1, 1), -2, 2));
        rows.add(new Row("sum axis", x -> x.sum(1).square(), -2, 2));
        rows.add(new Row("mean", x -> x.mean(new int[] {0}, true).mul(x), -2, 2));
        rows.add(new Row("max", x -> x.max(new int[] {1}, false).exp(), -2, 2));
        rows.add(new Row("logsumexp", x -> x.logsumexp(new int[] {1}, false), -2, 2));
        rows.add(new Row("softmax", x -> x.softmax(1).mul(B), -2, 2));
        rows.add(new Row("cumsum", x -> x.cumsum(1).sin(), -2, 2));
        rows.add(new Row("prod", x -> x.prod(), 0.5, 1.5));
        rows.add(new Row("var", Tensor::var, -2, 2));
        rows.add(new Row("reshape", x -> x.reshape(4, 3).exp(), -2, 2));
        rows.add(new Row("transpose", x -> x.transpose().matmul(B), -2, 2));
        rows.add(new Row("matmul", x -> x.matmul(B.transpose()).tanh(), -2, 2));
        rows.add(new Row("slice", x -> x.slice(1, 1, 4).square(), -2, 2));
        rows.add(new Row("pad", x -> x.pad(1, 0, 0, 2).cos(), -2, 2));
        rows.add(new Row("flip", x -> x.flip(0).mul(B), -2, 2));
        rows.add(new Row("concat", x -> Tensor.concat(0, x, x.sin()).square(), -2, 2));
        rows.add(new Row("stack", x -> Tensor.stack(0, x, x.exp()).sum(0), -2, 2));
        rows.add(new Row("broadcast", x -> x.sum(new int[] {1}, true).mul(B), -2, 2));
        rows.add(new Row("gather", x -> x.take(1, Tensor.of(2, 0, 0)).exp(), -2, 2));
        rows.add(new Row("stopGradient", x -> x.stopGradient().mul(x), -2, 2));
        rows.add(new Row("norm", Tensor::norm, 0.5, 2));
        return rows.stream().map(r -> Arguments.of(r.name(), r));
    }

    private static void close(Tensor actual, Tensor expected, double tol) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        double[] a = actual.toArray();
        double[] e = expected.toArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(e[i], Offset.offset(tol * (1 + Math.abs(e[i]))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void stagedAndCompiledEqualEager(String name, Row row) {
        Function<Tensor, Tensor> loss = x -> row.f().apply(x).mul(row.f().apply(x).cos()).sum();
        Tensor x = Tensor.uniform(Rng.seed(name.hashCode()), row.lo(), row.hi(), 3, 4);
        Tensor value = row.f().apply(x);
        Tensor grad = Ad.grad(loss).apply(x);

        Graph g = Graph.trace(row.f(), x);
        close(g.run(x).get(0), value, 1e-14);
        close(g.optimize().run(x).get(0), value, 1e-14);
        close(Graph.trace(loss, x).grad().run(x).get(0), grad, 1e-12);
        close(Graph.trace(Ad.grad(loss), x).run(x).get(0), grad, 1e-12);

        CompiledFunction<Tensor, Tensor> cf = Jit.compile(row.f(), x);
        close(cf.apply(x), value, 1e-14);
        CompiledFunction<Tensor, dev.adjoint.ValueAndGrad<Tensor>> cg = Jit.compile(Ad.valueAndGrad(loss), x);
        var vg = cg.apply(x);
        close(vg.value(), loss.apply(x), 1e-12);
        close(vg.grad(), grad, 1e-12);
    }
}
