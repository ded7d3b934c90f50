package dev.adjoint.nn.layer;

import dev.adjoint.Ad;
import dev.adjoint.Tensor;
import dev.adjoint.Tree;
import dev.adjoint.interpret.Vjp;
import dev.adjoint.nn.Layer;
import dev.adjoint.nn.Phase;
import java.util.ArrayList;
import java.util.List;

/**
 * A stack of RevNet additive couplings (Gomez et al. 2017): the last axis is split in halves x = [x₁; x₂] and each
 * block maps them to y₁ = x₁ + F(x₂), y₂ = x₂ + G(y₁). The stack is one node on a reverse-mode tape, which keeps
 * only its input, output and parameters: the backward pass reconstructs each block's input from its output
 * (x₂ = y₂ − G(y₁), x₁ = y₁ − F(x₂)) while it pulls the cotangent back, so the activations stored do not grow
 * with depth. F and G must be deterministic (no dropout in training phase): the recomputation must reproduce them.
 */
public record Reversible(List<Block> blocks) implements Layer {

    /** One coupling: F and G map a half of the features to a half (e.g. {@code Sequential.of(linear, tanh)}). */
    public record Block(Layer f, Layer g) {
    }

    /** Copies the list (the record stays immutable). */
    public Reversible {
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("Reversible needs at least one block");
        }
        blocks = List.copyOf(blocks);
    }

    /** A stack of the given couplings. */
    public static Reversible of(Block... blocks) {
        return new Reversible(List.of(blocks));
    }

    @Override
    public Tensor apply(Tensor x, Phase phase) {
        int d = x.dim(x.rank() - 1);
        if (d % 2 != 0) {
            throw new IllegalArgumentException("Reversible: the last axis must have even size, got shape " + x.shape());
        }
        List<Tensor> params = Tree.leaves(blocks);
        Tensor[] in = new Tensor[params.size() + 1];
        in[0] = x;
        for (int i = 0; i < params.size(); i++) {
            in[i + 1] = params.get(i);
        }
        return Ad.customVjp("reversible", xs -> forward(rebuild(xs), xs[0], phase),
                (xs, y, g) -> backward(rebuild(xs), y, g, phase, xs.length)).apply(in);
    }

    private List<Block> rebuild(Tensor[] xs) {
        List<Tensor> leaves = new ArrayList<>(xs.length - 1);
        for (int i = 1; i < xs.length; i++) {
            leaves.add(xs[i]);
        }
        return Tree.rebuild(blocks, leaves);
    }

    private static Tensor forward(List<Block> blocks, Tensor x, Phase phase) {
        int axis = x.rank() - 1;
        int h = x.dim(axis) / 2;
        Tensor x1 = x.slice(axis, 0, h);
        Tensor x2 = x.slice(axis, h, 2 * h);
        for (Block b : blocks) {
            Tensor y1 = x1.add(b.f().apply(x2, phase));
            Tensor y2 = x2.add(b.g().apply(y1, phase));
            x1 = y1;
            x2 = y2;
        }
        return Tensor.concat(axis, x1, x2);
    }

    /** The cotangents of [x, parameters…], reconstructing the blocks' inputs from y on the way down. */
    private static Tensor[] backward(List<Block> blocks, Tensor y, Tensor g, Phase phase, int inputs) {
        int axis = y.rank() - 1;
        int h = y.dim(axis) / 2;
        Tensor y1 = y.slice(axis, 0, h);
        Tensor y2 = y.slice(axis, h, 2 * h);
        Tensor g1 = g.slice(axis, 0, h);
        Tensor g2 = g.slice(axis, h, 2 * h);
        List<List<Tensor>> paramGrads = new ArrayList<>();
        for (int i = blocks.size() - 1; i >= 0; i--) {
            Block b = blocks.get(i);
            // y₂ = x₂ + G(y₁): ȳ₁ += (∂G/∂y₁)ᵀ ȳ₂, and x₂ is reconstructed
            Pulled pg = pull(b.g(), y1, g2, phase);
            Tensor x2 = y2.sub(pg.out);
            g1 = g1.add(pg.input);
            // y₁ = x₁ + F(x₂): x̄₂ = ȳ₂ + (∂F/∂x₂)ᵀ ȳ₁, and x₁ is reconstructed
            Pulled pf = pull(b.f(), x2, g1, phase);
            Tensor x1 = y1.sub(pf.out);
            g2 = g2.add(pf.input);
            List<Tensor> both = new ArrayList<>(pf.params);
            both.addAll(pg.params);
            paramGrads.add(0, both);
            y1 = x1;
            y2 = x2;
        }
        Tensor[] out = new Tensor[inputs];
        out[0] = Tensor.concat(axis, g1, g2);
        int k = 1;
        for (List<Tensor> gs : paramGrads) {
            for (Tensor t : gs) {
                out[k++] = t;
            }
        }
        return out;
    }

    private record Pulled(Tensor out, Tensor input, List<Tensor> params) {
    }

    /** layer(x) recomputed under a fresh tape, and the cotangents of x and of the layer's parameters for ḡ. */
    private static Pulled pull(Layer layer, Tensor x, Tensor g, Phase phase) {
        List<Tensor> leaves = Tree.leaves(layer);
        Vjp tape = new Vjp();
        Tensor[] watched = new Tensor[leaves.size() + 1];
        Tensor out;
        try {
            watched[0] = tape.watch(x);
            List<Tensor> wl = new ArrayList<>();
            for (int i = 0; i < leaves.size(); i++) {
                watched[i + 1] = tape.watch(leaves.get(i));
                wl.add(watched[i + 1]);
            }
            out = layer == null ? x : Tree.rebuild(layer, wl).apply(watched[0], phase);
        } finally {
            tape.close();
        }
        Tensor[] gs = tape.backward(out, g, watched);
        Tensor value = tape.primalOf(out);
        tape.release();
        List<Tensor> params = new ArrayList<>(leaves.size());
        for (int i = 1; i < gs.length; i++) {
            params.add(gs[i] != null ? gs[i] : Tensor.zerosLike(leaves.get(i - 1)));
        }
        return new Pulled(value, gs[0] != null ? gs[0] : Tensor.zerosLike(x), params);
    }
}
