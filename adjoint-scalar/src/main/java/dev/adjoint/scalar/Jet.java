package dev.adjoint.scalar;

import java.util.Arrays;

/**
 * A truncated Taylor series x(t) = c₀ + c₁t + … + cₖtᵏ: forward mode carrying every derivative up to order k along
 * one direction. Evaluating f on {@code variable(x, k)} (the series x + t) gives f(x + t), whose coefficients are
 * f⁽ʲ⁾(x)/j!; {@link #derivative(int)} turns them back into derivatives.
 *
 * <p>Arithmetic is exact on series: sums termwise, products by the Cauchy product, quotients by series division.
 * A table row needs nothing beyond its own definition: y(t) = f(x(t)) satisfies y′ = f′(x)·x′, so with u(t) the
 * series of f′(x(t)) to order k − 1 (the row's {@code derivative} rule evaluated on this series truncated to order
 * k − 1, which recurses on the order), y₀ = f(c₀) and yⱼ = (1/j) Σᵢ₌₁..ⱼ i·cᵢ·uⱼ₋ᵢ. This is the same as composing
 * f's Taylor series at c₀ with x(t) − c₀, at O(k²) per step instead of O(k³). Binary rows use both partials:
 * z′ = f_x·x′ + f_y·y′. The cost grows with how many rows a derivative rule uses, so orders up to about ten are
 * cheap; beyond that, rows whose rules call two rows (pow with a series exponent, hypot) double per order.
 *
 * <p>Each derivative computation gets its own tag, and combining series of different computations or orders
 * throws, as for {@link Dual}.
 *
 * <p><b>Threads.</b> Immutable, so thread-safe.
 */
public final class Jet implements Real {

    private final double[] c;
    private final int tag;

    private Jet(double[] coefficients, int tag) {
        this.c = coefficients;
        this.tag = tag;
    }

    /** The series x + t to order k: differentiating through it gives f(x), f′(x), …, f⁽ᵏ⁾(x). */
    public static Jet variable(double x, int order) {
        checkOrder(order);
        double[] c = new double[order + 1];
        c[0] = x;
        if (order > 0) {
            c[1] = 1;
        }
        return new Jet(c, Dual.newTag());
    }

