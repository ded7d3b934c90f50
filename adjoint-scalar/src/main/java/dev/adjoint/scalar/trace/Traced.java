package dev.adjoint.scalar.trace;

import dev.adjoint.scalar.Binary;
import dev.adjoint.scalar.BinaryFunction;
import dev.adjoint.scalar.Elementary;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.UnaryFunction;

/** The tracing {@link Real}: every operation appends a {@link Step} to its recorder instead of just computing. */
final class Traced implements Real {

    final Trace.Recorder recorder;
    final Operand operand;

    Traced(Trace.Recorder recorder, Operand operand) {
        this.recorder = recorder;
        this.operand = operand;
    }

    private Traced other(Real y) {
        if (y instanceof Traced t && t.recorder == recorder) {
            return t;
        }
        throw new IllegalArgumentException("cannot combine a traced value with " + (y instanceof Traced
                ? "a value of another trace" : "a " + y.getClass().getSimpleName())
                + ": all operands must come from the inputs of one trace (lift constants with constant(c))");
    }

    private Traced literal(double c) {
        return new Traced(recorder, Operand.literal(c));
    }

    @Override
    public double value() {
        return operand.value();
    }

    @Override
    public Traced constant(double c) {
        return literal(c);
    }

    @Override
    public Traced sub(double c) {
        return recorder.binary(Binary.SUB, this, literal(c));
    }

    @Override
    public Traced div(double c) {
        return recorder.binary(Binary.DIV, this, literal(c));
    }

    @Override
    public Traced apply(UnaryFunction f) {
        return recorder.unary(f, this);
    }

    @Override
    public Traced apply(BinaryFunction f, Real y) {
        return recorder.binary(f, this, other(y));
    }

    @Override
    public String toString() {
        return (operand.literal() ? "" : "v" + operand.id() + " = ") + operand.value();
    }
}
