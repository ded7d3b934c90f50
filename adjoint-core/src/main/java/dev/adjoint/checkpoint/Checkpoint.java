package dev.adjoint.checkpoint;

import dev.adjoint.Ad;
import dev.adjoint.Tensor;
import dev.adjoint.interpret.Vjp;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Gradient checkpointing for tensor code of several inputs ({@link Ad#checkpoint} is the one-input form): a
 * checkpointed function is one node on an enclosing reverse-mode tape, which keeps only its inputs; its backward
 * pass re-runs it under a fresh tape to get the VJP. Everything the function differentiates with respect to must be
 * an explicit input: a tensor captured from outside is treated as a constant of the recomputation.
 */
public final class Checkpoint {

    private Checkpoint() {
    }

    /** f of (x, θ) with its intermediates recomputed in the backward pass instead of kept. */
    public static BiFunction<Tensor, Tensor, Tensor> of(BiFunction<Tensor, Tensor, Tensor> f) {
        Function<Tensor[], Tensor> g = of("checkpoint", xs -> f.apply(xs[0], xs[1]));
        return (x, theta) -> g.apply(new Tensor[] {x, theta});
    }

    /** f of several tensors with its intermediates recomputed in the backward pass instead of kept. */
    public static Function<Tensor[], Tensor> of(String name, Function<Tensor[], Tensor> f) {
        return Ad.customVjp(name, f, (xs, y, g) -> recomputeVjp(f, xs, g));
    }

    /**
     * The layers x ← layerᵢ(x, θ) applied in order, cut into {@code segments} checkpointed segments of about equal
     * length (Chen et al. 2016): the enclosing tape keeps only each segment's input, and one segment's
     * intermediates live at a time during the backward pass; with √N segments memory is O(√N) for about one extra
     * forward pass.
     */
    public static BiFunction<Tensor, Tensor, Tensor> sequential(List<BiFunction<Tensor, Tensor, Tensor>> layers,
            int segments) {
        if (segments < 1 || layers.isEmpty()) {
            throw new IllegalArgumentException("checkpoint sequential needs at least one layer and one segment, got "
                    + layers.size() + " layers and " + segments + " segments");
        }
        int n = layers.size();
        int k = Math.min(segments, n);
        @SuppressWarnings("unchecked")
        BiFunction<Tensor, Tensor, Tensor>[] parts = new BiFunction[k];
        for (int j = 0; j < k; j++) {
            List<BiFunction<Tensor, Tensor, Tensor>> seg = List.copyOf(layers.subList(j * n / k, (j + 1) * n / k));
            parts[j] = of((x, theta) -> {
                Tensor y = x;
                for (BiFunction<Tensor, Tensor, Tensor> layer : seg) {
                    y = layer.apply(y, theta);
                }
                return y;
            });
        }
        return (x, theta) -> {
            Tensor y = x;
            for (BiFunction<Tensor, Tensor, Tensor> part : parts) {
                y = part.apply(y, theta);
            }
            return y;
        };
    }

    private static Tensor[] recomputeVjp(Function<Tensor[], Tensor> f, Tensor[] xs, Tensor g) {
        Vjp tape = new Vjp();
        Tensor[] watched = new Tensor[xs.length];
        Tensor y;
        try {
            for (int i = 0; i < xs.length; i++) {
                watched[i] = tape.watch(xs[i]);
            }
            y = f.apply(watched);
        } finally {
            tape.close();
        }
        Tensor[] r = tape.backward(y, g, watched);
        tape.release();
        return r;
    }
}