    /** Inputs xᵢ + vᵢt to order k, sharing one fresh tag: derivatives of t ↦ f(x + tv). */
    public static Jet[] seed(double[] x, double[] direction, int order) {
        checkOrder(order);
        if (x.length != direction.length) {
            throw new IllegalArgumentException("Jet.seed: " + x.length + " values but " + direction.length
                    + " direction components");
        }
        int tag = Dual.newTag();
        Jet[] jets = new Jet[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] c = new double[order + 1];
            c[0] = x[i];
            if (order > 0) {
                c[1] = direction[i];
            }
            jets[i] = new Jet(c, tag);
        }
        return jets;
    }

    /** The series with the given coefficients c₀ … cₖ, untagged. */
    public static Jet of(double... coefficients) {
        if (coefficients.length == 0) {
            throw new IllegalArgumentException("Jet.of: a series needs at least the coefficient c0");
        }
        return new Jet(coefficients.clone(), 0);
    }

    /** The constant series c to order k, untagged. */
    public static Jet constantOf(double value, int order) {
        checkOrder(order);
        double[] c = new double[order + 1];
        c[0] = value;
        return new Jet(c, 0);
    }

    private static void checkOrder(int order) {
        if (order < 0) {
            throw new IllegalArgumentException("Jet order must be >= 0, got " + order);
        }
    }

    @Override
    public double value() {
        return c[0];
    }

    /** The truncation order k. */
    public int order() {
        return c.length - 1;
    }

    /** The coefficient cⱼ of tʲ. */
    public double coefficient(int j) {
        return c[j];
    }

    /** All coefficients c₀ … cₖ (a copy). */
    public double[] coefficients() {
        return c.clone();
    }

    /** The j-th derivative along the seed direction: j!·cⱼ. */
    public double derivative(int j) {
        double d = c[j];
        for (int i = 2; i <= j; i++) {
            d *= i;
        }
        return d;
    }

    int tag() {
        return tag;
    }

    @Override
    public Jet constant(double value) {
        double[] k = new double[c.length];
        k[0] = value;
        return new Jet(k, tag);
    }

    private Jet other(Real y) {
        if (!(y instanceof Jet)) {
            String kind = y == null ? "null" : y.getClass().getSimpleName();
            throw new IllegalArgumentException("cannot combine a Jet with a " + kind
                    + ": all operands of one computation must be Jets (lift constants with constant(c))");
        }
        Jet j = (Jet) y;
        if (j.tag != tag && j.tag != 0 && tag != 0) {
            throw new IllegalArgumentException("perturbation confusion: these Jets belong to two different derivative"
                    + " computations (tags " + tag + " and " + j.tag + "); seed all inputs together with Jet.seed");
        }
        if (j.c.length != c.length) {
            throw new IllegalArgumentException("cannot combine Jets of order " + order() + " and " + j.order()
                    + ": make every series of one computation to the same order");
        }
        return j;
    }

    private int tagWith(Jet j) {
        return tag != 0 ? tag : j.tag;
    }

    @Override
    public Jet add(Real y) {
        Jet b = other(y);
        double[] r = new double[c.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = c[i] + b.c[i];
        }
        return new Jet(r, tagWith(b));
    }

    @Override
    public Jet add(double k) {
        double[] r = c.clone();
        r[0] += k;
        return new Jet(r, tag);
    }

    @Override
    public Jet sub(Real y) {
        Jet b = other(y);
        double[] r = new double[c.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = c[i] - b.c[i];
        }
        return new Jet(r, tagWith(b));
    }

    /** The Cauchy product: (ab)ⱼ = Σᵢ aᵢbⱼ₋ᵢ. */
    @Override
    public Jet mul(Real y) {
        Jet b = other(y);
        double[] r = new double[c.length];
        for (int j = 0; j < r.length; j++) {
            double s = 0;
            for (int i = 0; i <= j; i++) {
                s += c[i] * b.c[j - i];
            }
            r[j] = s;
        }
        return new Jet(r, tagWith(b));
    }

    @Override
    public Jet mul(double k) {
        double[] r = new double[c.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = c[i] * k;
        }
        return new Jet(r, tag);
    }

    /** Series division: qⱼ = (aⱼ − Σᵢ₌₁..ⱼ bᵢqⱼ₋ᵢ) / b₀. */
    @Override
    public Jet div(Real y) {
        Jet b = other(y);
        double[] q = new double[c.length];
        for (int j = 0; j < q.length; j++) {
            double s = c[j];
            for (int i = 1; i <= j; i++) {
                s -= b.c[i] * q[j - i];
            }
            q[j] = s / b.c[0];
        }
        return new Jet(q, tagWith(b));
    }

    @Override
    public Jet neg() {
        return mul(-1);
    }

    /** This series truncated to order k − 1: the argument at which a row's derivative rule is evaluated. */
    private Jet lower() {
        return new Jet(Arrays.copyOf(c, c.length - 1), tag);
    }

    @Override
    public Jet apply(UnaryFunction f) {
        double[] y = new double[c.length];
        y[0] = f.value(c[0]);
        if (c.length > 1) {
            Jet x = lower();
            Jet u = x.other(f.derivative(x)); // f′(x(t)) to order k − 1
            integrate(y, c, u.c);
        }
        return new Jet(y, tag);
    }

    @Override
    public Jet apply(BinaryFunction f, Real other) {
        Jet b = other(other);
        double[] z = new double[c.length];
        z[0] = f.value(c[0], b.c[0]);
        if (c.length > 1) {
            Jet x = lower();
            Jet y = b.lower();
            integrate(z, c, x.other(f.derivativeX(x, y)).c);
            integrate(z, b.c, x.other(f.derivativeY(x, y)).c);
        }
        return new Jet(z, tagWith(b));
    }

    /** Adds to zⱼ (j ≥ 1) the coefficients of ∫ u·x′ dt: (1/j) Σᵢ₌₁..ⱼ i·xᵢ·uⱼ₋ᵢ. */
    private static void integrate(double[] z, double[] x, double[] u) {
        for (int j = 1; j < z.length; j++) {
            double s = 0;
            for (int i = 1; i <= j; i++) {
                s += i * x[i] * u[j - i];
            }
            z[j] += s / j;
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(c[0]);
        for (int j = 1; j < c.length; j++) {
            s.append(c[j] < 0 ? " - " : " + ").append(Math.abs(c[j])).append(j == 1 ? " t" : " t^" + j);
        }
        return s.toString();
    }
}
