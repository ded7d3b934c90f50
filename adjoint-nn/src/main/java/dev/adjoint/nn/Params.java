package dev.adjoint.nn;

import dev.adjoint.Tensor;
import dev.adjoint.Tree;
import dev.adjoint.array.DType;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.io.Npz;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Named parameters, and saving and loading them as NumPy {@code .npz} files.
 *
 * <p>Names are paths through the structure: record components by name, list and array elements by index, map
 * entries by key, joined with dots ({@code layers.0.weight}); {@link Buffer}s are included. The file holds one
 * {@code .npy} array per name in its dtype, bit for bit ({@code np.load("model.npz")["layers.0.weight"]} reads
 * one). Loading checks every name and shape against the model before it changes anything, reports every mismatch,
 * and gives each tensor the model's dtype (a float64 file loads into a float32 model, rounded).
 */
public final class Params {

    private static final int MAX_REPORTED = 10;

    private Params() {
    }

    /** The tensors and buffers of a structure by name, in the order of {@link Tree#leaves}. */
    public static Map<String, NdArray> named(Object tree) {
        Map<String, NdArray> out = new LinkedHashMap<>();
        walk(tree, (name, node) -> out.put(name, node instanceof Tensor ? ((Tensor) node).array()
                : ((Buffer) node).get()));
        return out;
    }

    /**
     * The structure with every tensor converted to {@code dtype} ({@code Params.astype(model, DType.FLOAT32)} to train
     * in float32). Buffers are left as they are: layers read them in their input's dtype.
     */
    public static <T> T astype(T tree, DType dtype) {
        return Tree.map(tree, t -> t.astype(dtype));
    }

    /** The number of scalar parameters (tensor elements, buffers excluded). */
    public static long count(Object tree) {
        long n = 0;
        for (Tensor t : Tree.leaves(tree)) {
            n += t.size();
        }
        return n;
    }

    /** Writes the tensors and buffers of a structure to a {@code .npz} file, replacing it atomically. */
    public static void save(Object tree, Path file) {
        Npz.write(file, named(tree));
    }

    /**
     * A structure like {@code template} with the values read from a {@code .npz} file (written by {@link #save} or
     * by NumPy with the same names); the template's buffers are overwritten. Every name must be present with the
     * template's shape, or the error names each tensor that does not fit and both shapes, and nothing changes.
     */
    public static <T> T load(Path file, T template) {
        return prepare(read(file), template, file.toString()).apply();
    }

    /** The named arrays stored in a {@code .npz} file, every one checked. */
    public static Map<String, NdArray> read(Path file) {
        return Npz.read(file);
    }

    /** What keeps named arrays from fitting a template: each missing or extra name, each shape that differs. */
    public static List<String> mismatches(Map<String, NdArray> arrays, Object template) {
        Map<String, NdArray> left = new LinkedHashMap<>(arrays);
        List<String> problems = new ArrayList<>();
        walk(template, (name, node) -> {
            NdArray a = left.remove(name);
            Shape expected = shape(node);
            if (a == null) {
                problems.add("no tensor '" + name + "' (the model's is " + expected + ")");
            } else if (!a.shape().equals(expected)) {
                problems.add("tensor '" + name + "' has shape " + a.shape() + " in the file, but the model expects "
                        + expected);
            }
        });
        if (!left.isEmpty()) {
            problems.add("tensors the model does not have: " + left.keySet());
        }
        return problems;
    }

    /**
     * Checks named arrays against a template and builds the structure they describe, without touching the
     * template's buffers until {@link Pending#apply}; {@code source} names where the arrays came from.
     */
    public static <T> Pending<T> prepare(Map<String, NdArray> arrays, T template, String source) {
        List<String> problems = mismatches(arrays, template);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Params.load: " + source + " does not fit the model ("
                    + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "; nothing was loaded): "
                    + join(problems));
        }
        List<Tensor> leaves = new ArrayList<>();
        List<Runnable> bufferUpdates = new ArrayList<>();
        walk(template, (name, node) -> {
            NdArray a = arrays.get(name);
            if (node instanceof Tensor) {
                leaves.add(Tensor.of(a.astype(((Tensor) node).dtype())));
            } else {
                Buffer buffer = (Buffer) node;
                bufferUpdates.add(() -> buffer.set(a.astype(buffer.get().dtype())));
            }
        });
        return new Pending<>(Tree.rebuild(template, leaves), bufferUpdates);
    }

    private static Shape shape(Object node) {
        return node instanceof Tensor ? ((Tensor) node).shape() : ((Buffer) node).get().shape();
    }

    /** A checked load: the rebuilt structure, and the buffer values that {@link #apply} writes. */
    public static final class Pending<T> {
        private final T tree;
        private final List<Runnable> bufferUpdates;

        private Pending(T tree, List<Runnable> bufferUpdates) {
            this.tree = tree;
            this.bufferUpdates = bufferUpdates;
        }

        /** Writes the buffers and returns the loaded structure. */
        public T apply() {
            bufferUpdates.forEach(Runnable::run);
            return tree;
        }
    }

    /** Problems as one line, the first few in full. */
    public static String join(List<String> problems) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(problems.size(), MAX_REPORTED); i++) {
            sb.append(i > 0 ? "; " : "").append(problems.get(i));
        }
        if (problems.size() > MAX_REPORTED) {
            sb.append("; and ").append(problems.size() - MAX_REPORTED).append(" more");
        }
        return sb.toString();
    }

    /** Visits the tensors and buffers of a structure with their names. */
    private static void walk(Object tree, BiConsumer<String, Object> visit) {
        Tree.walk(tree, node -> node instanceof Tensor || node instanceof Buffer, visit);
    }
}
