package dev.adjoint;

import static dev.adjoint.Checks.central;
import static dev.adjoint.Checks.close;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The transforms' API: structures, pullbacks, Jacobians, Hessians, vmap axes and nesting to third order. */
class AdTest {

    private static final Function<Tensor, Tensor> F = x -> x.sin().mul(x.index(0)).add(x.square().sum());

    record Model(Tensor w, List<Tensor> layers, Map<String, Tensor> named, int untouched) {
    }

    @Test
    void reluAgreesWithMaximumOfZeroIncludingTheTieAtZero() {
        Tensor x = Tensor.of(-1.5, -0.0, 0, 0.25, 3);
        Function<Tensor, Tensor> relu = t -> t.relu().mul(t.add(2)).sum();
        Function<Tensor, Tensor> max = t -> t.maximum(0).mul(t.add(2)).sum();
        assertThat(x.relu().toArray()).containsExactly(x.maximum(0).toArray());
        assertThat(Ad.grad(relu).apply(x).toArray()).containsExactly(Ad.grad(max).apply(x).toArray());
        assertThat(Ad.grad(relu).apply(x).toArray()).containsExactly(0, 1, 1, 2.5, 8);
        Tensor v = Tensor.of(1, 1, 1, 1, 1);
        assertThat(Ad.hvp(relu, x, v).toArray()).containsExactly(Ad.hvp(max, x, v).toArray());
    }

    @Test
    void lectureExample() {
        // f(x1, x2) = ln x1 + x1 x2 − sin x2 at (2, 5): value 11.652, gradient (5.5, 1.716).
        var vg = Ad.valueAndGrad((List<Tensor> v) -> v.get(0).log().add(v.get(0).mul(v.get(1))).sub(v.get(1).sin()))
                .apply(List.of(Tensor.scalar(2), Tensor.scalar(5)));
        assertThat(vg.value().item()).isCloseTo(Math.log(2) + 10 - Math.sin(5), within(1e-12));
        assertThat(vg.grad().get(0).item()).isCloseTo(5.5, within(1e-12));
        assertThat(vg.grad().get(1).item()).isCloseTo(2 - Math.cos(5), within(1e-12));
        List<Tensor> g2 = Ad.grad((Tensor a, Tensor b) -> a.log().add(a.mul(b)).sub(b.sin()))
                .apply(Tensor.scalar(2), Tensor.scalar(5));
        assertThat(g2.get(1).item()).isCloseTo(1.716, within(1e-3));
    }

    @Test
    void gradientOfARecordComesBackAsTheSameRecord() {
        Map<String, Tensor> named = new LinkedHashMap<>();
        named.put("a", Tensor.of(1, 2));
        named.put("b", Tensor.scalar(3));
        Model m = new Model(Tensor.of(0.5, -1), List.of(Tensor.of(2, 3), Tensor.of(4)), named, 7);
        Function<Model, Tensor> loss = p -> p.w().mul(p.layers().get(0)).sum().mul(p.named().get("b"))
                .add(p.named().get("a").square().sum()).add(p.layers().get(1).exp().sum());
        ValueAndGrad<Model> vg = Ad.valueAndGrad(loss).apply(m);
        Model g = vg.grad();
        assertThat(g.untouched()).isEqualTo(7);
        assertThat(g.w().toArray()).containsExactly(6, 9);
        assertThat(g.layers().get(0).toArray()).containsExactly(1.5, -3);
        assertThat(g.layers().get(1).toArray()).containsExactly(new double[] {Math.exp(4)}, within(1e-9));
        assertThat(g.named().get("a").toArray()).containsExactly(2, 4);
        assertThat(g.named().get("b").item()).isEqualTo(-2);
        assertThat(Ad.gradTree(loss).apply(m).w().toArray()).containsExactly(6, 9);
    }

