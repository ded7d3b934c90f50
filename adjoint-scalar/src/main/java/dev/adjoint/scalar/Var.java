package dev.adjoint.scalar;

/**
 * A reverse-mode variable: a value and its index on a {@link Tape}. Each operation records its local partials;
 * {@link Tape#backward(Var)} then sweeps them once to give ∂y/∂v for every node.
 *
 * <p><b>Threads.</b> A variable belongs to its tape, and is used on the tape's thread only.
 */
public final class Var implements Real {

    final Tape tape;
    final int index;
    final int epoch;
    private final double value;

    Var(Tape tape, int index, double value, int epoch) {
        this.tape = tape;
        this.index = index;
        this.value = value;
        this.epoch = epoch;
    }

    @Override
    public double value() {
        return value;
    }

    /** The tape this variable is recorded on. */
    public Tape tape() {
        return tape;
    }

    /** ∂y/∂this after the tape's last backward sweep. */
    public double adjoint() {
        return tape.adjoint(this);
    }

    private Var unary(double v, double partial) {
        tape.check(this);
        return new Var(tape, tape.record(index, partial, 0, 0), v, epoch);
    }

    private Var binary(Var o, double v, double pThis, double pOther) {
        tape.check(this);
        return new Var(tape, tape.record(index, pThis, o.index, pOther), v, epoch);
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
    public Var neg() {
        return unary(-value, -1);
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
        return "Var[" + index + "] = " + value;
    }
}
