package dev.adjoint;

import static dev.adjoint.Checks.close;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.interpret.AnomalyException;
import dev.adjoint.interpret.Interpreter;
import dev.adjoint.interpret.Scope;
import dev.adjoint.primitive.CustomVjp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** stopGradient, noGrad, user rules, GradientTape, anomaly detection, leaked tracers, threads, masked NaNs. */
class ControlTest {

    private Tensor leaked;

    @Test
    void stopGradientAndNoGradMakeConstants() {
        Tensor x = Tensor.of(1.5, -2);
        close("x · sg(x)", Ad.grad((Tensor v) -> v.mul(v.stopGradient()).sum()).apply(x), x, 0);
        Tensor g = Ad.grad((Tensor v) -> {
            Tensor c;
            try (Scope s = Ad.noGrad()) {
                c = v.square();
            }
            return v.mul(c).sum();
        }).apply(x);
        close("noGrad", g, x.square(), 0);
        // A transform opened inside noGrad works normally.
        try (Scope s = Ad.noGrad()) {
            close("grad inside noGrad", Ad.grad((Tensor v) -> v.square().sum()).apply(x), x.mul(2), 0);
        }
    }

    @Test
    void customVjpRuleIsUsedInReverseModeAndForwardModeStillWorks() {
        // A deliberately different rule (half the true derivative) shows which one runs.
        Function<Tensor, Tensor> f = Ad.customVjp(Tensor::sin, (x, y, g) -> g.mul(x.cos()).mul(0.5));
        Tensor x = Tensor.of(0.3, 1.2);
        close("reverse uses the rule", Ad.grad((Tensor v) -> f.apply(v).sum()).apply(x), x.cos().mul(0.5), 1e-15);
        close("forward differentiates f", Ad.jvp(f, x, Tensor.ones(2)).tangent(), x.cos(), 1e-15);
        // Forward over reverse: the rule is differentiated (d/dx of 0.5 cos x).
        Tensor h = Ad.hessian((Tensor v) -> f.apply(v).sum()).apply(x);
        close("hessian through the rule", h, Tensor.eye(2).mul(x.sin().mul(-0.5)), 1e-15);
        close("vmap keeps the rule", Ad.vmap(Ad.grad((Tensor v) -> f.apply(v).sum())).apply(x.reshape(2, 1)),
                x.cos().mul(0.5).reshape(2, 1), 1e-15);
    }

    @Test
    void aForwardRuleGivenWithTheReverseRuleIsWhatForwardModeUses() {
        // Rules giving a third and a half of the truth show which one runs: forward takes its rule, reverse the other.
        CustomVjp p = new CustomVjp("sin3", a -> a[0].sin(), (a, y, g) -> new Tensor[] {g.mul(a[0].cos()).mul(0.5)},
                (a, t, y) -> t[0].mul(a[0].cos()).div(3));
        Function<Tensor, Tensor> f = x -> Interpreter.bind(p, x);
        Tensor x = Tensor.of(0.3, 1.2);
        close("forward uses its rule", Ad.jvp(f, x, Tensor.ones(2)).tangent(), x.cos().div(3), 1e-15);
        close("reverse uses its rule", Ad.grad((Tensor v) -> f.apply(v).sum()).apply(x), x.cos().mul(0.5), 1e-15);
        CustomVjp wrong = new CustomVjp("bad", a -> a[0].sin(), (a, y, g) -> new Tensor[] {g},
                (a, t, y) -> t[0].sum());
        assertThatThrownBy(() -> Ad.jvp((Tensor v) -> Interpreter.bind(wrong, v), x, Tensor.ones(2)))
                .hasMessageContaining("bad: forward rule returned a tangent of shape [] for an output of shape [2]");
    }

    @Test
    void customVjpOfSeveralInputs() {
        Function<Tensor[], Tensor> mul = Ad.customVjp("mul", a -> a[0].mul(a[1]),
                (a, y, g) -> new Tensor[] {g.mul(a[1]), null});
        List<Tensor> g = Ad.grad((Tensor a, Tensor b) -> mul.apply(new Tensor[] {a, b}).sum())
                .apply(Tensor.of(2, 3), Tensor.of(5, 7));
        close("first", g.get(0), Tensor.of(5, 7), 0);
        close("second is the rule's zero", g.get(1), Tensor.zeros(2), 0);
    }

