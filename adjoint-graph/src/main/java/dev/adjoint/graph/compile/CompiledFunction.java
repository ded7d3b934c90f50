package dev.adjoint.graph.compile;

import dev.adjoint.Tensor;
import dev.adjoint.Tree;
import dev.adjoint.array.Shape;
import dev.adjoint.graph.Graph;
import dev.adjoint.graph.Stage;
import dev.adjoint.graph.Var;
import dev.adjoint.graph.pass.Passes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A function traced, optimised and compiled once per input shape: the first call with a new shape retraces
 * (Java control flow is fixed at trace time for the path taken), later calls run the cached executor.
 * Results have the structure the function returns (a tensor, a record such as {@code ValueAndGrad}, a list...).
 */
public final class CompiledFunction<T> implements Function<Tensor, T> {

    private record Entry<T>(Graph traced, Executor executor, T template) {
    }

    private final Function<Tensor, T> f;
    private final Map<Shape, Entry<T>> cache = new ConcurrentHashMap<>();
    private long compileNanos;

    CompiledFunction(Function<Tensor, T> f) {
        this.f = f;
    }

    @Override
    public T apply(Tensor x) {
        Entry<T> e = entry(x.shape());
        synchronized (e.executor()) {
            return Tree.rebuild(e.template(), e.executor().run(x));
        }
    }

    /** The graph as traced (before the passes) for inputs of {@code shape}. */
    public Graph traced(Shape shape) {
        return entry(shape).traced();
    }

    /** The optimised graph that runs for inputs of {@code shape}. */
    public Graph graph(Shape shape) {
        return entry(shape).executor().graph();
    }

    /** The executor for inputs of {@code shape} (its peak bytes describe the last run). */
    public Executor executor(Shape shape) {
        return entry(shape).executor();
    }

    /** How many shapes have been traced and compiled. */
    public int traces() {
        return cache.size();
    }

    /** Total time spent tracing, optimising and compiling, in nanoseconds. */
    public long compileNanos() {
        return compileNanos;
    }

    private Entry<T> entry(Shape shape) {
        return cache.computeIfAbsent(shape, s -> {
            long t0 = System.nanoTime();
            Graph g;
            T template;
            try (Stage stage = new Stage()) {
                Var v = Var.fresh(s);
                template = f.apply(stage.input(v));
                g = stage.build(List.of(v), Tree.leaves(template));
            }
            Graph opt = Passes.optimize().apply(g);
            Entry<T> e = new Entry<>(g, Executor.compiled(opt), template);
            compileNanos += System.nanoTime() - t0;
            return e;
        });
    }
}
