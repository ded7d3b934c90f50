package dev.adjoint.nn.train;

import dev.adjoint.Tensor;
import dev.adjoint.Tree;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.io.Npz;
import dev.adjoint.nn.Params;
import dev.adjoint.nn.optim.Optimizer;
import dev.adjoint.nn.optim.OptimizerState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A training run between two epochs, in one NumPy {@code .npz} file, so that resuming gives bit for bit what an
 * uninterrupted run gives. Names (each a float64 array):
 * <pre>
 *   params/&lt;path&gt;                      every parameter and buffer ({@code params/layers.0.weight})
 *   optimizer/&lt;kind&gt;/&lt;name&gt;             the optimiser's scalars ({@code optimizer/adam/step}), shape ()
 *   optimizer/&lt;kind&gt;/&lt;name&gt;/&lt;path&gt;      its per-parameter vectors ({@code optimizer/adam/m/layers.0.weight}),
 *                                     shaped like the parameter
 *   epoch                              the number of finished epochs, shape ()
 *   settings/&lt;name&gt;                    the run's settings the caller chose to record (seed, batch, ...), shape ()
 * </pre>
 * Loading checks the whole file against the model and the optimiser (names, shapes, optimiser family) before it
 * changes either, and names every parameter that does not fit with both shapes.
 */
public final class TrainingState {

    private static final String PARAMS = "params/";
    private static final String OPTIMIZER = "optimizer/";
    private static final String EPOCH = "epoch";
    private static final String SETTINGS = "settings/";

    private TrainingState() {
    }

    /** The parameters, the number of finished epochs and the recorded settings that a file held. */
    public record Resumed<T>(T params, int epoch, Map<String, Double> settings) {
    }

    /** Writes parameters, optimiser state and the epoch count to a {@code .npz} file, replacing it atomically. */
    public static void save(Path file, Object params, Optimizer optimizer, int epoch) {
        save(file, params, optimizer, epoch, Map.of());
    }

    /**
     * Writes parameters, optimiser state, the epoch count and settings of the run (numbers such as the seed and
     * the batch size, which a resumed run should check it shares) to a {@code .npz} file, replacing it atomically.
     */
    public static void save(Path file, Object params, Optimizer optimizer, int epoch, Map<String, Double> settings) {
        if (epoch < 0) {
            throw new IllegalArgumentException("TrainingState.save: epoch " + epoch + " (need ≥ 0)");
        }
        OptimizerState state = optimizer.state();
        Map<String, NdArray> out = new LinkedHashMap<>();
        Params.named(params).forEach((name, a) -> out.put(PARAMS + name, a));
        String prefix = OPTIMIZER + state.kind() + "/";
        state.scalars().forEach((name, v) -> out.put(prefix + name, NdArray.scalar(v)));
        List<String> paths = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        Tree.walk(params, Tensor.class::isInstance, (path, t) -> {
            paths.add(path);
            shapes.add(((Tensor) t).shape());
        });
        long total = Params.count(params);
        for (String name : state.vectorNames()) {
            double[] v = state.vector(name);
            if (v.length != total) {
                throw new IllegalStateException("TrainingState.save: the optimiser's vector '" + name + "' has "
                        + v.length + " entries, but the parameters have " + total);
            }
            int offset = 0;
            for (int i = 0; i < paths.size(); i++) {
                double[] part = new double[shapes.get(i).size()];
                System.arraycopy(v, offset, part, 0, part.length);
                offset += part.length;
                out.put(prefix + name + "/" + paths.get(i), NdArray.adopt(shapes.get(i), part));
            }
        }
        out.put(EPOCH, NdArray.scalar(epoch));
        settings.forEach((name, v) -> {
            if (name.isEmpty() || name.contains("/")) {
                throw new IllegalArgumentException("TrainingState.save: setting names are non-empty, without '/',"
                        + " got '" + name + "'");
            }
            out.put(SETTINGS + name, NdArray.scalar(v));
        });
        Npz.write(file, out);
    }

