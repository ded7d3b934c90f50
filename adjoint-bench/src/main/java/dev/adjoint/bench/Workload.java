package dev.adjoint.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A benchmark workload: one function on fixed inputs, the baseline it is compared with, and the implementations
 * measured against that baseline in the same run.
 *
 * <p>To add one: write a class implementing this interface (or extending {@link NamedWorkload}; for scalar functions,
 * extend {@code dev.adjoint.bench.scalar.ScalarWorkload}) and add one line to {@link Workloads}.
 */
public interface Workload {

    /** The id used by {@code --only}, in tables and in JSON (e.g. {@code rosenbrock}). */
    String id();

    /** The id {@code --only} also selects it by (e.g. {@code gemm} for {@code gemm_512}); the id by default. */
    default String group() {
        return id();
    }

    /** One line saying what is computed. */
    String description();

    /** The implementations measured, the baseline {@link Impl#OBJECTIVE} first. */
    List<Impl> impls();

    /** A fresh task computing this workload with {@code impl} on the workload's inputs. */
    Task task(Impl impl);

    /**
     * The inputs and this library's results as one JSON object, for the comparison scripts (see
     * {@code python/compare_torch.py}); empty when the workload has nothing to compare.
     */
    default Optional<String> exportJson() {
        return Optional.empty();
    }

    /** The heap its forks need at least, in megabytes (0: the settings' heap is enough). */
    default int heapMegabytes() {
        return 0;
    }

    /** Fields added to {@code impl}'s report row (e.g. tape size, ns per recorded operation). */
    default Row extras(Impl impl, Measurement time) {
        return Row.empty();
    }

    /**
     * The report rows: one per derivative implementation, its median time next to the baseline's from the same run,
     * and {@code ratio_min}, the ratio of the fastest iterations (less sensitive to a busy machine), with their times.
     */
    default List<Row> rows(Map<Impl, Measurement> times) {
        Measurement objective = times.get(Impl.OBJECTIVE);
        List<Row> rows = new ArrayList<>();
        for (Impl impl : impls()) {
            Measurement t = times.get(impl);
            if (impl == Impl.OBJECTIVE || t == null || objective == null) {
                continue;
            }
            Row row = Row.empty()
                    .with("workload", id())
                    .with("impl", impl.label())
                    .with("t_obj_s", objective.median())
                    .with("t_grad_s", t.median())
                    .with("ratio", t.median() / objective.median())
                    .with("ratio_min", t.min() / objective.min())
                    .with("t_obj_min_s", objective.min())
                    .with("t_grad_min_s", t.min());
            for (Map.Entry<String, Object> e : extras(impl, t).fields().entrySet()) {
                row = row.with(e.getKey(), e.getValue());
            }
            rows.add(row);
        }
        return rows;
    }
}
