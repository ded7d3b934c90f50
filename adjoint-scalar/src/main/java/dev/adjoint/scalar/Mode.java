package dev.adjoint.scalar;

/** Which way {@link Derivatives} propagates derivatives. */
public enum Mode {
    /** Tangents pushed forward with the values ({@link Dual}, {@link DualVector}): cheap when inputs are few. */
    FORWARD,
    /** Adjoints swept backwards over a {@link Tape}: cheap when outputs are few. */
    REVERSE,
    /** Forward when the function has no more inputs than outputs, reverse otherwise. */
    AUTO
}
