package dev.adjoint.bench.compiled;

import dev.adjoint.Ad;
import dev.adjoint.Tensor;
import dev.adjoint.ValueAndGrad;
import dev.adjoint.bench.Impl;
import dev.adjoint.bench.NamedWorkload;
import dev.adjoint.bench.Measurement;
import dev.adjoint.bench.Row;
import dev.adjoint.bench.Task;
import dev.adjoint.examples.Gmm;
import dev.adjoint.examples.Mlp;
import dev.adjoint.examples.Rosenbrock;
import dev.adjoint.Rng;
import dev.adjoint.graph.compile.CompiledFunction;
import dev.adjoint.graph.compile.Jit;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A tensor loss three ways: the eager value (the baseline), the eager value and gradient, and the value and
 * gradient traced, simplified, fused and compiled by {@code Jit}. Parameters may be a tensor or a record of them.
 *
 * @param <P> the parameters: a tensor, or a record of tensors
 */
public final class CompiledLoss<P> extends NamedWorkload {

    /** Parameters and the loss of them, built together because they share one generator. */
    public record Problem<P>(P params, Function<P, Tensor> loss) {
    }

    private final Supplier<Problem<P>> problem;

    private CompiledLoss(String id, String description, Supplier<Problem<P>> problem) {
        super(id, description);
        this.problem = problem;
    }

    /** Rosenbrock, n = 10⁴, at the scalar workload's point. */
    public static CompiledLoss<Tensor> rosenbrock() {
        return new CompiledLoss<>("compiled_rosenbrock_tensor",
                "Rosenbrock, n = 10000, tensor code: Jit-compiled value and gradient vs eager value",
                () -> new Problem<>(Rosenbrock.point(10_000, 3001), Rosenbrock::value));
    }

    /** The {@code mlp} workload (784-256-256-10, batch 128, same seed), compiled. */
    public static CompiledLoss<Mlp> mlp() {
        return new CompiledLoss<>("compiled_mlp",
                "MLP 784-256-256-10, batch 128: Jit-compiled value and gradient vs eager value", () -> {
                    Rng rng = Rng.seed(4101);
                    Mlp m = Mlp.init(rng, 784, 256, 256, 10);
                    Mlp.Data data = Mlp.data(rng, 128, 784, 10);
                    return new Problem<>(m, q -> q.loss(data));
                });
    }

    /** The {@code gmm} workload (d = 10, K = 25, n = 10⁴, same seed), compiled. */
    public static CompiledLoss<Gmm.Params> gmm() {
        return new CompiledLoss<>("compiled_gmm",
                "ADBench GMM d = 10, K = 25, n = 10000: Jit-compiled value and gradient vs eager value", () -> {
                    Rng rng = Rng.seed(4201);
                    Gmm.Problem prob = Gmm.problem(rng, 10_000, 10);
                    return new Problem<>(Gmm.params(rng, 25, 10), q -> Gmm.objective(q, prob));
                });
    }

    @Override
    public List<Impl> impls() {
        return List.of(Impl.OBJECTIVE, Impl.ADJOINT_COMPILED, Impl.ADJOINT_TENSOR);
    }

    @Override
    public Task task(Impl impl) {
        Problem<P> p = problem.get();
        switch (impl) {
            case OBJECTIVE:
                return () -> p.loss().apply(p.params()).item();
            case ADJOINT_TENSOR:
                Function<P, ValueAndGrad<P>> eager = Ad.valueAndGrad(p.loss());
                return () -> eager.apply(p.params()).value().item();
            case ADJOINT_COMPILED:
                CompiledFunction<P, ValueAndGrad<P>> c = compiled(p);
                return () -> c.apply(p.params()).value().item();
            default:
                throw new IllegalArgumentException(id() + " has no implementation " + impl.label());
        }
    }

    /** The compiled value and gradient, and the gradient it gives (for tests). */
    public ValueAndGrad<P> compiledValueAndGrad() {
        Problem<P> p = problem.get();
        return compiled(p).apply(p.params());
    }

    /** The eager value and gradient of the same problem (for tests). */
    public ValueAndGrad<P> eagerValueAndGrad() {
        Problem<P> p = problem.get();
        return Ad.valueAndGrad(p.loss()).apply(p.params());
    }

    private static <P> CompiledFunction<P, ValueAndGrad<P>> compiled(Problem<P> p) {
        return Jit.compile(Ad.valueAndGrad(p.loss()), p.params());
    }

    @Override
    public Row extras(Impl impl, Measurement time) {
        if (impl != Impl.ADJOINT_COMPILED) {
            return Row.empty();
        }
        Problem<P> p = problem.get();
        CompiledFunction<P, ValueAndGrad<P>> c = compiled(p);
        c.apply(p.params());
        return Row.empty().with("graph_eqs", c.graph(p.params()).size())
                .with("traced_eqs", c.traced(p.params()).size())
                .with("peak_bytes", c.executor(p.params()).peakBytes()).with("compile_s", c.compileNanos() / 1e9);
    }
}
