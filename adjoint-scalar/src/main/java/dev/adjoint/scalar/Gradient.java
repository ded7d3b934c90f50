package dev.adjoint.scalar;

import java.util.Arrays;

/**
 * A function's value and its gradient at a point. The array is copied in and out, so a {@code Gradient} is an
 * immutable value; equality compares the contents.
 *
 * @param value    f(x)
 * @param gradient ∇f(x), one entry per input
 */
public record Gradient(double value, double[] gradient) {

    /** Copies {@code gradient} so that later changes to the caller's array do not leak in. */
    public Gradient {
        gradient = gradient.clone();
    }

    /** ∇f(x) (a copy). */
    @Override
    public double[] gradient() {
        return gradient.clone();
    }

    /** ∂f/∂xᵢ. */
    public double gradient(int i) {
        return gradient[i];
    }

    /** The number of inputs. */
    public int dimension() {
        return gradient.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Gradient g && Double.compare(value, g.value) == 0 && Arrays.equals(gradient, g.gradient);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(value) + Arrays.hashCode(gradient);
    }

    @Override
    public String toString() {
        return "Gradient[value=" + value + ", gradient=" + Arrays.toString(gradient) + "]";
    }
}