    @Test
    void pullbackIsReusableAndLinear() {
        Tensor x = Tensor.of(0.3, -0.7, 1.1);
        Function<Tensor, Tensor> f = v -> v.exp().mul(v.sum());
        ValueAndPullback vp = Ad.vjp(f, x);
        Tensor a = Tensor.of(1, 0, 0);
        Tensor b = Tensor.of(0, 2, -1);
        close("linearity", vp.pullback().apply(a.add(b)), vp.pullback().apply(a).add(vp.pullback().apply(b)), 1e-14);
        Tensor j = Ad.jacfwd(f).apply(x);
        close("pullback of e_0 is row 0 of J", vp.pullback().apply(a), j.index(0), 1e-14);
    }

    @Test
    void jacobiansAgreeInBothModesAndWithFiniteDifferences() {
        Tensor m = Tensor.of(new double[][] {{1, 2, 0}, {0, -1, 3}, {2, 2, 2}, {1, 0, 0}});
        Function<Tensor, Tensor> wide = v -> m.matmul(v).tanh();       // R³ → R⁴
        Function<Tensor, Tensor> narrow = v -> v.sum(1).sin();         // R^{2×3} → R²
        Tensor x = Tensor.of(0.1, 0.2, -0.3);
        Tensor jf = Ad.jacfwd(wide).apply(x);
        close("jacrev vs jacfwd", Ad.jacrev(wide).apply(x), jf, 1e-14);
        close("jacobian vs jacfwd", Ad.jacobian(wide, x), jf, 1e-14);
        assertThat(jf.shape().dims()).containsExactly(4, 3);
        for (int i = 0; i < 3; i++) {
            Tensor e = Tensor.zeros(3).add(Tensor.eye(3).index(i));
            close("column " + i, jf.transpose().index(i), central(wide, x, e), 1e-8);
        }
        Tensor y = Tensor.of(new double[][] {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}});
        Tensor jn = Ad.jacobian(narrow, y);
        assertThat(jn.shape().dims()).containsExactly(2, 2, 3);
        close("narrow: jacfwd", Ad.jacfwd(narrow).apply(y), jn, 1e-14);
        assertThat(jn.get(0, 0, 1)).isCloseTo(Math.cos(0.6), within(1e-14));
        assertThat(jn.get(0, 1, 1)).isZero();
    }

    @Test
    void hessianIsSymmetricAndMatchesFiniteDifferencesAndHvp() {
        Tensor x = Tensor.of(0.4, -0.2, 0.9);
        Function<Tensor, Tensor> s = v -> F.apply(v).sum();
        Tensor h = Ad.hessian(s).apply(x);
        close("symmetric", h, h.transpose(), 1e-13);
        for (int i = 0; i < 3; i++) {
            Tensor e = Tensor.eye(3).index(i);
            close("row " + i, h.index(i), central(Ad.grad(s), x, e), 1e-7);
            close("hvp e" + i, Ad.hvp(s, x, e), h.index(i), 1e-13);
        }
    }

    @Test
    void vmapAxesAndUnmappedArguments() {
        Tensor xs = Tensor.arange(12).reshape(3, 4);
        Tensor w = Tensor.of(1, -1, 2, 0.5);
        Function<List<Tensor>, Tensor> f = a -> a.get(0).mul(a.get(1)).sum();
        Tensor rows = Ad.vmap(f, new int[] {0, -1}, 0).apply(List.of(xs, w));
        assertThat(rows.toArray()).containsExactly(xs.matmul(w).toArray());
        Tensor cols = Ad.vmap((Tensor c) -> c.mul(2), 1, 1).apply(xs);
        assertThat(cols.toArray()).containsExactly(xs.mul(2).toArray());
        Tensor constant = Ad.vmap((Tensor c) -> w, 0, 0).apply(xs);
        assertThat(constant.shape().dims()).containsExactly(3, 4);
    }

    @Test
    void perExampleGradientsWithVmapOfGrad() {
        Rng rng = Rng.seed(4);
        Tensor xs = Tensor.randn(rng, 5, 3);
        Tensor ys = Tensor.randn(rng, 5);
        Tensor w0 = Tensor.randn(rng, 3);
        // loss(w; x, y) = (x·w − y)²; gradient 2 (x·w − y) x, per example.
        Function<List<Tensor>, Tensor> perExample = Ad.vmap(
                (List<Tensor> a) -> Ad.grad((Tensor w) -> a.get(1).dot(w).sub(a.get(2)).square()).apply(a.get(0)),
                new int[] {-1, 0, 0}, 0);
        Tensor g = perExample.apply(List.of(w0, xs, ys));
        for (int i = 0; i < 5; i++) {
            Tensor r = xs.index(i).dot(w0).sub(ys.index(i)).mul(2);
            close("example " + i, g.index(i), xs.index(i).mul(r), 1e-13);
        }
    }

    @Test
    void thirdOrderNesting() {
        Tensor x = Tensor.of(0.3, 0.7);
        Function<Tensor, Tensor> f = v -> v.sin().sum();
        Tensor g3 = Ad.grad((Tensor a) -> Ad.grad((Tensor b) -> Ad.grad(f).apply(b).sum()).apply(a).sum()).apply(x);
        close("grad grad grad sin", g3, x.cos().neg(), 1e-14);
        // d³/dx³ x⁴ = 24 x via jacfwd(jacrev(grad)).
        Function<Tensor, Tensor> q = v -> v.pow(4).sum();
        Tensor t = Ad.jacfwd(Ad.jacrev(Ad.grad(q))).apply(Tensor.of(0.5));
        assertThat(t.item()).isCloseTo(12, within(1e-12));
        // jvp of grad of grad.
        Tensor jgg = Ad.jvp(Ad.grad((Tensor b) -> Ad.grad(q).apply(b).sum()), Tensor.of(0.5), Tensor.of(1)).tangent();
        assertThat(jgg.item()).isCloseTo(12, within(1e-12));
        // vmap of jacobian, against a loop.
        Tensor xs = Tensor.of(new double[][] {{0.1, 0.2}, {0.3, -0.4}, {1, 2}});
        Function<Tensor, Tensor> g = v -> v.outer(v).tanh().reshape(-1);
        Tensor batched = Ad.vmap(Ad.jacobian(g)).apply(xs);
        for (int i = 0; i < 3; i++) {
            close("vmap(jacobian) " + i, batched.index(i), Ad.jacobian(g, xs.index(i)), 1e-14);
        }
        // grad of vmap.
        Tensor gv = Ad.grad((Tensor m) -> Ad.vmap((Tensor r) -> r.sin().sum()).apply(m).sum()).apply(xs);
        close("grad of vmap", gv, xs.cos(), 1e-14);
    }

    @Test
    void noPerturbationConfusion() {
        // d/dx [x · d/dy (x + y)] = 1; confusing the two perturbations gives 2.
        Function<Tensor, Tensor> inner = x -> Ad.jvp((Tensor y) -> x.add(y), Tensor.scalar(1), Tensor.scalar(1))
                .tangent();
        Tensor d = Ad.jvp((Tensor x) -> x.mul(inner.apply(x)), Tensor.scalar(3), Tensor.scalar(1)).tangent();
        assertThat(d.item()).isEqualTo(1);
        Tensor g = Ad.grad((Tensor x) -> x.mul(Ad.grad((Tensor y) -> x.add(y)).apply(Tensor.scalar(1)))).apply(
                Tensor.scalar(3));
        assertThat(g.item()).isEqualTo(1);
    }

    @Test
    void linearizeReusesTheTape() {
        Tensor x = Tensor.of(0.5, 1.5);
        Linearized lin = Ad.linearize(v -> v.exp().mul(v.index(1)), x);
        close("value", lin.value(), x.exp().mul(1.5), 1e-15);
        Tensor u = Tensor.of(1, -2);
        close("jvp", lin.jvp().apply(u), Ad.jvp(v -> v.exp().mul(v.index(1)), x, u).tangent(), 1e-15);
        close("linear", lin.jvp().apply(u.mul(3)), lin.jvp().apply(u).mul(3), 1e-14);
    }
}
