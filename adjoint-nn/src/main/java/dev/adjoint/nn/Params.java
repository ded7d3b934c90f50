package dev.adjoint.nn;

import dev.adjoint.Tensor;
import dev.adjoint.Tree;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Named parameters, and saving and loading them.
 *
 * <p>Names are paths through the structure: record components by name, list and array elements by index, map
 * entries by key, joined with dots ({@code layers.0.weight}); {@link Buffer}s are included. The file format
 * (big-endian, as {@link DataOutputStream} writes it):
 * <pre>
 *   magic  "ADJP" (4 bytes)   version int (1)   count int
 *   count × { name (modified UTF-8, writeUTF)   rank int   dims int × rank   values double × size (row-major) }
 * </pre>
 */
public final class Params {

    private static final int MAGIC = 0x41444A50; // "ADJP"
    private static final int VERSION = 1;

    private Params() {
    }

    /** The tensors and buffers of a structure by name, in the order of {@link Tree#leaves}. */
    public static Map<String, NdArray> named(Object tree) {
        Map<String, NdArray> out = new LinkedHashMap<>();
        walk(tree, (name, node) -> out.put(name, node instanceof Tensor ? ((Tensor) node).array()
                : ((Buffer) node).get()));
        return out;
    }

    /** The number of scalar parameters (tensor elements, buffers excluded). */
    public static long count(Object tree) {
        long n = 0;
        for (Tensor t : Tree.leaves(tree)) {
            n += t.size();
        }
        return n;
    }

    /** Writes the tensors and buffers of a structure to a file. */
    public static void save(Object tree, Path file) {
        Map<String, NdArray> named = named(tree);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(named.size());
            for (Map.Entry<String, NdArray> e : named.entrySet()) {
                NdArray a = e.getValue();
                out.writeUTF(e.getKey());
                out.writeInt(a.shape().rank());
                for (int d : a.shape().dims()) {
                    out.writeInt(d);
                }
                for (int i = 0; i < a.size(); i++) {
                    out.writeDouble(a.at(i));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Params.save: cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A structure like {@code template} with the values read from a file written by {@link #save}; the template's
     * buffers are overwritten. Every name must be present with the template's shape, or the error says which
     * tensor and both shapes.
     */
    public static <T> T load(Path file, T template) {
        Map<String, NdArray> read = read(file);
        List<Tensor> leaves = new ArrayList<>();
        List<Runnable> bufferUpdates = new ArrayList<>();
        walk(template, (name, node) -> {
            NdArray a = read.remove(name);
            Shape expected = node instanceof Tensor ? ((Tensor) node).shape() : ((Buffer) node).get().shape();
            if (a == null) {
                throw new IllegalArgumentException("Params.load: " + file + " has no tensor '" + name
                        + "' (expected shape " + expected + ")");
            }
            if (!a.shape().equals(expected)) {
                throw new IllegalArgumentException("Params.load: tensor '" + name + "' in " + file + " has shape "
                        + a.shape() + ", but the model expects " + expected);
            }
            if (node instanceof Tensor) {
                leaves.add(Tensor.of(a));
            } else {
                bufferUpdates.add(() -> ((Buffer) node).set(a));
            }
        });
        if (!read.isEmpty()) {
            throw new IllegalArgumentException("Params.load: " + file + " has tensors the model does not: "
                    + read.keySet());
        }
        bufferUpdates.forEach(Runnable::run);
        return Tree.rebuild(template, leaves);
    }

    /** The named arrays stored in a file written by {@link #save}. */
    public static Map<String, NdArray> read(Path file) {
        Map<String, NdArray> out = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new IllegalArgumentException("Params.load: " + file + " is not a parameter file (magic 0x"
                        + Integer.toHexString(magic) + ", expected 0x" + Integer.toHexString(MAGIC) + " \"ADJP\")");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("Params.load: " + file + " has format version " + version
                        + ", this reader knows " + VERSION);
            }
            int count = in.readInt();
            for (int k = 0; k < count; k++) {
                String name = in.readUTF();
                int rank = in.readInt();
                if (rank < 0 || rank > 32) {
                    throw new IllegalArgumentException("Params.load: " + file + ": tensor '" + name
                            + "' has rank " + rank);
                }
                int[] dims = new int[rank];
                for (int i = 0; i < rank; i++) {
                    dims[i] = in.readInt();
                }
                Shape s = Shape.of(dims);
                double[] d = new double[s.size()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = in.readDouble();
                }
                out.put(name, NdArray.adopt(s, d));
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Params.load: no such file " + file, e);
        } catch (EOFException e) {
            throw new IllegalArgumentException("Params.load: " + file + " ends early (truncated file)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Params.load: cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Visits the tensors and buffers of a structure with their names. */
    private static void walk(Object tree, BiConsumer<String, Object> visit) {
        Tree.walk(tree, node -> node instanceof Tensor || node instanceof Buffer, visit);
    }
}
