package dev.adjoint.scalar.trace;

/** A step of a trace produced NaN or an infinity from finite operands; the message shows the step with values. */
public final class NonFiniteException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    private final transient Step step;

    NonFiniteException(Step step, String message) {
        super(message);
        this.step = step;
    }

    /** The step that produced the non-finite value. */
    public Step step() {
        return step;
    }
}