    /**
     * The parameters (a structure like {@code template}, whose buffers are overwritten) and the epoch count saved
     * in a file; {@code optimizer} (configured as for the saved run) continues from the saved state. If anything
     * does not fit, the error says what and neither the template nor the optimiser changes.
     */
    public static <T> Resumed<T> load(Path file, T template, Optimizer optimizer) {
        Map<String, NdArray> all = Npz.read(file);
        String source = file.toString();
        Map<String, NdArray> params = new LinkedHashMap<>();
        Map<String, NdArray> opt = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        NdArray epochArray = null;
        Map<String, Double> settings = new LinkedHashMap<>();
        for (Map.Entry<String, NdArray> e : all.entrySet()) {
            String k = e.getKey();
            if (k.startsWith(PARAMS)) {
                params.put(k.substring(PARAMS.length()), e.getValue());
            } else if (k.startsWith(OPTIMIZER)) {
                opt.put(k.substring(OPTIMIZER.length()), e.getValue());
            } else if (k.startsWith(SETTINGS) && e.getValue().shape().rank() == 0) {
                settings.put(k.substring(SETTINGS.length()), e.getValue().item());
            } else if (k.equals(EPOCH)) {
                epochArray = e.getValue();
            } else {
                problems.add("unexpected array '" + k + "'");
            }
        }
        if (epochArray == null) {
            throw new IllegalArgumentException("TrainingState.load: " + source + " has no '" + EPOCH + "': it is not"
                    + " a saved training run" + (params.isEmpty() && opt.isEmpty() && !all.isEmpty()
                    ? " (it looks like parameters only: load those with Params.load)" : ""));
        }
        int epoch = epoch(epochArray, source);
        problems.addAll(Params.mismatches(params, template));
        OptimizerState state = optimizerState(opt, template, optimizer.state().kind(), problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("TrainingState.load: " + source + " does not fit the model and"
                    + " optimiser (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + "; nothing was loaded): " + Params.join(problems));
        }
        Params.Pending<T> model = Params.prepare(params, template, source);
        try {
            optimizer.restore(state);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TrainingState.load: " + source + ": " + e.getMessage()
                    + " (nothing was loaded)", e);
        }
        return new Resumed<>(model.apply(), epoch, Collections.unmodifiableMap(settings));
    }

    private static int epoch(NdArray a, String source) {
        double e = a.shape().rank() == 0 ? a.item() : Double.NaN;
        if (!(e >= 0 && e <= Integer.MAX_VALUE && e == Math.rint(e))) {
            throw new IllegalArgumentException("TrainingState.load: " + source + ": '" + EPOCH + "' must be a whole"
                    + " number ≥ 0 of shape [], got " + a);
        }
        return (int) e;
    }

    /** The optimiser's entries assembled into scalars and flat vectors in the parameters' order. */
    private static OptimizerState optimizerState(Map<String, NdArray> entries, Object template, String kind,
                                                 List<String> problems) {
        Map<String, Double> scalars = new LinkedHashMap<>();
        Map<String, Map<String, NdArray>> parts = new LinkedHashMap<>();
        Set<String> otherKinds = new TreeSet<>();
        for (Map.Entry<String, NdArray> e : entries.entrySet()) {
            String rest = e.getKey();
            int slash = rest.indexOf('/');
            String savedKind = slash < 0 ? rest : rest.substring(0, slash);
            if (!savedKind.equals(kind)) {
                otherKinds.add(savedKind);
                continue;
            }
            rest = slash < 0 ? "" : rest.substring(slash + 1);
            int cut = rest.indexOf('/');
            if (rest.isEmpty()) {
                problems.add("unexpected array 'optimizer/" + e.getKey() + "'");
            } else if (cut < 0) {
                if (e.getValue().shape().rank() != 0) {
                    problems.add("optimiser scalar '" + rest + "' has shape " + e.getValue().shape()
                            + " in the file, but a scalar has shape []");
                } else {
                    scalars.put(rest, e.getValue().item());
                }
            } else {
                parts.computeIfAbsent(rest.substring(0, cut), n -> new LinkedHashMap<>())
                        .put(rest.substring(cut + 1), e.getValue());
            }
        }
        if (!otherKinds.isEmpty()) {
            problems.add("the file holds the state of optimiser " + otherKinds + ", but this run uses '" + kind
                    + "'");
        } else if (entries.isEmpty()) {
            problems.add("the file holds no optimiser state (no 'optimizer/" + kind + "/...' arrays)");
        }
        List<String> paths = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        Tree.walk(template, Tensor.class::isInstance, (path, t) -> {
            paths.add(path);
            shapes.add(((Tensor) t).shape());
        });
        int total = 0;
        for (Shape s : shapes) {
            total += s.size();
        }
        Map<String, double[]> vectors = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, NdArray>> v : parts.entrySet()) {
            String name = v.getKey();
            Map<String, NdArray> byPath = new LinkedHashMap<>(v.getValue());
            double[] flat = new double[total];
            int offset = 0;
            for (int i = 0; i < paths.size(); i++) {
                NdArray a = byPath.remove(paths.get(i));
                if (a == null) {
                    problems.add("no optimiser state '" + name + "' for parameter '" + paths.get(i) + "' (the"
                            + " model's is " + shapes.get(i) + ")");
                } else if (!a.shape().equals(shapes.get(i))) {
                    problems.add("optimiser state '" + name + "' for parameter '" + paths.get(i) + "' has shape "
                            + a.shape() + " in the file, but the model's parameter is " + shapes.get(i));
                } else {
                    System.arraycopy(a.buffer(), 0, flat, offset, a.size());
                }
                offset += shapes.get(i).size();
            }
            if (!byPath.isEmpty()) {
                problems.add("optimiser state '" + name + "' for parameters the model does not have: "
                        + byPath.keySet());
            }
            vectors.put(name, flat);
        }
        return OptimizerState.of(kind, scalars, vectors);
    }
}
