package dev.adjoint;

import static dev.adjoint.Checks.close;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.OpTable.Op;
import dev.adjoint.array.DType;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Vjp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * float32: every op-table row run in float32 against the same row in float64 (values, gradients, tangents and
 * second order, to float32 tolerances), every kernel keeping float32 in float32, the casts in every mode, and the
 * promotion rule of mixed-dtype operations.
 */
class DTypeTest {

    private static final DType F32 = DType.FLOAT32;
    private static final DType F64 = DType.FLOAT64;

    /** float32 has a 24-bit significand (ε ≈ 6e-8); a few roundings per element stay well inside these. */
    private static final double VALUE_TOL = 2e-5;
    private static final double DERIVATIVE_TOL = 2e-4;

    static Stream<Op> rows() {
        return OpTable.rows().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyRowInFloat32AgreesWithFloat64(Op op) {
        Function<Tensor, Tensor> f = OpTableTest.packed(op);
        Tensor z64 = OpTableTest.point(op, 1).astype(F32).astype(F64); // the same inputs, exactly, in both dtypes
        Tensor z32 = z64.astype(F32);
        Tensor u = Tensor.uniform(OpTableTest.rng(op, 2), -1, 1, z64.size()).astype(F32);
        close(op + " float32 value", f.apply(z32), f.apply(z64), VALUE_TOL);

        Function<Tensor, Tensor> s = OpTableTest.scalarized(op, z64);
        Tensor g32 = Ad.grad(s).apply(z32);
        assertThat(g32.dtype()).as(op + ": the gradient of a float32 input").isEqualTo(F32);
        close(op + " float32 gradient", g32, Ad.grad(s).apply(z64), DERIVATIVE_TOL);

        ValueAndTangent vt32 = Ad.jvp(f, z32, u);
        ValueAndTangent vt64 = Ad.jvp(f, z64, u.astype(F64));
        assertThat(vt32.tangent().dtype()).as(op + ": tangent dtype").isEqualTo(vt32.value().dtype());
        close(op + " float32 jvp", vt32.tangent(), vt64.tangent(), DERIVATIVE_TOL);

        Tensor hv32 = Ad.hvp(s, z32, u);
        assertThat(hv32.dtype()).as(op + ": hvp of a float32 input").isEqualTo(F32);
        close(op + " float32 hvp", hv32, Ad.hvp(s, z64, u.astype(F64)), 10 * DERIVATIVE_TOL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyKernelKeepsFloat32InFloat32(Op op) {
        List<String> widened = new ArrayList<>();
        try (Capture r = new Capture()) {
            Vjp tape = new Vjp();
            List<Tensor> xs = new ArrayList<>();
            Tensor y;
            try {
                for (Shape sh : op.shapes()) {
                    Tensor x = Tensor.uniform(Rng.seed(1), op.lo(), op.hi(), sh.dims()).astype(F32);
                    xs.add(tape.watch(r.wrap(x)));
                }
                y = op.f().apply(xs);
            } finally {
                tape.close();
            }
            tape.backward(y, Tensor.onesLike(y), xs.toArray(new Tensor[0]));
            for (Capture.Application a : r.seen) {
                boolean all32 = a.inputs().length > 0;
                for (Tensor in : a.inputs()) {
                    all32 &= in.dtype() == F32;
                }
                if (all32 && a.output().dtype() != F32) {
                    widened.add(a + " gave " + a.output().dtype());
                }
            }
        }
        assertThat(widened).as(op + ": primitives that widened float32 inputs").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void vmapInFloat32MatchesTheLoop(Op op) {
        int n = OpTableTest.inputSize(op);
        Tensor zs = Tensor.uniform(OpTableTest.rng(op, 3), op.lo(), op.hi(), 3, n).astype(F32);
        Function<Tensor, Tensor> f = OpTableTest.packed(op);
        Tensor[] loop = new Tensor[3];
        for (int i = 0; i < 3; i++) {
            loop[i] = f.apply(zs.index(i));
        }
        Tensor batched = Ad.vmap(f).apply(zs);
        assertThat(batched.dtype()).isEqualTo(loop[0].dtype());
        close(op + " float32 vmap vs loop", batched, Tensor.stack(0, loop), 1e-6);
    }

    // ---- the casts, in every mode (finite differences cannot see through float32 rounding; the rules can be
    // checked exactly against the function they must equal) ----

    /** cos(x) through a float32 round trip: the cast's rules are the identity up to rounding. */
    private static Tensor roundTripSin(Tensor x) {
        return x.astype(F32).sin().astype(F64).mul(x).sum();
    }

    @Test
    void castRulesInEveryMode() {
        Tensor x = Tensor.uniform(Rng.seed(5), -2, 2, 7);
        Tensor u = Tensor.uniform(Rng.seed(6), -1, 1, 7);
        Function<Tensor, Tensor> exact = y -> y.sin().mul(y).sum();
        Tensor g = Ad.grad(DTypeTest::roundTripSin).apply(x);
        assertThat(g.dtype()).isEqualTo(F64);
        close("grad through astype", g, Ad.grad(exact).apply(x), 1e-6);
        close("jvp through astype", Ad.jvp(DTypeTest::roundTripSin, x, u).tangent(),
                Ad.jvp(exact, x, u).tangent(), 1e-6);
        close("hvp through astype", Ad.hvp(DTypeTest::roundTripSin, x, u), Ad.hvp(exact, x, u), 1e-6);
        Tensor rr = Ad.grad((Tensor y) -> Ad.grad(DTypeTest::roundTripSin).apply(y).mul(u).sum()).apply(x);
        close("reverse over reverse through astype", rr, Ad.hvp(exact, x, u), 1e-6);
        Tensor xs = Tensor.uniform(Rng.seed(7), -2, 2, 3, 7);
        Tensor vg = Ad.vmap(Ad.grad(DTypeTest::roundTripSin)).apply(xs);
        for (int i = 0; i < 3; i++) {
            close("vmap(grad) through astype, row " + i, vg.index(i), Ad.grad(exact).apply(xs.index(i)), 1e-6);
        }
    }

    @Test
    void castIsExactWideningAndNearestNarrowing() {
        Tensor x = Tensor.of(0.1, 1e-50, 3.4e39, -2.5, Double.NaN);
        Tensor y = x.astype(F32);
        assertThat(y.dtype()).isEqualTo(F32);
        assertThat(y.toArray()).containsExactly((double) 0.1f, 0.0, Double.POSITIVE_INFINITY, -2.5, Double.NaN);
        assertThat(y.astype(F64).astype(F32).array()).isEqualTo(y.array());
        assertThat(x.astype(F64)).isSameAs(x);
        assertThat(Tensor.scalar(2, F32).dtype()).isEqualTo(F32);
        assertThat(Tensor.zerosLike(y).dtype()).isEqualTo(F32);
        assertThat(y.toString()).endsWith("(float32)");
    }

    @Test
    void gradientsHaveTheirInputsDtypes() {
        Tensor a = Tensor.uniform(Rng.seed(8), -1, 1, 4).astype(F32);
        Tensor b = Tensor.uniform(Rng.seed(9), -1, 1, 4);
        List<Tensor> g = Ad.grad((Tensor p, Tensor q) -> p.mul(q).sin().sum()).apply(a, b);
        assertThat(g.get(0).dtype()).isEqualTo(F32);
        assertThat(g.get(1).dtype()).isEqualTo(F64);
        Tensor a64 = a.astype(F64);
        close("d/da of mixed mul", g.get(0), a64.mul(b).cos().mul(b), 1e-6);
        close("d/db of mixed mul", g.get(1), a64.mul(b).cos().mul(a64), 1e-12);
    }

    // ---- promotion, as NumPy 2 and PyTorch do it ----

    static Stream<Arguments> promotions() {
        return Stream.of(
                Arguments.of(F32, 1, F32, 1, F32),
                Arguments.of(F32, 1, F64, 1, F64),
                Arguments.of(F64, 2, F32, 1, F64),
                Arguments.of(F32, 2, F64, 0, F32),
                Arguments.of(F64, 0, F32, 3, F32),
                Arguments.of(F32, 0, F64, 0, F64),
                Arguments.of(F64, 0, F64, 1, F64));
    }

    @ParameterizedTest(name = "{0}[rank {1}] with {2}[rank {3}] gives {4}")
    @MethodSource("promotions")
    void mixedOperationsPromote(DType ta, int ra, DType tb, int rb, DType expected) {
        assertThat(DType.result(ta, ra, tb, rb)).isEqualTo(expected);
        Tensor a = Tensor.ones(ta, dims(ra));
        Tensor b = Tensor.ones(tb, dims(rb));
        assertThat(a.add(b).dtype()).isEqualTo(expected);
        assertThat(a.mul(b).dtype()).isEqualTo(expected);
        assertThat(Tensor.where(a.gt(0), a, b).dtype()).isEqualTo(expected);
    }

    private static int[] dims(int rank) {
        int[] d = new int[rank];
        java.util.Arrays.fill(d, 2);
        return d;
    }

    @Test
    void constantsAndConcatAndMatmulPromote() {
        Tensor a = Tensor.ones(F32, 2, 2);
        Tensor b = Tensor.ones(2, 2);
        assertThat(a.mul(3.0).dtype()).isEqualTo(F32);
        assertThat(a.rdiv(3.0).dtype()).isEqualTo(F32);
        assertThat(a.maximum(0).dtype()).isEqualTo(F32);
        assertThat(a.matmul(b).dtype()).isEqualTo(F64);
        assertThat(a.matmul(a).dtype()).isEqualTo(F32);
        assertThat(Tensor.concat(0, a, b).dtype()).isEqualTo(F64);
        assertThat(Tensor.concat(0, a, a).dtype()).isEqualTo(F32);
    }

    // ---- the float kernels against the double ones on larger inputs (BLAS sgemm, im2col, pooling) ----

    @Test
    void sgemmMatchesDgemm() {
        Tensor a = Tensor.uniform(Rng.seed(10), -1, 1, 67, 130);
        Tensor b = Tensor.uniform(Rng.seed(11), -1, 1, 130, 45);
        Tensor c32 = a.astype(F32).matmul(b.astype(F32));
        assertThat(c32.dtype()).isEqualTo(F32);
        close("sgemm vs dgemm", c32, a.astype(F32).astype(F64).matmul(b.astype(F32).astype(F64)), 1e-5);
        Tensor bt = b.transpose();
        close("sgemm with a transposed operand", a.astype(F32).matmul(bt.astype(F32).transpose()), c32, 0);
    }

    @Test
    void convolutionAndPoolingInFloat32() {
        Tensor x = Tensor.uniform(Rng.seed(12), -1, 1, 4, 14, 14, 3).astype(F32);
        Tensor w = Tensor.uniform(Rng.seed(13), -1, 1, 3, 3, 3, 8).astype(F32);
        BiFunction<Tensor, Tensor, Tensor> net = (p, q) -> p.conv2d(q, 1, 1).relu().maxPool2d(2, 2, 0)
                .avgPool2d(2, 2, 0).square().sum();
        List<Tensor> g32 = Ad.grad(net).apply(x, w);
        List<Tensor> g64 = Ad.grad(net).apply(x.astype(F64), w.astype(F64));
        assertThat(g32.get(0).dtype()).isEqualTo(F32);
        assertThat(g32.get(1).dtype()).isEqualTo(F32);
        close("conv/pool gradient wrt input in float32", g32.get(0), g64.get(0), 1e-4);
        close("conv/pool gradient wrt kernel in float32", g32.get(1), g64.get(1), 1e-4);
    }

    // ---- misuse ----

    @Test
    void float32BuffersAndBadNamesSayWhatToDo() {
        NdArray a = NdArray.ofFloats(Shape.of(2), 1f, 2f);
        assertThatThrownBy(a::buffer).hasMessageContaining("float32").hasMessageContaining("floatBuffer()");
        assertThatThrownBy(() -> NdArray.of(Shape.of(1), 1).floatBuffer()).hasMessageContaining("buffer()");
        assertThatThrownBy(() -> DType.parse("float16")).hasMessageContaining("'float16'")
                .hasMessageContaining("float32 or float64");
        assertThat(DType.parse("F32")).isEqualTo(F32);
        assertThat(DType.parse("double")).isEqualTo(F64);
        assertThatThrownBy(() -> Tensor.ofFloats(Shape.of(3), 1f)).hasMessageContaining("3");
    }
}
