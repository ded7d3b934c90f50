package dev.adjoint.graph.compile;

import dev.adjoint.Tensor;
import java.util.function.Function;

/** Just-in-time compilation of tensor functions (any transform of them included: {@code Ad.valueAndGrad(f)}). */
public final class Jit {

    private Jit() {
    }

    /** {@code f} compiled for the shape of {@code example} now, and for other shapes on first use. */
    public static <T> CompiledFunction<T> compile(Function<Tensor, T> f, Tensor example) {
        CompiledFunction<T> c = new CompiledFunction<>(f);
        c.graph(example.shape());
        return c;
    }

    /** {@code f} compiled lazily, per input shape on first use. */
    public static <T> CompiledFunction<T> compile(Function<Tensor, T> f) {
        return new CompiledFunction<>(f);
    }
}
