package dev.adjoint.bench.tensor;

import dev.adjoint.bench.Impl;
import dev.adjoint.bench.Task;
import dev.adjoint.bench.Workload;
import java.util.List;

/**
 * A workload in tensor code: the value computed by this library without any transform (the baseline,
 * {@link Impl#OBJECTIVE}) against the same code under a derivative transform ({@link Impl#ADJOINT_TENSOR}), so the
 * ratio is ρ = T(value + derivative) / T(value), both with this library.
 */
public abstract class TensorWorkload implements Workload {

    private final String id;
    private final String description;

    /** A workload with this id and one-line description. */
    protected TensorWorkload(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<Impl> impls() {
        return List.of(Impl.OBJECTIVE, Impl.ADJOINT_TENSOR);
    }

    @Override
    public Task task(Impl impl) {
        if (impl == Impl.OBJECTIVE) {
            return valueTask();
        }
        if (impl == Impl.ADJOINT_TENSOR) {
            return derivativeTask();
        }
        throw new IllegalArgumentException(id + " has no implementation " + impl.label());
    }

    /** The value alone, no transform. */
    public abstract Task valueTask();

    /** The value and its derivative under the transform. */
    public abstract Task derivativeTask();
}
