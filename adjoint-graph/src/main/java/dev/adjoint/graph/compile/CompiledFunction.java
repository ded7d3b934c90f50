package dev.adjoint.graph.compile;

import dev.adjoint.Tensor;
import dev.adjoint.Tree;
import dev.adjoint.array.Shape;
import dev.adjoint.graph.Graph;
import dev.adjoint.graph.Stage;
import dev.adjoint.graph.Var;
import dev.adjoint.graph.pass.Passes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A function traced, optimised and compiled once per input signature (the shapes of the argument's tensors): the
 * first call with new shapes retraces (Java control flow is fixed at trace time, for the path taken), later calls
 * run the cached executor. The argument and the result may be tensors or structures of them (records such as
 * {@code ValueAndGrad}, lists, maps).
 *
 * <p><b>Threads.</b> Thread-safe: the first call with new input shapes traces and compiles once
 * (other threads asking for the same shapes wait for it); calls with the same shapes then run one at a time, since
 * their executor reuses its buffers, and calls with different shapes run in parallel.
 */
public final class CompiledFunction<A, R> implements Function<A, R> {

    private record Entry<R>(Graph traced, Executor executor, R template) {
    }

    private final Function<A, R> f;
    private final Map<List<Shape>, Entry<R>> cache = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.LongAdder compileNanos = new java.util.concurrent.atomic.LongAdder();

    CompiledFunction(Function<A, R> f) {
        this.f = f;
    }

    @Override
    public R apply(A x) {
        Entry<R> e = entry(x);
        synchronized (e.executor()) {
            return Tree.rebuild(e.template(), e.executor().run(Tree.leaves(x).toArray(new Tensor[0])));
        }
    }

    /** The graph as traced (before the passes) for arguments shaped like {@code x}. */
    public Graph traced(A x) {
        return entry(x).traced();
    }

    /** The optimised graph that runs for arguments shaped like {@code x}. */
    public Graph graph(A x) {
        return entry(x).executor().graph();
    }

    /** The executor for arguments shaped like {@code x} (its peak bytes describe its last run). */
    public Executor executor(A x) {
        return entry(x).executor();
    }

    /** How many input signatures have been traced and compiled. */
    public int traces() {
        return cache.size();
    }

    /** Total time spent tracing, optimising and compiling, in nanoseconds. */
    public long compileNanos() {
        return compileNanos.sum();
    }

    private Entry<R> entry(A x) {
        List<Tensor> leaves = Tree.leaves(x);
        List<Shape> key = new ArrayList<>();
        for (Tensor t : leaves) {
            key.add(t.shape());
        }
        return cache.computeIfAbsent(key, s -> {
            long t0 = System.nanoTime();
            Graph g;
            R template;
            try (Stage stage = new Stage()) {
                List<Var> vars = new ArrayList<>();
                List<Tensor> args = new ArrayList<>();
                for (Shape shape : s) {
                    Var v = Var.fresh(shape);
                    vars.add(v);
                    args.add(stage.input(v));
                }
                template = f.apply(Tree.rebuild(x, args));
                g = stage.build(vars, Tree.leaves(template));
            }
            Entry<R> e = new Entry<>(g, Executor.compiled(Passes.optimize().apply(g)), template);
            compileNanos.add(System.nanoTime() - t0); // signatures compile in parallel: += would lose updates
            return e;
        });
    }
}
