package dev.adjoint.scalar;

/**
 * A number on a {@link TangentTape}: value x, tangent ẋ along the tape's direction, and its index on the tape.
 * Each operation records its partials and their tangents (see {@link TangentTape} for the design).
 */
final class TangentVar implements Real {

    final TangentTape tape;
    final int index;
    final int epoch;
    private final double value;
    private final double tangent;

    TangentVar(TangentTape tape, int index, double value, double tangent, int epoch) {
        this.tape = tape;
        this.index = index;
        this.value = value;
        this.tangent = tangent;
        this.epoch = epoch;
    }

    @Override
    public double value() {
        return value;
    }

    /** ẋ: the derivative of this value along the tape's direction. */
    double tangent() {
        return tangent;
    }

    private TangentVar unary(double v, double vDot, double p, double pDot) {
        tape.check(this);
        return new TangentVar(tape, tape.record(index, p, pDot, 0, 0, 0), v, vDot, epoch);
    }

    private TangentVar binary(TangentVar o, double v, double vDot, double p, double pDot, double q, double qDot) {
        tape.check(this);
        return new TangentVar(tape, tape.record(index, p, pDot, o.index, q, qDot), v, vDot, epoch);
    }

    @Override
    public TangentVar constant(double c) {
        return tape.constant(c);
    }

    @Override
    public TangentVar add(Real y) {
        TangentVar o = tape.check(y);
        return binary(o, value + o.value, tangent + o.tangent, 1, 0, 1, 0);
    }

    @Override
    public TangentVar add(double c) {
        return unary(value + c, tangent, 1, 0);
    }

    @Override
    public TangentVar sub(Real y) {
        TangentVar o = tape.check(y);
        return binary(o, value - o.value, tangent - o.tangent, 1, 0, -1, 0);
    }

    @Override
    public TangentVar mul(Real y) {
        TangentVar o = tape.check(y);
        return binary(o, value * o.value, tangent * o.value + value * o.tangent, o.value, o.tangent, value, tangent);
    }

    @Override
    public TangentVar mul(double c) {
        return unary(value * c, tangent * c, c, 0);
    }

    @Override
    public TangentVar div(Real y) {
        TangentVar o = tape.check(y);
        double r = 1 / o.value;
        double q = value * r;
        double rDot = -o.tangent * r * r;
        double qDot = (tangent - q * o.tangent) * r;
        // ∂q/∂x = r, ∂q/∂y = −q·r; their tangents by the product rule
        return binary(o, q, qDot, r, rDot, -q * r, -(qDot * r + q * rDot));
    }

    @Override
    public TangentVar neg() {
        return unary(-value, -tangent, -1, 0);
    }

    @Override
    public TangentVar apply(UnaryFunction f) {
        double slope = f.slope(value);
        Dual d = (Dual) f.derivative(Dual.of(value, tangent)); // f′(x) + f″(x)ẋ ε
        return unary(f.value(value), slope * tangent, slope, d.tangent());
    }

    @Override
    public TangentVar apply(BinaryFunction f, Real y) {
        TangentVar o = tape.check(y);
        double sx = f.slopeX(value, o.value);
        double sy = f.slopeY(value, o.value);
        Dual x = Dual.of(value, tangent);
        Dual z = Dual.of(o.value, o.tangent);
        Dual dx = (Dual) f.derivativeX(x, z);
        Dual dy = (Dual) f.derivativeY(x, z);
        return binary(o, f.value(value, o.value), sx * tangent + sy * o.tangent, sx, dx.tangent(), sy, dy.tangent());
    }

    @Override
    public String toString() {
        return "TangentVar[" + index + "] = " + value + " + " + tangent + "ε";
    }
}
