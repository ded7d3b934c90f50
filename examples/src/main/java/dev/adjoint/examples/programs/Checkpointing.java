package dev.adjoint.examples.programs;

import dev.adjoint.Ad;
import dev.adjoint.MemoryReport;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.checkpoint.Checkpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Memory for time: a 400-layer tanh network differentiated with every activation kept, and with √N checkpointed
 * segments that keep only each segment's input and recompute the rest during the backward pass.
 */
public final class Checkpointing {

    private Checkpointing() {
    }

    /** Measures both gradients' memory and checks that they agree. */
    public static void main(String[] args) {
        int layers = 400;
        int width = 32;
        Tensor x0 = Tensor.randn(Rng.seed(1), 8, width);
        List<BiFunction<Tensor, Tensor, Tensor>> chain = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            chain.add((x, w) -> x.matmul(w).tanh());
        }
        BiFunction<Tensor, Tensor, Tensor> checkpointed = Checkpoint.sequential(chain, 20);
        Function<Tensor, Tensor> plain = w -> {
            Tensor y = x0;
            for (BiFunction<Tensor, Tensor, Tensor> layer : chain) {
                y = layer.apply(y, w);
            }
            return y.square().sum();
        };
        Function<Tensor, Tensor> cheap = w -> checkpointed.apply(x0, w).square().sum();
        Tensor w = Tensor.randn(Rng.seed(2), width, width).mul(1.0 / Math.sqrt(width));
        MemoryReport all = Ad.measureGradient(plain, w);
        MemoryReport few = Ad.measureGradient(cheap, w);
        System.out.printf(Locale.ROOT, "keep everything: peak %,d bytes; 20 checkpointed segments: peak %,d bytes%n",
                all.peakBytes(), few.peakBytes());
        Check.that(Check.maxError(all.gradient().toArray(), few.gradient().toArray()) < 1e-12,
                "the checkpointed gradient equals the plain one");
        Check.that(few.peakBytes() * 4 < all.peakBytes(), "checkpointing needs less than a quarter of the memory");
    }
}
