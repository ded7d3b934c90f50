package dev.adjoint.nn.data;

/** A missing, truncated or malformed IDX file; the message names the file and what was expected. */
public final class IdxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** With a message. */
    public IdxException(String message) {
        super(message);
    }

    /** With a message and a cause. */
    public IdxException(String message, Throwable cause) {
        super(message, cause);
    }
}
