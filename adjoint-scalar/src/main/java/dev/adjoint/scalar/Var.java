package dev.adjoint.scalar;

/**
 * A reverse-mode variable: a value, the {@link Tape} entry it stands on and its scale, dv/d(entry). Each operation
 * between variables records its local partials; {@link Tape#backward(Var)} then sweeps them once to give ∂y/∂v for
 * every entry. An operation with a constant records nothing: x ± c keeps x's entry and scale, c·x multiplies the
 * scale by c.
 */
public final class Var implements Real {

    final Tape tape;
    /** The entry this variable stands on; 0 for a constant. */
    final int index;
    /** The tape's stamp when this was made; the low bit marks a variable without an entry of its own. */
    final int stamp;
    /** dv/d(entry): 1 for an input or a recorded result, 0 for a constant. */
    final double scale;
    private final double value;

    Var(Tape tape, int index, double value, double scale, int stamp) {
        this.tape = tape;
        this.index = index;
        this.value = value;
        this.scale = scale;
        this.stamp = stamp;
    }

    @Override
    public double value() {
        return value;
    }

    /** The tape this variable is recorded on. */
    public Tape tape() {
        return tape;
    }

    /** ∂y/∂this after the tape's last backward sweep (for an input or the result of a recorded operation). */
    public double adjoint() {
        return tape.adjoint(this);
    }

    /** v = s·x + c of this x: the same entry, a new scale, nothing recorded. */
    private Var affine(double v, double s) {
        tape.check(this);
        return index == 0 ? tape.constant(v) : new Var(tape, index, v, s, stamp | 1);
    }

    /** v = f(this) with f′ = slope. */
    private Var unary(double v, double slope) {
        tape.check(this);
        return index == 0 ? tape.constant(v) : new Var(tape, tape.unary(index, slope * scale), v, 1, stamp & ~1);
    }

    /** v = f(this, o) with partials px, py; operands on the same entry or on none give a unary entry. */
    private Var binary(Var o, double v, double px, double py) {
        tape.check(this);
        int a = index;
        int b = o.index;
        int i;
        if (a != b && a != 0 && b != 0) {
            i = tape.binary(a, px * scale, b, py * o.scale);
        } else if (a == b) {
            i = a == 0 ? 0 : tape.unary(a, px * scale + py * o.scale);
        } else if (b == 0) {
            i = tape.unary(a, px * scale);
        } else {
            i = tape.unary(b, py * o.scale);
        }
        return i == 0 ? tape.constant(v) : new Var(tape, i, v, 1, stamp & ~1);
    }

    @Override
    public Var constant(double c) {
        return tape.constant(c);
    }

    @Override
    public Var add(Real y) {
        Var o = tape.check(y);
        return binary(o, value + o.value, 1, 1);
    }

    @Override
    public Var add(double c) {
        return affine(value + c, scale);
    }

    @Override
    public Var sub(Real y) {
        Var o = tape.check(y);
        return binary(o, value - o.value, 1, -1);
    }

    @Override
    public Var sub(double c) {
        return affine(value - c, scale);
    }

    @Override
    public Var mul(Real y) {
        Var o = tape.check(y);
        return binary(o, value * o.value, o.value, value);
    }

    @Override
    public Var mul(double c) {
        return affine(value * c, scale * c);
    }

    @Override
    public Var div(Real y) {
        Var o = tape.check(y);
        double r = 1 / o.value;
        double q = value * r;
        return binary(o, q, r, -q * r);
    }

    @Override
    public Var div(double c) {
        return mul(1.0 / c);
    }

    @Override
    public Var neg() {
        return affine(-value, -scale);
    }

    @Override
    public Var square() {
        return unary(value * value, 2 * value);
    }

    @Override
    public Var apply(UnaryFunction f) {
        return unary(f.value(value), f.slope(value));
    }

    @Override
    public Var apply(BinaryFunction f, Real y) {
        Var o = tape.check(y);
        return binary(o, f.value(value, o.value), f.slopeX(value, o.value), f.slopeY(value, o.value));
    }

    @Override
    public String toString() {
        return "Var[" + index + (scale == 1 ? "" : " · " + scale) + "] = " + value;
    }
}
