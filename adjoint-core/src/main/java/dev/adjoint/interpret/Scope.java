package dev.adjoint.interpret;

/** A dynamic scope closed with try-with-resources (no checked exception). */
public interface Scope extends AutoCloseable {

    /** Ends the scope, restoring the previous state. */
    @Override
    void close();

    /** Opens a scope inside which differentiation by the transforms already running is switched off. */
    static Scope noGrad() {
        Interpreter.Context c = Interpreter.context();
        int previous = c.noGradDepth;
        c.noGradDepth = c.stack.size();
        return () -> c.noGradDepth = previous;
    }

    /** Opens a scope inside which the first NaN or infinity a primitive produces raises {@link AnomalyException}. */
    static Scope detectAnomaly() {
        Interpreter.Context c = Interpreter.context();
        boolean previous = c.anomaly;
        c.anomaly = true;
        synchronized (Interpreter.class) {
            Interpreter.anomalyScopes++;
        }
        return new Scope() {
            private boolean closed;

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    c.anomaly = previous;
                    synchronized (Interpreter.class) {
                        Interpreter.anomalyScopes--;
                    }
                }
            }
        };
    }
}
