package dev.adjoint.nn.data;

import dev.adjoint.Tensor;

/**
 * Standardisation (x − mean)/std with statistics fitted on the training set and applied to any set: either one
 * mean and std for all inputs (images) or one per input feature.
 */
public record Normalizer(Tensor mean, Tensor std) {

    /** One mean and standard deviation over all input values. */
    public static Normalizer global(Dataset train) {
        Tensor x = train.x();
        return new Normalizer(x.mean(), x.std().maximum(1e-12));
    }

    /** A mean and standard deviation per input feature (over axis 0), with tiny deviations raised to 1e-12. */
    public static Normalizer perFeature(Dataset train) {
        Tensor x = train.x();
        return new Normalizer(x.mean(0), x.std(new int[] {0}, false).maximum(1e-12));
    }

    /** The inputs standardised, targets unchanged. */
    public Dataset apply(Dataset d) {
        return new Dataset(d.x().sub(mean).div(std), d.y());
    }
}
