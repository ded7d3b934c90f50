package dev.adjoint.bench.tensor;

import dev.adjoint.Tensor;
import dev.adjoint.bench.Impl;
import dev.adjoint.bench.NamedWorkload;
import dev.adjoint.bench.Json;
import dev.adjoint.bench.Task;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workload in tensor code: the value computed by this library without any transform (the baseline,
 * {@link Impl#OBJECTIVE}) against the same code under a derivative transform ({@link Impl#ADJOINT_TENSOR}), so the
 * ratio is ρ = T(value + derivative) / T(value), both with this library.
 */
public abstract class TensorWorkload extends NamedWorkload {

    /** A workload with this id and one-line description. */
    protected TensorWorkload(String id, String description) {
        super(id, description);
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
        throw new IllegalArgumentException(id() + " has no implementation " + impl.label());
    }

    /** The value alone, no transform. */
    public abstract Task valueTask();

    /** The value and its derivative under the transform. */
    public abstract Task derivativeTask();

    /**
     * The named tensors for the comparison scripts: the inputs and this library's results (e.g. {@code x},
     * {@code value}, {@code grad.x}), in order.
     */
    protected abstract Map<String, Tensor> exported();

    /** {@code {"workload": …, "tensors": {name: {"shape": […], "data": […]}, …}}}. */
    @Override
    public Optional<String> exportJson() {
        StringBuilder b = new StringBuilder("{\"workload\": ").append(Json.string(id()))
                .append(", \"description\": ").append(Json.string(description())).append(", \"tensors\": {");
        String sep = "";
        for (Map.Entry<String, Tensor> e : exported().entrySet()) {
            int[] dims = e.getValue().shape().dims();
            double[] shape = new double[dims.length];
            for (int i = 0; i < dims.length; i++) {
                shape[i] = dims[i];
            }
            b.append(sep).append(Json.string(e.getKey())).append(": {\"shape\": ").append(Json.array(shape))
                    .append(", \"data\": ").append(Json.array(e.getValue().toArray())).append('}');
            sep = ", ";
        }
        return Optional.of(b.append("}}").toString());
    }
}
