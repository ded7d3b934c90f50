package dev.adjoint.scalar.trace;

/** The result of replaying a {@link Trace} forward: a tangent v̇ for every node, and ẏ. */
public final class Tangents {

    private final double[] seed;
    private final double[] dot;
    private final double output;
    private final int inputs;

    Tangents(double[] seed, double[] dot, double output, int inputs) {
        this.seed = seed.clone();
        this.dot = dot;
        this.output = output;
        this.inputs = inputs;
    }

    /** The seed ẋ. */
    public double[] seed() {
        return seed.clone();
    }

    /** v̇ of node {@code id}. */
    public double of(int id) {
        return dot[id + inputs - 1];
    }

    /** ẏ: the directional derivative of the output along the seed. */
    public double output() {
        return output;
    }
}
