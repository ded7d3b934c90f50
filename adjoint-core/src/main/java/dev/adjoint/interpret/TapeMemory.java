package dev.adjoint.interpret;

import java.util.IdentityHashMap;

/**
 * A meter of the bytes reverse-mode tapes hold for their backward pass: the residual tensors recorded on every
 * {@link Vjp} tape opened on this thread while the meter is open, each distinct buffer counted once however many
 * tapes or nodes share it, and the peak of that total. A tape stops counting when it is {@link Vjp#release released}.
 */
public final class TapeMemory implements AutoCloseable {

    private static final ThreadLocal<TapeMemory> CURRENT = new ThreadLocal<>();
    // Meters open on any thread, so that tapes skip the thread-local lookup when nobody measures.
    private static volatile int open;

    private final IdentityHashMap<Object, int[]> refs = new IdentityHashMap<>();
    private final TapeMemory previous;
    private long live;
    private long peak;

    private TapeMemory(TapeMemory previous) {
        this.previous = previous;
    }

    /** Opens a meter on this thread; tapes created until {@link #close} report to it. */
    public static TapeMemory start() {
        TapeMemory m = new TapeMemory(CURRENT.get());
        CURRENT.set(m);
        synchronized (TapeMemory.class) {
            open++;
        }
        return m;
    }

    static TapeMemory current() {
        return open == 0 ? null : CURRENT.get();
    }

    /** The bytes held now by the tapes metered. */
    public long live() {
        return live;
    }

    /** The most bytes held at once since the meter opened. */
    public long peak() {
        return peak;
    }

    /** The bytes of one buffer: a 16-byte array header and 8 bytes per double. */
    public static long bytes(double[] buffer) {
        return 16L + 8L * buffer.length;
    }

    /** The bytes of one float32 buffer: a 16-byte array header and 4 bytes per float. */
    public static long bytes(float[] buffer) {
        return 16L + 4L * buffer.length;
    }

    static long bytes(Object buffer) {
        return buffer instanceof float[] ? bytes((float[]) buffer) : bytes((double[]) buffer);
    }

    void hold(Object buffer) {
        int[] n = refs.computeIfAbsent(buffer, b -> new int[1]);
        if (n[0]++ == 0) {
            live += bytes(buffer);
            peak = Math.max(peak, live);
        }
    }

    void release(Object buffer) {
        int[] n = refs.get(buffer);
        if (n != null && --n[0] == 0) {
            refs.remove(buffer);
            live -= bytes(buffer);
        }
    }

    /** Closes the meter, restoring the one open before it on this thread. */
    @Override
    public void close() {
        if (CURRENT.get() != this) {
            throw new IllegalStateException("TapeMemory: close meters in the reverse order of start");
        }
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
        synchronized (TapeMemory.class) {
            open--;
        }
    }
}
