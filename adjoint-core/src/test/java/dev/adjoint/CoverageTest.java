package dev.adjoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Vjp;
import dev.adjoint.primitive.Primitive;
import dev.adjoint.primitive.Unary;
import dev.adjoint.scalar.Elementary;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Fails when a primitive, a row of the scalar table or a public Tensor operation has no row in the op table. */
class CoverageTest {

    /** Tensor methods that are not operations: factories and inspection. */
    private static final Set<String> NOT_OPS = Set.of("of", "traced", "scalar", "zeros", "ones", "full", "zerosLike",
            "onesLike", "arange", "linspace", "eye", "rand", "randn", "uniform", "tracer", "isConcrete", "array",
            "shape", "rank", "size", "dim", "item", "get", "toArray", "toString", "dtype", "ofFloats");

    /**
     * Operations and primitives whose rounding defeats float64 finite differences, so the op table cannot hold them:
     * the casts, checked in every mode by {@link DTypeTest}.
     */
    private static final Set<String> CHECKED_BY_DTYPE_TEST = Set.of("astype", "Cast");

    private static void permitted(Class<?> c, Set<Class<?>> out) {
        if (c.isRecord()) {
            out.add(c);
        }
        Class<?>[] subs = c.getPermittedSubclasses();
        if (subs != null) {
            for (Class<?> s : subs) {
                permitted(s, out);
            }
        }
    }

    @Test
    void everyPrimitiveAndTableRowRunsInSomeRowAndShapeRulesAgreeWithKernels() {
        Set<Class<?>> all = new HashSet<>();
        permitted(Primitive.class, all);
        assertThat(all).hasSizeGreaterThan(20);
        Set<Class<?>> primitives = new HashSet<>();
        Set<Object> functions = new HashSet<>();
        List<String> shapeMismatches = new ArrayList<>();
        try (Capture r = new Capture()) {
            for (OpTable.Op op : OpTable.rows()) {
                // Forward and backward, so that primitives used only by rules are seen too.
                Vjp tape = new Vjp();
                List<Tensor> xs = new ArrayList<>();
                Tensor y;
                try {
                    for (Shape s : op.shapes()) {
                        xs.add(tape.watch(r.wrap(Tensor.uniform(Rng.seed(1), op.lo(), op.hi(), s.dims()))));
                    }
                    y = op.f().apply(xs);
                } finally {
                    tape.close();
                }
                tape.backward(y, Tensor.onesLike(y), xs.toArray(new Tensor[0]));
            }
            for (Capture.Application a : r.seen) {
                primitives.add(a.p().getClass());
                if (a.p() instanceof Unary) {
                    functions.add(((Unary) a.p()).function());
                }
                if (!a.predictedShape().equals(a.output().shape())) {
                    shapeMismatches.add(a + ": shape rule " + a.predictedShape() + ", kernel " + a.output().shape());
                }
            }
        }
        Set<String> missing = new TreeSet<>();
        for (Class<?> c : all) {
            if (!primitives.contains(c) && !CHECKED_BY_DTYPE_TEST.contains(c.getSimpleName())) {
                missing.add(c.getSimpleName());
            }
        }
        assertThat(missing).as("primitives without a row in the op table").isEmpty();
        assertThat(shapeMismatches).as("shape rules that disagree with the kernels").isEmpty();
        Set<String> missingRows = new TreeSet<>();
        for (Elementary e : Elementary.values()) {
            if (!functions.contains(e)) {
                missingRows.add(e.name());
            }
        }
        assertThat(missingRows).as("scalar table rows without a row in the op table").isEmpty();
    }

    @Test
    void everyPublicTensorOperationHasARow() {
        Set<String> covered = new HashSet<>();
        for (OpTable.Op op : OpTable.rows()) {
            covered.add(op.method());
        }
        Set<String> missing = new TreeSet<>();
        for (Method m : Tensor.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !NOT_OPS.contains(m.getName()) && !covered.contains(m.getName())
                    && !CHECKED_BY_DTYPE_TEST.contains(m.getName())) {
                missing.add(m.getName());
            }
        }
        assertThat(missing).as("public Tensor operations without a row in the op table").isEmpty();
    }
}
