package dev.adjoint.interpret;

/** Thrown inside {@code Ad.detectAnomaly()} when a primitive first produces a NaN or an infinity. */
public final class AnomalyException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    /** An anomaly described by {@code message}. */
    public AnomalyException(String message) {
        super(message);
    }
}
