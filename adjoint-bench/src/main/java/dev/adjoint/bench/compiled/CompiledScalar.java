package dev.adjoint.bench.compiled;

import dev.adjoint.bench.Impl;
import dev.adjoint.bench.Measurement;
import dev.adjoint.bench.Row;
import dev.adjoint.bench.Task;
import dev.adjoint.bench.Workload;
import dev.adjoint.bench.scalar.ScalarWorkload;
import dev.adjoint.graph.compile.CompiledGradient;
import dev.adjoint.graph.compile.ScalarCompiler;
import java.util.List;

/**
 * A scalar workload's value and gradient as straight-line generated JVM code (its Wengert list compiled by
 * adjoint-graph), against the workload's plain double code; the dynamic tape is measured in the same run for the
 * speed-up. The compile happens once, when the task is prepared, and is reported as {@code compile_s}.
 */
public final class CompiledScalar implements Workload {

    private final ScalarWorkload base;

    /** The compiled variant of {@code base}, with id {@code compiled_<base id>}. */
    public CompiledScalar(ScalarWorkload base) {
        this.base = base;
    }

    @Override
    public String id() {
        return "compiled_" + base.id();
    }

    @Override
    public String description() {
        return base.description() + ", compiled Wengert list (adjoint-graph)";
    }

    @Override
    public List<Impl> impls() {
        return List.of(Impl.OBJECTIVE, Impl.ADJOINT_COMPILED, Impl.ADJOINT_REVERSE);
    }

    @Override
    public Task task(Impl impl) {
        if (impl != Impl.ADJOINT_COMPILED) {
            return base.task(impl);
        }
        double[] x = base.point();
        double[] g = new double[x.length];
        CompiledGradient c = ScalarCompiler.compile(base.function(), x);
        return () -> c.valueAndGradient(x, g) + g[0];
    }

    @Override
    public Row extras(Impl impl, Measurement time) {
        if (impl != Impl.ADJOINT_COMPILED) {
            return Row.empty();
        }
        long t0 = System.nanoTime();
        CompiledGradient c = ScalarCompiler.compile(base.function(), base.point());
        return Row.empty().with("steps", c.steps()).with("compile_s", (System.nanoTime() - t0) / 1e9);
    }
}