    @Test
    void customJvpRuleIsUsedInForwardModeAndReverseModeStillWorks() {
        Function<Tensor, Tensor> f = Ad.customJvp(Tensor::exp, (x, t, y) -> t.mul(y).mul(3));
        Tensor x = Tensor.of(0.1, -0.4);
        close("forward uses the rule", Ad.jvp(f, x, Tensor.ones(2)).tangent(), x.exp().mul(3), 1e-15);
        close("reverse differentiates f", Ad.grad((Tensor v) -> f.apply(v).sum()).apply(x), x.exp(), 1e-15);
    }

    @Test
    void gradientTapeAndNestedTapes() {
        Tensor x0 = Tensor.of(0.5, 2);
        try (GradientTape outer = GradientTape.open()) {
            Tensor x = outer.watch(x0);
            Tensor dx;
            try (GradientTape inner = GradientTape.open()) {
                Tensor xi = inner.watch(x);
                Tensor y = xi.pow(3).sum();
                dx = inner.gradient(y, xi);
                assertThat(inner.gradient(y, Tensor.of(1, 1)).toArray()).containsExactly(0, 0);
            }
            close("first derivative", dx, x0.square().mul(3), 1e-14);
            Tensor d2 = outer.gradient(dx.sum(), x);
            close("second derivative", d2, x0.mul(6), 1e-14);
        }
        try (GradientTape tape = GradientTape.open()) {
            Tensor a = tape.watch(Tensor.of(1, 2));
            Tensor b = tape.watch(Tensor.of(3, 4));
            Tensor y = a.mul(b).add(b.sin());
            Tensor[] v = tape.vjp(y, Tensor.of(1, -1), a, b);
            close("vjp a", v[0], Tensor.of(3, -4), 0);
            close("vjp b", v[1], Tensor.of(1 + Math.cos(3), -2 - Math.cos(4)), 1e-15);
        }
        GradientTape closed = GradientTape.open();
        closed.close();
        assertThatThrownBy(() -> closed.watch(x0)).hasMessageContaining("closed");
    }

    @Test
    void detectAnomalyNamesThePrimitiveAndTheCallSite() {
        Tensor x = Tensor.of(1, -1);
        assertThat(x.log().toArray()[1]).isNaN();
        try (Scope s = Ad.detectAnomaly()) {
            assertThatThrownBy(() -> x.log())
                    .isInstanceOf(AnomalyException.class)
                    .hasMessageContaining("ln produced NaN")
                    .hasMessageContaining("ControlTest");
            // Backward: sqrt at 0 is finite, its derivative is not.
            assertThatThrownBy(() -> Ad.grad((Tensor v) -> v.sqrt().sum()).apply(Tensor.of(0, 4)))
                    .isInstanceOf(AnomalyException.class)
                    .hasMessageContaining("backward pass of sqrt")
                    .hasMessageContaining("ControlTest");
        }
        assertThat(Ad.grad((Tensor v) -> v.sqrt().sum()).apply(Tensor.of(0, 4)).toArray()[0]).isInfinite();
    }

