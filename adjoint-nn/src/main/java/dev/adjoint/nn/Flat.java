package dev.adjoint.nn;

import dev.adjoint.Tensor;
import dev.adjoint.Tree;
import dev.adjoint.array.DType;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of a structure (record, list, ... of tensors) as one vector, and back. Optimisers that think in
 * vectors (L-BFGS, Hessian-free, the first-order updates) use it to work on any model; {@link #unflatten} is tensor
 * code, so a function of the vector can be differentiated by every transform.
 */
public final class Flat<T> {

    private final T template;
    private final Shape[] shapes;
    private final DType[] dtypes;
    private final int[] offsets;
    private final int size;

    private Flat(T template) {
        this.template = template;
        List<Tensor> leaves = Tree.leaves(template);
        shapes = new Shape[leaves.size()];
        dtypes = new DType[leaves.size()];
        offsets = new int[leaves.size() + 1];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = leaves.get(i).shape();
            dtypes[i] = leaves.get(i).dtype();
            offsets[i + 1] = offsets[i] + shapes[i].size();
        }
        size = offsets[shapes.length];
    }

    /** The layout of {@code template}'s tensors (their order, shapes and dtypes). */
    public static <T> Flat<T> of(T template) {
        return new Flat<>(template);
    }

    /** The total number of parameters. */
    public int size() {
        return size;
    }

    /** The values of a structure of this layout, concatenated (float32 values widened exactly). */
    public double[] pack(T tree) {
        return pack(tree, new double[size]);
    }

    /**
     * {@link #pack(Object)} into {@code into}, which must have length {@link #size()}: a caller that packs every
     * step (an optimiser) reuses one buffer instead of streaming a fresh one through the cache.
     */
    public double[] pack(T tree, double[] into) {
        if (into.length != size) {
            throw new IllegalArgumentException("Flat.pack: buffer of length " + into.length + ", expected " + size);
        }
        List<Tensor> leaves = Tree.leaves(tree);
        check(leaves.size());
        double[] v = into;
        for (int i = 0; i < shapes.length; i++) {
            NdArray a = leaves.get(i).array();
            if (!a.shape().equals(shapes[i])) {
                throw new IllegalArgumentException("Flat.pack: tensor " + i + " has shape " + a.shape()
                        + ", expected " + shapes[i]);
            }
            if (a.dtype() == DType.FLOAT32) {
                float[] f = a.floatBuffer();
                for (int j = 0, o = offsets[i]; j < f.length; j++) {
                    v[o + j] = f[j];
                }
            } else {
                System.arraycopy(a.buffer(), 0, v, offsets[i], a.size());
            }
        }
        return v;
    }

    /**
     * A structure of this layout holding the values of {@code v} (constant tensors), each in its template tensor's
     * dtype: an optimiser's float64 arithmetic on a float32 model rounds back to float32 here.
     */
    public T unpack(double[] v) {
        if (v.length != size) {
            throw new IllegalArgumentException("Flat.unpack: vector of length " + v.length + ", expected " + size);
        }
        List<Tensor> out = new ArrayList<>(shapes.length);
        for (int i = 0; i < shapes.length; i++) {
            int n = shapes[i].size();
            int o = offsets[i];
            if (dtypes[i] == DType.FLOAT32) {
                float[] f = new float[n];
                for (int j = 0; j < n; j++) {
                    f[j] = (float) v[o + j];
                }
                out.add(Tensor.of(NdArray.adopt(shapes[i], f)));
            } else {
                double[] d = new double[n];
                System.arraycopy(v, o, d, 0, n);
                out.add(Tensor.of(NdArray.adopt(shapes[i], d)));
            }
        }
        return Tree.rebuild(template, out);
    }

    /** The tensors of a structure as one vector (differentiable). */
    public Tensor flatten(T tree) {
        List<Tensor> leaves = Tree.leaves(tree);
        check(leaves.size());
        Tensor[] parts = new Tensor[leaves.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = leaves.get(i).reshape(-1);
        }
        return parts.length == 0 ? Tensor.zeros(0) : Tensor.concat(0, parts);
    }

    /** The structure whose tensors are the consecutive pieces of {@code v} in their template's dtypes (differentiable). */
    public T unflatten(Tensor v) {
        if (v.rank() != 1 || v.dim(0) != size) {
            throw new IllegalArgumentException("Flat.unflatten: vector of shape " + v.shape() + ", expected ["
                    + size + "]");
        }
        List<Tensor> out = new ArrayList<>(shapes.length);
        for (int i = 0; i < shapes.length; i++) {
            out.add(v.slice(0, offsets[i], offsets[i + 1]).reshape(shapes[i]).astype(dtypes[i]));
        }
        return Tree.rebuild(template, out);
    }

    private void check(int n) {
        if (n != shapes.length) {
            throw new IllegalArgumentException("Flat: structure has " + n + " tensors, expected " + shapes.length);
        }
    }
}
