package dev.adjoint.primitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.Capture;
import dev.adjoint.Capture.Application;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Interpreter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each primitive's rules checked directly, on every application that the op table's rows make (captured by a
 * recording interpreter): the VJP is the transpose of the JVP, ⟨ȳ, J ẋ⟩ = Σᵢ ⟨x̄ᵢ, ẋᵢ⟩, and the batching rule
 * agrees with applying the primitive example by example.
 */
class PrimitiveRulesTest {

    @SuppressWarnings("unchecked")
    static Stream<Application> applications() throws Exception {
        Class<?> table = Class.forName("dev.adjoint.OpTable");
        Method rows = table.getDeclaredMethod("rows");
        rows.setAccessible(true);
        List<Application> all = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Capture c = new Capture()) {
            for (Object op : (List<Object>) rows.invoke(null)) {
                Method shapes = op.getClass().getDeclaredMethod("shapes");
                Method f = op.getClass().getDeclaredMethod("f");
                Method lo = op.getClass().getDeclaredMethod("lo");
                Method hi = op.getClass().getDeclaredMethod("hi");
                shapes.setAccessible(true);
                f.setAccessible(true);
                lo.setAccessible(true);
                hi.setAccessible(true);
                List<Tensor> xs = new ArrayList<>();
                for (Shape s : (Shape[]) shapes.invoke(op)) {
                    xs.add(c.wrap(Tensor.uniform(Rng.seed(5), (double) lo.invoke(op), (double) hi.invoke(op),
                            s.dims())));
                }
                ((java.util.function.Function<List<Tensor>, Tensor>) f.invoke(op)).apply(xs);
            }
            // One application per primitive and input shapes is enough.
            for (Application a : c.seen) {
                String key = a.p() + a.toString();
                if (!names.contains(key)) {
                    names.add(key);
                    all.add(a);
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applications")
    void vjpIsTheTransposeOfJvp(Application a) {
        Rng rng = Rng.seed(a.toString().hashCode());
        Tensor[] x = a.inputs();
        Tensor y = a.output();
        Tensor[] t = new Tensor[x.length];
        boolean[] wanted = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            t[i] = Tensor.uniform(rng, -1, 1, x[i].shape().dims());
            wanted[i] = true;
        }
        Tensor ybar = Tensor.uniform(rng, -1, 1, y.shape().dims());
        Tensor jt = a.p().jvp(x, t, y);
        Tensor[] xbar = a.p().vjp(ybar, x, y, wanted);
        double lhs = jt == null ? 0 : ybar.mul(jt).sum().item();
        double rhs = 0;
        for (int i = 0; i < x.length; i++) {
            if (xbar[i] != null) {
                assertThat(xbar[i].shape()).as("cotangent shape of input " + i).isEqualTo(x[i].shape());
                rhs += xbar[i].mul(t[i]).sum().item();
            }
        }
        assertThat(lhs).isCloseTo(rhs, within(1e-12 * (1 + Math.abs(lhs))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applications")
    void batchingRuleAgreesWithALoop(Application a) {
        Tensor[] x = a.inputs();
        int size = 2;
        for (int only = -1; only < x.length; only++) {
            // All inputs batched (only = −1), or just one of them.
            Tensor[] b = new Tensor[x.length];
            boolean[] batched = new boolean[x.length];
            Tensor[][] perExample = new Tensor[size][x.length];
            for (int i = 0; i < x.length; i++) {
                batched[i] = only < 0 || only == i;
                if (batched[i]) {
                    Tensor second = x[i].mul(0.5).add(0.25);
                    b[i] = Tensor.stack(0, x[i], second);
                    perExample[0][i] = x[i];
                    perExample[1][i] = second;
                } else {
                    b[i] = x[i];
                    perExample[0][i] = x[i];
                    perExample[1][i] = x[i];
                }
            }
            Tensor out;
            Tensor expected;
            try {
                expected = Tensor.stack(0, Interpreter.bind(a.p(), perExample[0]), Interpreter.bind(a.p(),
                        perExample[1]));
            } catch (RuntimeException e) {
                continue; // the perturbed example is outside the primitive's domain (e.g. a gather index)
            }
            out = a.p().batch(b, batched, size);
            assertThat(out.shape()).as("batched shape, batched " + only).isEqualTo(expected.shape());
            assertThat(out.toArray()).as("batched values, batched " + only)
                    .containsExactly(expected.toArray(), within(1e-12));
        }
    }
}
