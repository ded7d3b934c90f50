package dev.adjoint.nn;

import dev.adjoint.array.NdArray;

/**
 * State of a layer that is not a parameter (e.g. batch normalisation's running mean): not a tensor, so the
 * transforms and optimisers never see it, but saved and loaded with the parameters. It is shared by every copy of
 * the record that a transform rebuilds, and updated in place during training. Reads and writes are atomic
 * (synchronized); a read-update-write by two training threads at once is not.
 */
public final class Buffer {

    private NdArray value;

    private Buffer(NdArray value) {
        this.value = value;
    }

    /** A buffer holding {@code value}. */
    public static Buffer of(NdArray value) {
        return new Buffer(value);
    }

    /** The current value. */
    public synchronized NdArray get() {
        return value;
    }

    /** Replaces the value (same shape). */
    public synchronized void set(NdArray v) {
        if (!v.shape().equals(value.shape())) {
            throw new IllegalArgumentException("Buffer.set: shape " + v.shape() + " differs from " + value.shape());
        }
        value = v;
    }

    @Override
    public String toString() {
        return "Buffer" + value.shape();
    }
}
