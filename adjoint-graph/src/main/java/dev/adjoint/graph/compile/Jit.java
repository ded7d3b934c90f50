package dev.adjoint.graph.compile;

import java.util.function.Function;

/**
 * Just-in-time compilation of tensor functions, transforms of them included ({@code Ad.valueAndGrad(f)}): the
 * function is traced into a graph, simplified, fused, and run by a planning executor with generated loops.
 *
 * <p><b>Threads.</b> Thread-safe, as are the {@link CompiledFunction}s it returns.
 */
public final class Jit {

    private Jit() {
    }

    /** {@code f} compiled now for arguments shaped like {@code example}, and for other shapes on first use. */
    public static <A, R> CompiledFunction<A, R> compile(Function<A, R> f, A example) {
        CompiledFunction<A, R> c = new CompiledFunction<>(f);
        c.graph(example);
        return c;
    }

    /** {@code f} compiled lazily, per argument shapes on first use. */
    public static <A, R> CompiledFunction<A, R> compile(Function<A, R> f) {
        return new CompiledFunction<>(f);
    }
}
