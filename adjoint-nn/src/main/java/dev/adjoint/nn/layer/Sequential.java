package dev.adjoint.nn.layer;

import dev.adjoint.Tensor;
import dev.adjoint.nn.Layer;
import dev.adjoint.nn.Phase;
import java.util.List;

/** Layers applied one after another. */
public record Sequential(List<Layer> layers) implements Layer {

    /** Copies the list (the record stays immutable). */
    public Sequential {
        layers = List.copyOf(layers);
    }

    /** The layers in order. */
    public static Sequential of(Layer... layers) {
        return new Sequential(List.of(layers));
    }

    @Override
    public Tensor apply(Tensor x, Phase phase) {
        Tensor h = x;
        for (Layer l : layers) {
            h = l.apply(h, phase);
        }
        return h;
    }
}
