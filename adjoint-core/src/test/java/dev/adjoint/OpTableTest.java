package dev.adjoint;

import static dev.adjoint.Checks.central;
import static dev.adjoint.Checks.close;
import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.OpTable.Op;
import dev.adjoint.array.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the op table, in every mode: forward and reverse against central differences, second order three
 * ways (forward over reverse, reverse over reverse, forward over forward), and vmap against a loop. The inputs of a
 * row are packed into one vector so each row is a function of one tensor.
 */
class OpTableTest {

    static Stream<Op> rows() {
        return OpTable.rows().stream();
    }

    /** The row as a function of one packed vector. */
    static Function<Tensor, Tensor> packed(Op op) {
        return z -> {
            List<Tensor> xs = new ArrayList<>();
            int pos = 0;
            for (Shape s : op.shapes()) {
                xs.add(z.slice(0, pos, pos + s.size()).reshape(s));
                pos += s.size();
            }
            return op.f().apply(xs);
        };
    }

    static int inputSize(Op op) {
        int n = 0;
        for (Shape s : op.shapes()) {
            n += s.size();
        }
        return n;
    }

    static Rng rng(Op op, int salt) {
        return Rng.seed(op.label().hashCode() * 31L + salt);
    }

    static Tensor point(Op op, int salt) {
        return Tensor.uniform(rng(op, salt), op.lo(), op.hi(), inputSize(op));
    }

    /** The scalar S(z) = ⟨w, F(z)⟩ with a fixed random w. */
    static Function<Tensor, Tensor> scalarized(Op op, Tensor z0) {
        Function<Tensor, Tensor> f = packed(op);
        Tensor w = Tensor.uniform(rng(op, 7), -1, 1, f.apply(z0).shape().dims());
        return z -> f.apply(z).mul(w).sum();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void forwardModeMatchesFiniteDifferences(Op op) {
        Function<Tensor, Tensor> f = packed(op);
        Tensor z = point(op, 1);
        Tensor u = Tensor.uniform(rng(op, 2), -1, 1, z.size());
        ValueAndTangent vt = Ad.jvp(f, z, u);
        close(op + " value", vt.value(), f.apply(z), 0);
        if (op.zeroDerivative()) {
            close(op + " tangent", vt.tangent(), Tensor.zerosLike(vt.value()), 0);
        } else {
            close(op + " jvp vs central difference", vt.tangent(), central(f, z, u), 1e-6);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void reverseModeMatchesFiniteDifferences(Op op) {
        Tensor z = point(op, 1);
        Function<Tensor, Tensor> s = scalarized(op, z);
        Tensor u = Tensor.uniform(rng(op, 2), -1, 1, z.size());
        Tensor g = Ad.grad(s).apply(z);
        assertThat(g.shape()).isEqualTo(z.shape());
        if (op.zeroDerivative()) {
            close(op + " gradient", g, Tensor.zerosLike(z), 0);
            return;
        }
        close(op + " <grad, u> vs central difference", Tensor.scalar(Checks.inner(g, u)), central(s, z, u), 1e-6);
        close(op + " <grad, u> vs jvp", Tensor.scalar(Checks.inner(g, u)), Ad.jvp(s, z, u).tangent(), 1e-10);
        ValueAndPullback vp = Ad.vjp(packed(op), z);
        Tensor w = Tensor.uniform(rng(op, 7), -1, 1, vp.value().shape().dims());
        close(op + " vjp vs grad", vp.pullback().apply(w), g, 1e-12);
        Linearized lin = Ad.linearize(packed(op), z);
        close(op + " linearize vs jvp", lin.jvp().apply(u), Ad.jvp(packed(op), z, u).tangent(), 1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void secondOrderForwardOverReverseMatchesFiniteDifferences(Op op) {
        Tensor z = point(op, 1);
        Function<Tensor, Tensor> s = scalarized(op, z);
        Tensor u = Tensor.uniform(rng(op, 2), -1, 1, z.size());
        Tensor hv = Ad.hvp(s, z, u);
        if (op.zeroDerivative()) {
            close(op + " hvp", hv, Tensor.zerosLike(z), 0);
            return;
        }
        close(op + " hvp vs central difference of the gradient", hv, central(Ad.grad(s), z, u), 1e-5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void secondOrderReverseOverReverseAndForwardOverForwardAgree(Op op) {
        Tensor z = point(op, 1);
        Function<Tensor, Tensor> s = scalarized(op, z);
        Tensor u = Tensor.uniform(rng(op, 2), -1, 1, z.size());
        Tensor hv = Ad.hvp(s, z, u);
        Tensor rr = Ad.grad((Tensor y) -> Ad.grad(s).apply(y).mul(u).sum()).apply(z);
        close(op + " reverse over reverse vs forward over reverse", rr, hv, 1e-9);
        Tensor ff = Ad.jvp((Tensor y) -> Ad.jvp(s, y, u).tangent(), z, u).tangent();
        close(op + " forward over forward vs <u, Hu>", ff, Tensor.scalar(Checks.inner(hv, u)), 1e-9);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void vmapMatchesLoop(Op op) {
        int n = inputSize(op);
        Rng r = rng(op, 3);
        Tensor zs = Tensor.uniform(r, op.lo(), op.hi(), 3, n);
        Function<Tensor, Tensor> f = packed(op);
        Function<Tensor, Tensor> s = scalarized(op, zs.index(0));
        Tensor batched = Ad.vmap(f).apply(zs);
        Tensor grads = Ad.vmap(Ad.grad(s)).apply(zs);
        Tensor[] loop = new Tensor[3];
        Tensor[] gloop = new Tensor[3];
        for (int i = 0; i < 3; i++) {
            loop[i] = f.apply(zs.index(i));
            gloop[i] = Ad.grad(s).apply(zs.index(i));
        }
        close(op + " vmap vs loop", batched, Tensor.stack(0, loop), 1e-12);
        close(op + " vmap(grad) vs loop", grads, Tensor.stack(0, gloop), 1e-12);
        // The batch axis elsewhere: in on axis 1, out on the last axis.
        Tensor moved = Ad.vmap(f, 1, -1).apply(zs.transpose());
        Tensor expected = Tensor.stack(-1, loop);
        close(op + " vmap(in 1, out -1) vs loop", moved, expected, 1e-12);
    }
}
