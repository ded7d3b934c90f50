package dev.adjoint.bench.compiled;

import dev.adjoint.Ad;
import dev.adjoint.Tensor;
import dev.adjoint.ValueAndGrad;
import dev.adjoint.bench.Impl;
import dev.adjoint.bench.Measurement;
import dev.adjoint.bench.Row;
import dev.adjoint.bench.Task;
import dev.adjoint.bench.Workload;
import dev.adjoint.examples.Rosenbrock;
import dev.adjoint.graph.compile.CompiledFunction;
import dev.adjoint.graph.compile.Jit;
import java.util.List;

/**
 * Tensor Rosenbrock, n = 10⁴: the eager value (the baseline), the eager value and gradient, and the value and
 * gradient traced, simplified, fused and compiled by {@code Jit}.
 */
public final class CompiledRosenbrockTensor implements Workload {

    private static final int N = 10_000;

    @Override
    public String id() {
        return "compiled_rosenbrock_tensor";
    }

    @Override
    public String description() {
        return "Rosenbrock, n = " + N + ", tensor code: Jit-compiled value and gradient vs eager value";
    }

    @Override
    public List<Impl> impls() {
        return List.of(Impl.OBJECTIVE, Impl.ADJOINT_COMPILED, Impl.ADJOINT_TENSOR);
    }

    @Override
    public Task task(Impl impl) {
        Tensor x = Rosenbrock.point(N, 3001);
        switch (impl) {
            case OBJECTIVE:
                return () -> Rosenbrock.value(x).item();
            case ADJOINT_TENSOR:
                return () -> {
                    ValueAndGrad<Tensor> vg = Ad.valueAndGrad(Rosenbrock::value).apply(x);
                    return vg.value().item() + vg.grad().get(0);
                };
            case ADJOINT_COMPILED:
                CompiledFunction<Tensor, ValueAndGrad<Tensor>> c = Jit.compile(Ad.valueAndGrad(Rosenbrock::value), x);
                return () -> {
                    ValueAndGrad<Tensor> vg = c.apply(x);
                    return vg.value().item() + vg.grad().get(0);
                };
            default:
                throw new IllegalArgumentException(id() + " has no implementation " + impl.label());
        }
    }

    @Override
    public Row extras(Impl impl, Measurement time) {
        if (impl != Impl.ADJOINT_COMPILED) {
            return Row.empty();
        }
        Tensor x = Rosenbrock.point(N, 3001);
        CompiledFunction<Tensor, ValueAndGrad<Tensor>> c = Jit.compile(Ad.valueAndGrad(Rosenbrock::value), x);
        c.apply(x);
        return Row.empty().with("graph_eqs", c.graph(x).size()).with("traced_eqs", c.traced(x).size())
                .with("peak_bytes", c.executor(x).peakBytes()).with("compile_s", c.compileNanos() / 1e9);
    }
}
