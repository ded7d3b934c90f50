package dev.adjoint.scalar;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A dual number v + v̇ε (ε² = 0): forward mode with one tangent. Evaluating f on {@code variable(x)} gives f(x) and
 * f′(x)·ẋ in one pass.
 *
 * <p>Every derivative computation gets its own tag; combining duals of two different computations (an inner
 * derivative capturing an outer variable) throws instead of silently confusing the two perturbations. Duals made
 * with {@link #of} or {@link #constant} carry no tag and combine with anything.
 *
 * <p><b>Threads.</b> Immutable, so thread-safe; tags come from an atomic counter.
 */
public final class Dual implements Real {

    private static final AtomicInteger TAGS = new AtomicInteger();

    private final double value;
    private final double tangent;
    private final int tag;

    private Dual(double value, double tangent, int tag) {
        this.value = value;
        this.tangent = tangent;
        this.tag = tag;
    }

    /** v + v̇ε, untagged. */
    public static Dual of(double value, double tangent) {
        return new Dual(value, tangent, 0);
    }

    /** An independent variable x with ẋ = 1, tagged as a derivative computation of its own. */
    public static Dual variable(double value) {
        return new Dual(value, 1, newTag());
    }

    /** v + 0ε. */
    public static Dual constantOf(double value) {
        return new Dual(value, 0, 0);
    }

    /** Seeds inputs x with tangents ẋ, all sharing one fresh tag. */
    public static Dual[] seed(double[] x, double[] xDot) {
        if (x.length != xDot.length) {
            throw new IllegalArgumentException("Dual.seed: " + x.length + " values but " + xDot.length + " tangents");
        }
        int tag = newTag();
        Dual[] d = new Dual[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = new Dual(x[i], xDot[i], tag);
        }
        return d;
    }

    static int newTag() {
        return TAGS.incrementAndGet();
    }

    /** The derivative computation this number belongs to (0: none, a constant). */
    int tag() {
        return tag;
    }

    @Override
    public double value() {
        return value;
    }

    /** The tangent v̇: the directional derivative carried along. */
    public double tangent() {
        return tangent;
    }

    @Override
    public Dual constant(double c) {
        return new Dual(c, 0, tag);
    }

    /** y as a Dual of this computation; the common case (same tag) costs one type test and one comparison. */
    private Dual other(Real y) {
        if (y instanceof Dual) {
            Dual d = (Dual) y;
            if (d.tag == tag || d.tag == 0 || tag == 0) {
                return d;
            }
            throw new IllegalArgumentException("perturbation confusion: these Duals belong to two different derivative"
                    + " computations (tags " + tag + " and " + d.tag + "); for nested derivatives use"
                    + " Derivatives.hessian/hvp (forward over reverse) or a Jet");
        }
        String kind = y == null ? "null" : y.getClass().getSimpleName();
        throw new IllegalArgumentException("cannot combine a Dual with a " + kind
                + ": all operands of one computation must be Duals (lift constants with constant(c))");
    }

    /** The tag of a result: the non-zero one of two compatible tags (they are equal or one is 0). */
    private int tagWith(Dual d) {
        return tag | d.tag;
    }

    @Override
    public Dual add(Real y) {
        Dual d = other(y);
        return new Dual(value + d.value, tangent + d.tangent, tagWith(d));
    }

    @Override
    public Dual add(double c) {
        return new Dual(value + c, tangent, tag);
    }

    @Override
    public Dual sub(Real y) {
        Dual d = other(y);
        return new Dual(value - d.value, tangent - d.tangent, tagWith(d));
    }

    @Override
    public Dual mul(Real y) {
        Dual d = other(y);
        return new Dual(value * d.value, tangent * d.value + value * d.tangent, tagWith(d));
    }

    @Override
    public Dual mul(double c) {
        return new Dual(value * c, tangent * c, tag);
    }

    @Override
    public Dual div(Real y) {
        Dual d = other(y);
        double q = value / d.value;
        return new Dual(q, (tangent - q * d.tangent) / d.value, tagWith(d));
    }

    @Override
    public Dual sub(double c) {
        return new Dual(value - c, tangent, tag);
    }

    @Override
    public Dual div(double c) {
        return mul(1.0 / c);
    }

    @Override
    public Dual square() {
        return new Dual(value * value, 2 * value * tangent, tag);
    }

    @Override
    public Dual neg() {
        return new Dual(-value, -tangent, tag);
    }

    @Override
    public Dual apply(UnaryFunction f) {
        return new Dual(f.value(value), f.slope(value) * tangent, tag);
    }

    @Override
    public Dual apply(BinaryFunction f, Real y) {
        Dual d = other(y);
        return new Dual(f.value(value, d.value),
                f.slopeX(value, d.value) * tangent + f.slopeY(value, d.value) * d.tangent, tagWith(d));
    }

    @Override
    public String toString() {
        return value + " + " + tangent + "ε";
    }
}