    @Test
    void aLeakedTracerFailsWithAMessageThatSaysSo() {
        Ad.grad((Tensor v) -> {
            leaked = v.mul(2);
            return v.sum();
        }).apply(Tensor.of(1, 2));
        assertThatThrownBy(() -> leaked.add(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after the transform finished")
                .hasMessageContaining("leaked");
    }

    @Test
    void leakedTracersOfForwardModeAndVmapFailToo() {
        Ad.jvp((Tensor v) -> {
            leaked = v.sin();
            return v;
        }, Tensor.of(1), Tensor.of(1));
        assertThatThrownBy(() -> leaked.mul(leaked)).hasMessageContaining("traced by jvp")
                .hasMessageContaining("leaked");
        Ad.vmap((Tensor v) -> {
            leaked = v;
            return v;
        }).apply(Tensor.zeros(3, 2));
        assertThatThrownBy(() -> leaked.sum()).hasMessageContaining("traced by vmap");
    }

    @Test
    void valuesAreReadableInsideDifferentiation() {
        // Data-dependent control flow reads the primal, as in eager frameworks.
        Function<Tensor, Tensor> f = x -> x.sum().item() > 0 ? x.square().sum() : x.neg().sum();
        close("positive branch", Ad.grad(f).apply(Tensor.of(1, 2)), Tensor.of(2, 4), 0);
        close("negative branch", Ad.grad(f).apply(Tensor.of(-1, -2)), Tensor.of(-1, -1), 0);
        close("under forward over reverse", Ad.hessian(f).apply(Tensor.of(1, 2)), Tensor.eye(2).mul(2), 0);
    }

    @Test
    void transformsInTwoThreadsDoNotInterfere() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                final int id = t;
                Callable<Boolean> job = () -> {
                    for (int i = 0; i < 200; i++) {
                        Tensor x = Tensor.of(0.1 * i, 0.2 + id);
                        Tensor h = Ad.hessian((Tensor v) -> v.pow(3).sum().mul(id + 1)).apply(x);
                        Tensor expected = Tensor.eye(2).mul(x.mul(6 * (id + 1)));
                        if (Math.abs(h.sub(expected).abs().max().item()) > 1e-12) {
                            return false;
                        }
                    }
                    return true;
                };
                results.add(pool.submit(job));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTracerUsedInAnotherThreadFails() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Ad.grad((Tensor v) -> {
                Future<?> f = pool.submit(() -> v.add(1));
                assertThatThrownBy(f::get).hasMessageContaining("another thread");
                return v.sum();
            }).apply(Tensor.of(1));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whereGivesTheBranchNotTakenNoGradient() {
        Function<Tensor, Tensor> f = x -> Tensor.where(x.gt(0), x.sqrt(), 0).sum();
        assertThat(Ad.grad(f).apply(Tensor.scalar(0)).item()).isEqualTo(0);
        assertThat(Ad.grad(f).apply(Tensor.zeros(3)).toArray()).containsExactly(0, 0, 0);
        Function<Tensor, Tensor> g = x -> Tensor.where(x.gt(0), x.log(), x).sum();
        assertThat(Ad.grad(g).apply(Tensor.scalar(0)).item()).isEqualTo(1);
        // Elementwise, with a mixed mask: zero cotangents stay zero through sqrt′(0) = ∞.
        assertThat(Ad.grad(f).apply(Tensor.of(0, 1, 4)).toArray()).containsExactly(0, 0.5, 0.25);
        assertThat(Ad.grad(g).apply(Tensor.of(0, 2)).toArray()).containsExactly(1, 0.5);
        Function<Tensor, Tensor> xlogx = x -> Tensor.where(x.gt(0), x.mul(x.log()), 0).sum();
        assertThat(Ad.grad(xlogx).apply(Tensor.of(0, Math.E)).toArray()).containsExactly(new double[] {0, 2},
                within(1e-15));
        Function<Tensor, Tensor> inv = x -> Tensor.where(x.ne(0), Tensor.ones(2).div(x), 0).sum();
        assertThat(Ad.grad(inv).apply(Tensor.of(0, 2)).toArray()).containsExactly(0, -0.25);
        // Second order too, in every composition.
        assertThat(Ad.hessian(f).apply(Tensor.of(0)).item()).isEqualTo(0);
        close("hessian, mixed mask", Ad.hessian(f).apply(Tensor.of(0, 1, 4)),
                Tensor.of(new double[][] {{0, 0, 0}, {0, -0.25, 0}, {0, 0, -1.0 / 32}}), 1e-15);
        close("reverse over reverse, mixed mask",
                Ad.grad((Tensor x) -> Ad.grad(f).apply(x).sum()).apply(Tensor.of(0, 1, 4)),
                Tensor.of(0, -0.25, -1.0 / 32), 1e-15);
        assertThat(Ad.grad(f).apply(Tensor.scalar(4)).item()).isCloseTo(0.25, within(1e-15));
    }
}
