package dev.adjoint.io;

/** A missing, truncated, corrupt or unsupported {@code .npy}/{@code .npz} file; the message says which and why. */
public final class NpyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** With a message. */
    public NpyException(String message) {
        super(message);
    }

    /** With a message and a cause. */
    public NpyException(String message, Throwable cause) {
        super(message, cause);
    }
}
