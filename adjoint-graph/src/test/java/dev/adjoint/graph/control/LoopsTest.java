package dev.adjoint.graph.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.Ad;
import dev.adjoint.GradCheck;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.graph.Graph;
import dev.adjoint.graph.compile.Jit;
import dev.adjoint.graph.control.Loops.ScanResult;
import dev.adjoint.graph.control.Loops.Scanned;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LoopsTest {

    private static final Tensor X = Tensor.uniform(Rng.seed(1), 0.2, 0.8, 3);
    private static final Tensor W = Tensor.uniform(Rng.seed(2), 0.5, 1.0, 3);

    /** One step of a damped map with a parameter: c ← sin(c·w) + 0.1·i. */
    private static Tensor step(int i, Tensor c, Tensor w) {
        return c.mul(w).sin().add(0.1 * i);
    }

    private static Tensor unrolled(Tensor x, Tensor w, int n) {
        Tensor c = x;
        for (int i = 0; i < n; i++) {
            c = step(i, c, w);
        }
        return c;
    }

    private static void close(Tensor a, Tensor e) {
        assertThat(a.shape()).isEqualTo(e.shape());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.toArray()[i]).isCloseTo(e.toArray()[i], Offset.offset(1e-12 * (1 + Math.abs(e.toArray()[i]))));
        }
    }

    private static long count(Graph g, String op) {
        return g.equations().stream().filter(e -> e.op().name().equals(op)).count();
    }

    @Test
    void foriIsOneEquationAndItsGradientGraphOneMore() {
        Function<List<Tensor>, Tensor> f = xs -> Loops.fori(20, (i, c, p) -> step(i, c, p.get(0)), xs.get(0),
                xs.get(1)).sum();
        Function<List<Tensor>, Tensor> g = xs -> unrolled(xs.get(0), xs.get(1), 20).sum();
        Graph graph = Graph.traceList(f, List.of(X, W));
        assertThat(count(graph, "fori")).isEqualTo(1);
        assertThat(graph.size()).isEqualTo(2);
        Graph grad = graph.valueAndGrad();
        assertThat(count(grad, "fori_vjp")).isEqualTo(1);
        assertThat(grad.size()).isLessThan(12);
        List<Tensor> out = grad.run(X, W);
        var eager = Ad.valueAndGrad(g).apply(List.of(X, W));
        close(out.get(0), eager.value());
        close(out.get(1), eager.grad().get(0));
        close(out.get(2), eager.grad().get(1));
        var direct = Ad.valueAndGrad(f).apply(List.of(X, W));
        close(direct.grad().get(1), eager.grad().get(1));
    }

    @Test
    void foriForwardModeAndSecondOrder() {
        Function<Tensor, Tensor> f = x -> Loops.fori(8, (i, c, p) -> step(i, c, p.get(0)), x, W).sum();
        Function<Tensor, Tensor> g = x -> unrolled(x, W, 8).sum();
        Tensor v = Tensor.of(0.3, -0.2, 0.5);
        close(Ad.jvp(f, X, v).tangent(), Ad.jvp(g, X, v).tangent());
        close(Ad.hvp(f, X, v), Ad.hvp(g, X, v));
        close(Ad.grad(x -> Ad.grad(f).apply(x).sum()).apply(X), Ad.grad(x -> Ad.grad(g).apply(x).sum()).apply(X));
    }

    @Test
    void forwardModeOfALoopIsALoopTooWhenStagedAndDifferentiatesAgain() {
        Function<Tensor, Tensor> f = x -> Loops.fori(12, (i, c, p) -> step(i, c, p.get(0)), x, W).sum();
        Function<Tensor, Tensor> g = x -> unrolled(x, W, 12).sum();
        Tensor v = Tensor.of(0.3, -0.2, 0.5);
        Function<Tensor, Tensor> df = x -> Ad.jvp(f, x, v).tangent();
        Function<Tensor, Tensor> dg = x -> Ad.jvp(g, x, v).tangent();
        Graph staged = Graph.trace(df, X);
        assertThat(count(staged, "fori_jvp")).isEqualTo(1);
        assertThat(staged.size()).isLessThan(15);                  // not 12 unrolled steps of primal and tangent
        close(staged.run(X).get(0), dg.apply(X));
        close(Ad.grad(df).apply(X), Ad.grad(dg).apply(X));         // reverse over forward: the jvp loop's own VJP
        close(Ad.jvp(df, X, W).tangent(), Ad.jvp(dg, X, W).tangent());   // forward over forward
        Graph reverseOverForward = Graph.trace(Ad.grad(df), X);
        assertThat(count(reverseOverForward, "fori_jvp_vjp")).isEqualTo(1);
        close(reverseOverForward.run(X).get(0), Ad.grad(dg).apply(X));
    }

    @Test
    void forwardModeOfScanAndFoldIsOneEquationWhenStaged() {
        Tensor xs = Tensor.uniform(Rng.seed(4), -1, 1, 5, 3);
        Function<Tensor, Tensor> scan = init -> {
            Loops.ScanResult r = Loops.scan((c, x, p) -> Loops.Scanned.of(c.mul(x).add(p.get(0)).tanh(),
                    c.sin().sum()), init, xs, W);
            return r.ys().mul(Tensor.of(1, 2, 3, 4, 5)).sum().add(r.carry().sum());
        };
        Function<Tensor, Tensor> scanUnrolled = init -> {
            Tensor c = init;
            Tensor total = Tensor.scalar(0);
            for (int i = 0; i < 5; i++) {
                total = total.add(c.sin().sum().mul(i + 1));
                c = c.mul(xs.index(i)).add(W).tanh();
            }
            return total.add(c.sum());
        };
        Function<Tensor, Tensor> fold = init -> Loops.fold((c, x, p) -> c.mul(x).add(p.get(0)).tanh(), init, xs, W)
                .sum();
        Tensor v = Tensor.of(1, -1, 0.5);
        Graph staged = Graph.trace(x -> Ad.jvp(scan, x, v).tangent(), X);
        assertThat(count(staged, "scan_jvp")).isEqualTo(1);
        close(staged.run(X).get(0), Ad.jvp(scanUnrolled, X, v).tangent());
        assertThat(count(Graph.trace(x -> Ad.jvp(fold, x, v).tangent(), X), "fold_jvp")).isEqualTo(1);
        close(Ad.hvp(scan, X, v), Ad.hvp(scanUnrolled, X, v));
    }

    @Test
    void forwardModeOfWhileAndCondStaysStructuredWhenStaged() {
        Function<Tensor, Tensor> loop = x -> Loops.whileLoop(c -> c.sum().lt(10), (i, c, p) -> c.mul(p.get(0))
                .add(c.sin()).mul(2), x, 50, W).sum();
        Function<Tensor, Tensor> loopUnrolled = x -> {
            Tensor c = x;
            while (c.sum().item() < 10) {
                c = c.mul(W).add(c.sin()).mul(2);
            }
            return c.sum();
        };
        Tensor v = Tensor.of(1, 0, -1);
        Graph staged = Graph.trace(x -> Ad.jvp(loop, x, v).tangent(), X);
        assertThat(count(staged, "while_jvp")).isEqualTo(1);
        close(staged.run(X).get(0), Ad.jvp(loopUnrolled, X, v).tangent());
        Function<Tensor, Tensor> branchy = x -> Loops.cond(x.sum().gt(0), (a, p) -> a.sin().mul(p.get(0)),
                (a, p) -> a.exp(), x, W).sum();
        Graph stagedCond = Graph.trace(x -> Ad.jvp(branchy, x, v).tangent(), X);
        assertThat(count(stagedCond, "cond_jvp")).isEqualTo(1);
        for (Tensor x : List.of(X, X.neg())) {
            Tensor expected = x.sum().item() > 0 ? x.cos().mul(W).mul(v).sum() : x.exp().mul(v).sum();
            close(stagedCond.run(x).get(0), expected);
            close(Ad.jvp(branchy, x, v).tangent(), expected);
        }
    }

    @Test
    void compiledLoopsEqualEager() {
        Function<Tensor, Tensor> f = x -> Loops.fori(15, (i, c, p) -> step(i, c, p.get(0)), x, W).sum();
        var c = Jit.compile(Ad.valueAndGrad(f), X);
        var e = Ad.valueAndGrad((Tensor x) -> unrolled(x, W, 15).sum()).apply(X);
        close(c.apply(X).value(), e.value());
        close(c.apply(X).grad(), e.grad());
    }

    @Test
    void foldKeepsTheFinalCarry() {
        Tensor xs = Tensor.uniform(Rng.seed(3), -1, 1, 6, 3);
        Function<Tensor, Tensor> f = init -> Loops.fold((c, x, p) -> c.mul(x.add(p.get(0))).tanh(), init, xs, W)
                .sum();
        Function<Tensor, Tensor> g = init -> {
            Tensor c = init;
            for (int i = 0; i < 6; i++) {
                c = c.mul(xs.index(i).add(W)).tanh();
            }
            return c.sum();
        };
        Graph graph = Graph.trace(f, X);
        assertThat(count(graph, "fold")).isEqualTo(1);
        close(graph.grad().run(X).get(0), Ad.grad(g).apply(X));
        close(Ad.jvp(f, X, W).tangent(), Ad.jvp(g, X, W).tangent());
    }

    @Test
    void whileLoopRunsUntilTheConditionFailsAndDifferentiatesWhenBounded() {
        // Doubles c until its sum exceeds 10: the trip count depends on the data.
        Function<Tensor, Tensor> f = x -> Loops.whileLoop(c -> c.sum().lt(10), (i, c, p) -> c.mul(2).add(c.sin()),
                x, 50).sum();
        Function<Tensor, Tensor> g = x -> {
            Tensor c = x;
            while (c.sum().item() < 10) {
                c = c.mul(2).add(c.sin());
            }
            return c.sum();
        };
        Graph graph = Graph.trace(f, X);
        assertThat(count(graph, "while")).isEqualTo(1);
        close(graph.run(X).get(0), g.apply(X));
        close(graph.grad().run(X).get(0), Ad.grad(g).apply(X));
        Tensor v = Tensor.of(1, 0, -1);
        close(Ad.jvp(f, X, v).tangent(), Ad.jvp(g, X, v).tangent());
        Function<Tensor, Tensor> tooShort = x -> Loops.whileLoop(c -> c.sum().lt(10), (i, c, p) -> c.mul(2), x, 2);
        assertThatThrownBy(() -> tooShort.apply(X)).hasMessageContaining("more than 2 trips");
    }

    @Test
    void condTakesOneBranchAtRunTimeAndDifferentiatesIt() {
        Function<List<Tensor>, Tensor> f = a -> Loops.cond(a.get(0).sum().gt(0), (x, p) -> x.sin().mul(p.get(0)),
                (x, p) -> x.exp(), a.get(0), a.get(1)).sum();
        Graph graph = Graph.traceList(f, List.of(X, W));
        assertThat(count(graph, "cond")).isEqualTo(1);
        Graph grad = graph.grad();
        for (Tensor x : List.of(X, X.neg())) {
            boolean positive = x.sum().item() > 0;
            Function<List<Tensor>, Tensor> taken = a -> positive ? a.get(0).sin().mul(a.get(1)).sum()
                    : a.get(0).exp().sum();
            List<Tensor> got = grad.run(x, W);
            var expected = Ad.valueAndGrad(taken).apply(List.of(x, W));
            close(graph.run(x, W).get(0), expected.value());
            close(got.get(0), expected.grad().get(0));
            close(got.get(1), expected.grad().get(1));
        }
        assertThatThrownBy(() -> Loops.cond(X, (x, p) -> x, (x, p) -> x, X)).hasMessageContaining("one element");
    }

    // ---- scan: a recurrent step with a per-step output, against the same step unrolled in Java ----

    /** A small recurrent step: carry h (3), slice x (2), params W (3×3), U (2×3); output y (2) ≠ carry's shape. */
    private static Scanned rnn(Tensor h, Tensor x, List<Tensor> p) {
        Tensor next = h.matmul(p.get(0)).add(x.matmul(p.get(1))).tanh();
        return Scanned.of(next, next.slice(0, 0, 2).mul(x).add(h.slice(0, 1, 3)).sin());
    }

    /** The inputs of one case: init, xs, W, U, and the weights R of the outputs in the loss. */
    private record Case(Tensor init, Tensor xs, Tensor w, Tensor u, Tensor r) {

        static Case random(long seed, int n) {
            Rng rng = Rng.seed(seed);
            return new Case(Tensor.uniform(rng, -1, 1, 3), Tensor.uniform(rng, -1, 1, n, 2),
                    Tensor.uniform(rng, -0.8, 0.8, 3, 3), Tensor.uniform(rng, -0.8, 0.8, 2, 3),
                    Tensor.uniform(rng, -1, 1, n, 2));
        }

        int n() {
            return xs.dim(0);
        }

        List<Tensor> inputs() {
            return List.of(init, xs, w, u);
        }

        /** All inputs in one flat vector, for the single-input checks (jvp, hvp, GradCheck, Jit). */
        Tensor flat() {
            return Tensor.concat(0, init, xs.reshape(xs.size()), w.reshape(9), u.reshape(6));
        }

        List<Tensor> split(Tensor theta) {
            int n = n();
            List<Tensor> parts = theta.split(0, 3, 2 * n, 9, 6);
            return List.of(parts.get(0), parts.get(1).reshape(n, 2), parts.get(2).reshape(3, 3),
                    parts.get(3).reshape(2, 3));
        }

        /** The loss Σ R·ys + Σ carry of a scan given as (inputs → carry, ys). */
        Function<List<Tensor>, Tensor> loss(Function<List<Tensor>, Tensor[]> scan) {
            return a -> {
                Tensor[] out = scan.apply(a);
                return out[1].mul(r).sum().add(out[0].sum());
            };
        }

        Function<Tensor, Tensor> flatLoss(Function<List<Tensor>, Tensor[]> scan) {
            Function<List<Tensor>, Tensor> l = loss(scan);
            return theta -> l.apply(split(theta));
        }

        /** Carry and ys in one vector, so that forward mode and GradCheck see every output. */
        Function<Tensor, Tensor> flatOutputs(Function<List<Tensor>, Tensor[]> scan) {
            return theta -> {
                Tensor[] out = scan.apply(split(theta));
                return Tensor.concat(0, out[0], out[1].reshape(out[1].size()));
            };
        }
    }

    private static Tensor[] structured(List<Tensor> a) {
        ScanResult r = Loops.scan(LoopsTest::rnn, a.get(0), a.get(1), a.get(2), a.get(3));
        return new Tensor[] {r.carry(), r.ys()};
    }

    private static Tensor[] unrolledScan(List<Tensor> a) {
        Tensor c = a.get(0);
        List<Tensor> ys = new ArrayList<>();
        for (int i = 0; i < a.get(1).dim(0); i++) {
            Scanned s = rnn(c, a.get(1).index(i), a.subList(2, 4));
            c = s.carry();
            ys.add(s.y());
        }
        return new Tensor[] {c, Tensor.stack(0, ys.toArray(new Tensor[0]))};
    }

    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of(11L, 1), Arguments.of(12L, 2), Arguments.of(13L, 5), Arguments.of(14L, 9));
    }

    private static void closeAll(List<Tensor> actual, List<Tensor> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            close(actual.get(i), expected.get(i));
        }
    }

    @ParameterizedTest(name = "seed {0}, {1} steps")
    @MethodSource("cases")
    void scanEqualsTheUnrolledLoop(long seed, int n) {
        Case k = Case.random(seed, n);
        Tensor[] got = structured(k.inputs());
        Tensor[] expected = unrolledScan(k.inputs());
        assertThat(got[1].shape().dims()).containsExactly(n, 2);
        close(got[0], expected[0]);
        close(got[1], expected[1]);
        // The carry-only scan is the same loop without its outputs.
        close(Loops.fold((c, x, p) -> rnn(c, x, p).carry(), k.init(), k.xs(), k.w(), k.u()), expected[0]);
    }

    @ParameterizedTest(name = "seed {0}, {1} steps")
    @MethodSource("cases")
    void scanReverseModeEagerAndStaged(long seed, int n) {
        Case k = Case.random(seed, n);
        Function<List<Tensor>, Tensor> f = k.loss(LoopsTest::structured);
        var expected = Ad.valueAndGrad(k.loss(LoopsTest::unrolledScan)).apply(k.inputs());
        var eager = Ad.valueAndGrad(f).apply(k.inputs());
        close(eager.value(), expected.value());
        closeAll(eager.grad(), expected.grad());

        Graph graph = Graph.traceList(f, k.inputs());
        assertThat(count(graph, "scan")).isEqualTo(1);
        Graph grad = graph.valueAndGrad();
        assertThat(count(grad, "scan")).isEqualTo(1);
        assertThat(count(grad, "scan_vjp")).isEqualTo(1);
        List<Tensor> run = grad.run(k.inputs().toArray(new Tensor[0]));
        close(run.get(0), expected.value());
        closeAll(run.subList(1, 5), expected.grad());
    }

    @ParameterizedTest(name = "seed {0}, {1} steps")
    @MethodSource("cases")
    void scanForwardModeAndSecondOrderEqualTheUnrolledLoop(long seed, int n) {
        Case k = Case.random(seed, n);
        Tensor theta = k.flat();
        Tensor v = Tensor.uniform(Rng.seed(seed + 100), -1, 1, theta.size());
        Function<Tensor, Tensor> outputs = k.flatOutputs(LoopsTest::structured);
        Function<Tensor, Tensor> unrolledOutputs = k.flatOutputs(LoopsTest::unrolledScan);
        var jvp = Ad.jvp(outputs, theta, v);
        var expectedJvp = Ad.jvp(unrolledOutputs, theta, v);
        close(jvp.value(), expectedJvp.value());
        close(jvp.tangent(), expectedJvp.tangent());

        Function<Tensor, Tensor> f = k.flatLoss(LoopsTest::structured);
        Function<Tensor, Tensor> g = k.flatLoss(LoopsTest::unrolledScan);
        close(Ad.hvp(f, theta, v), Ad.hvp(g, theta, v));
        Function<Tensor, Tensor> gradOfGrad = t -> Ad.grad(x -> Ad.grad(f).apply(x).mul(v).sum()).apply(t);
        close(gradOfGrad.apply(theta), Ad.grad(x -> Ad.grad(g).apply(x).mul(v).sum()).apply(theta));
        // Staged second order: the traced gradient's own gradient graph.
        Graph staged = Graph.trace(x -> Ad.grad(f).apply(x).mul(v).sum(), theta);
        close(staged.grad().run(theta).get(0), gradOfGrad.apply(theta));
    }

    @ParameterizedTest(name = "seed {0}, {1} steps")
    @MethodSource("cases")
    void scanAgreesWithFiniteDifferencesToSecondOrder(long seed, int n) {
        Case k = Case.random(seed, n);
        Tensor theta = k.flat();
        GradCheck.Report outputs = GradCheck.check(k.flatOutputs(LoopsTest::structured), theta, seed);
        assertThat(outputs.passed(1e-6)).as("%s", outputs).isTrue();
        GradCheck.Report loss = GradCheck.check(k.flatLoss(LoopsTest::structured), theta, seed + 1);
        assertThat(loss.passed(1e-6)).as("%s", loss).isTrue();
    }

    @ParameterizedTest(name = "seed {0}, {1} steps")
    @MethodSource("cases")
    void compiledScanWithOutputsEqualsTheUnrolledLoop(long seed, int n) {
        Case k = Case.random(seed, n);
        Tensor theta = k.flat();
        var compiled = Jit.compile(Ad.valueAndGrad(k.flatLoss(LoopsTest::structured)), theta).apply(theta);
        var expected = Ad.valueAndGrad(k.flatLoss(LoopsTest::unrolledScan)).apply(theta);
        close(compiled.value(), expected.value());
        close(compiled.grad(), expected.grad());
    }

    @Test
    void cumulativeSumIsAScanWithOutputs() {
        Tensor xs = Tensor.uniform(Rng.seed(41), -1, 1, 6, 3);
        Function<Tensor, Tensor> cumsum = a -> Loops.scan((c, x, p) -> Scanned.of(c.add(x), c.add(x)),
                Tensor.zeros(3), a).ys();
        double[] in = xs.toArray();
        double[] expected = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            expected[i] = in[i] + (i >= 3 ? expected[i - 3] : 0);
        }
        close(cumsum.apply(xs), Tensor.of(xs.shape(), expected));
        // d Σ w·cumsum(xs) / d xs[i] = Σ_{j ≥ i} w[j]: the reversed cumulative sum of the weights.
        Tensor w = Tensor.uniform(Rng.seed(42), -1, 1, 6, 3);
        double[] wv = w.toArray();
        double[] dx = new double[wv.length];
        for (int i = wv.length - 1; i >= 0; i--) {
            dx[i] = wv[i] + (i + 3 < wv.length ? dx[i + 3] : 0);
        }
        close(Ad.grad((Tensor a) -> cumsum.apply(a).mul(w).sum()).apply(xs), Tensor.of(xs.shape(), dx));
    }

    @Test
    void scanBatchesLikeALoopOverExamples() {
        Case k = Case.random(31, 4);
        Tensor inits = Tensor.uniform(Rng.seed(32), -1, 1, 5, 3);
        Function<Tensor, Tensor> ys = init -> structured(List.of(init, k.xs(), k.w(), k.u()))[1];
        Tensor batched = Ad.vmap(ys).apply(inits);
        for (int b = 0; b < 5; b++) {
            close(batched.index(b), unrolledScan(List.of(inits.index(b), k.xs(), k.w(), k.u()))[1]);
        }
    }

    @Test
    void scanOverNoStepsGivesTheInitialCarryAndNoOutputs() {
        Case k = Case.random(21, 0);
        ScanResult r = Loops.scan(LoopsTest::rnn, k.init(), k.xs(), k.w(), k.u());
        close(r.carry(), k.init());
        assertThat(r.ys().shape().dims()).containsExactly(0, 2);
        Function<List<Tensor>, Tensor> f = k.loss(LoopsTest::structured);
        // loss = Σ init: its gradient is one for init and zero for everything else.
        List<Tensor> expected = List.of(Tensor.ones(3), Tensor.zeros(0, 2), Tensor.zeros(3, 3), Tensor.zeros(2, 3));
        closeAll(Ad.valueAndGrad(f).apply(k.inputs()).grad(), expected);
        List<Tensor> staged = Graph.traceList(f, k.inputs()).grad().run(k.inputs().toArray(new Tensor[0]));
        closeAll(staged, expected);
    }

    @Test
    void scanRejectsOutputsOfChangingShape() {
        // y's shape depends on the data: on zeros (the shape probe) it is [1], on positive slices [2].
        Loops.ScanStep body = (c, x, p) -> Scanned.of(c, x.get(0) > 0 ? x : x.slice(0, 0, 1));
        Tensor xs = Tensor.uniform(Rng.seed(5), 0.1, 1, 4, 2);
        assertThatThrownBy(() -> Loops.scan(body, X, xs))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scan").hasMessageContaining("[2]").hasMessageContaining("[1]");
    }

    @Test
    void scanRejectsBadBodiesAndScalarXs() {
        Tensor xs = Tensor.uniform(Rng.seed(6), -1, 1, 4, 3);
        assertThatThrownBy(() -> Loops.scan((c, x, p) -> Scanned.of(c.slice(0, 0, 2), x), X, xs))
                .hasMessageContaining("scan: the body changed the carry's shape from [3] to [2]");
        assertThatThrownBy(() -> Loops.scan((c, x, p) -> new Scanned(c, null), X, xs))
                .hasMessageContaining("scan: the body returned no output y");
        assertThatThrownBy(() -> Loops.scan((c, x, p) -> Scanned.of(c, x), X, Tensor.scalar(1)))
                .hasMessageContaining("scan: xs must have an axis to scan over");
        assertThatThrownBy(() -> Loops.fold((c, x, p) -> c, X, Tensor.scalar(1)))
                .hasMessageContaining("fold: xs must have an axis to scan over");
        assertThatThrownBy(() -> Scanned.of(X, null)).hasMessageContaining("y");
    }
}
