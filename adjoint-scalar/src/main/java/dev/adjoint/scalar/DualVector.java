package dev.adjoint.scalar;

import java.util.Arrays;

/**
 * A value with n tangents, v + Σ v̇ᵢεᵢ (εᵢεⱼ = 0): forward mode along n directions at once. Seeding the n inputs
 * with the identity ({@link #variables(double...)}) gives the whole gradient, or a Jacobian's n columns, in one
 * pass.
 *
 * <p>Like {@link Dual}, each derivative computation gets its own tag, and combining numbers of two computations
 * throws instead of confusing their perturbations; so does combining numbers with different tangent counts.
 *
 * <p><b>Threads.</b> Immutable, so thread-safe.
 */
public final class DualVector implements Real {

    private final double value;
    private final double[] tangents;
    private final int tag;

    private DualVector(double value, double[] tangents, int tag) {
        this.value = value;
        this.tangents = tangents;
        this.tag = tag;
    }

    /** v + Σ v̇ᵢεᵢ, untagged. */
    public static DualVector of(double value, double... tangents) {
        return new DualVector(value, tangents.clone(), 0);
    }

    /** A constant with n zero tangents, untagged. */
    public static DualVector constantOf(double value, int n) {
        return new DualVector(value, new double[n], 0);
    }

    /** Independent variables xᵢ seeded with the unit tangents eᵢ, sharing one fresh tag. */
    public static DualVector[] variables(double... x) {
        int tag = Dual.newTag();
        DualVector[] d = new DualVector[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] t = new double[x.length];
            t[i] = 1;
            d[i] = new DualVector(x[i], t, tag);
        }
        return d;
    }

    /** Inputs xᵢ with tangent vectors {@code tangents[i]} (all of one length), sharing one fresh tag. */
    public static DualVector[] seed(double[] x, double[][] tangents) {
        if (x.length != tangents.length) {
            throw new IllegalArgumentException("DualVector.seed: " + x.length + " values but " + tangents.length
                    + " tangent vectors");
        }
        int tag = Dual.newTag();
        DualVector[] d = new DualVector[x.length];
        for (int i = 0; i < x.length; i++) {
            if (tangents[i].length != tangents[0].length) {
                throw new IllegalArgumentException("DualVector.seed: tangent vector 0 has " + tangents[0].length
                        + " entries but tangent vector " + i + " has " + tangents[i].length);
            }
            d[i] = new DualVector(x[i], tangents[i].clone(), tag);
        }
        return d;
    }

    @Override
    public double value() {
        return value;
    }

    /** The number of tangents n. */
    public int dimension() {
        return tangents.length;
    }

    /** The i-th tangent: the derivative along the i-th seed direction. */
    public double tangent(int i) {
        return tangents[i];
    }

    /** All tangents (a copy); after {@link #variables} this is the gradient. */
    public double[] tangents() {
        return tangents.clone();
    }

    int tag() {
        return tag;
    }

    @Override
    public DualVector constant(double c) {
        return new DualVector(c, new double[tangents.length], tag);
    }

    private DualVector other(Real y) {
        if (!(y instanceof DualVector)) {
            throw new IllegalArgumentException("cannot combine a DualVector with a " + y.getClass().getSimpleName()
                    + ": all operands of one computation must be DualVectors (lift constants with constant(c))");
        }
        DualVector d = (DualVector) y;
        if (d.tag != tag && d.tag != 0 && tag != 0) {
            throw new IllegalArgumentException("perturbation confusion: these DualVectors belong to two different"
                    + " derivative computations (tags " + tag + " and " + d.tag + "); for nested derivatives use"
                    + " Derivatives.hessian/hvp (forward over reverse) or a Jet");
        }
        if (d.tangents.length != tangents.length) {
            throw new IllegalArgumentException("cannot combine DualVectors with " + tangents.length + " and "
                    + d.tangents.length + " tangents: seed all inputs of one computation together");
        }
        return d;
    }

    private int tagWith(DualVector d) {
        return tag != 0 ? tag : d.tag;
    }

    /** a·this.tangents + b·y.tangents. */
    private double[] combine(double a, DualVector y, double b) {
        double[] t = new double[tangents.length];
        double[] u = y.tangents;
        for (int i = 0; i < t.length; i++) {
            t[i] = a * tangents[i] + b * u[i];
        }
        return t;
    }

    private double[] scaled(double a) {
        double[] t = new double[tangents.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = a * tangents[i];
        }
        return t;
    }

    @Override
    public DualVector add(Real y) {
        DualVector d = other(y);
        return new DualVector(value + d.value, combine(1, d, 1), tagWith(d));
    }

    @Override
    public DualVector add(double c) {
        return new DualVector(value + c, tangents, tag); // tangents are never mutated, so sharing is safe
    }

    @Override
    public DualVector sub(Real y) {
        DualVector d = other(y);
        return new DualVector(value - d.value, combine(1, d, -1), tagWith(d));
    }

    @Override
    public DualVector mul(Real y) {
        DualVector d = other(y);
        return new DualVector(value * d.value, combine(d.value, d, value), tagWith(d));
    }

    @Override
    public DualVector mul(double c) {
        return new DualVector(value * c, scaled(c), tag);
    }

    @Override
    public DualVector div(Real y) {
        DualVector d = other(y);
        double r = 1 / d.value;
        double q = value * r;
        return new DualVector(q, combine(r, d, -q * r), tagWith(d));
    }

    @Override
    public DualVector neg() {
        return new DualVector(-value, scaled(-1), tag);
    }

    @Override
    public DualVector apply(UnaryFunction f) {
        return new DualVector(f.value(value), scaled(f.slope(value)), tag);
    }

    @Override
    public DualVector apply(BinaryFunction f, Real y) {
        DualVector d = other(y);
        return new DualVector(f.value(value, d.value), combine(f.slopeX(value, d.value), d, f.slopeY(value, d.value)),
                tagWith(d));
    }

    @Override
    public String toString() {
        return value + " + " + Arrays.toString(tangents) + "ε";
    }
}
