package dev.adjoint.scalar;

/**
 * A reverse-mode variable: a value, the {@link Tape} entry it stands on and its scale, dv/d(entry). An operation
 * whose result depends on two entries records one, with its two partials; {@link Tape#backward(Var)} then sweeps
 * them once to give ∂y/∂v for every entry. Every other operation records nothing: f(x), x ± c, c·x, x·x stand on
 * x's entry with the scale multiplied by the local derivative (the chain rule applied forward, on the spot).
 *
 * <p><b>Threads.</b> A variable belongs to its tape, and is used on the tape's thread only.
 */
public final class Var implements Real {

    final Tape tape;
    /** The entry this variable stands on; 0 for a constant. */
    final int index;
    /** The tape's stamp when this was made; the low bit marks a variable without an entry of its own. */
    final int stamp;
    /** dv/d(entry): 1 for an input or a recorded result, 0 for a constant, the chain of slopes otherwise. */
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

    /** ∂y/∂this after the tape's last backward sweep (for an input, a kept Var or a recorded operation's result). */
    public double adjoint() {
        return tape.adjoint(this);
    }

    // Each operation ends in one allocation (no branch picks between two `new`s), so that escape analysis can
    // keep intermediates in registers: C2 does not scalar-replace an object merged from two allocation sites.

    /** v = f(this) with f′ = slope: the same entry, its scale times f′, nothing recorded (a constant stays one). */
    private Var unary(double v, double slope) {
        tape.check(this);
        return new Var(tape, index, v, slope * scale, stamp | 1);
    }

    /**
     * v = f(this, o) with partials px, py: an entry when the operands stand on two different entries; otherwise
     * v depends on one entry only (x·x, (x + 1)·x, x + c) or none, and stands on it with the summed scale.
     */
    private Var binary(Var o, double v, double px, double py) {
        tape.check(this);
        int a = index;
        int b = o.index;
        double sa = px * scale;
        double sb = py * o.scale;
        int i;
        double s;
        int st;
        if (a != b && a != 0 && b != 0) {
            i = tape.binary(a, sa, b, sb);
            s = 1;
            st = stamp & ~1;
        } else {
            i = a == 0 ? b : a;
            s = a == b ? sa + sb : a == 0 ? sb : sa;
            st = stamp | 1;
        }
        return new Var(tape, i, v, s, st);
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
        return unary(value + c, 1);
    }

    @Override
    public Var sub(Real y) {
        Var o = tape.check(y);
        return binary(o, value - o.value, 1, -1);
    }

    @Override
    public Var sub(double c) {
        return unary(value - c, 1);
    }

    @Override
    public Var mul(Real y) {
        Var o = tape.check(y);
        return binary(o, value * o.value, o.value, value);
    }

    @Override
    public Var mul(double c) {
        return unary(value * c, c);
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
        return unary(-value, -1);
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
