package dev.adjoint.interpret;

import dev.adjoint.Tensor;
import dev.adjoint.primitive.Primitive;
import java.util.ArrayList;

/**
 * A transform, as an interpreter of primitives. Interpreters live on a thread-local stack of scopes: creating one
 * pushes it (its level is its depth), {@link #close()} pops it, so use try-with-resources. Each traced value
 * carries the interpreter that owns it; a primitive is handled by the highest-level owner among its inputs, which
 * treats values of lower levels as constants, so nested transforms never confuse their perturbations. With no
 * traced input a primitive runs its kernel directly ({@link Evaluate}).
 *
 * <p><b>Threads.</b> The stack and the debugging scopes are thread-local ({@code Context}); an interpreter
 * belongs to the thread that created it.
 */
public abstract class Interpreter implements AutoCloseable {

    /** Per-thread state: the interpreter stack and the debugging scopes. */
    static final class Context {
        final ArrayList<Interpreter> stack = new ArrayList<>();
        int noGradDepth;
        boolean anomaly;
    }

    private static final ThreadLocal<Context> CONTEXT = ThreadLocal.withInitial(Context::new);
    static volatile int anomalyScopes;

    private final String kind;
    private final int level;
    private final Thread thread;
    private final Context context;
    private boolean active = true;

    /** Opens the scope: pushes this interpreter on the current thread's stack. */
    protected Interpreter(String kind) {
        this.kind = kind;
        this.context = CONTEXT.get();
        this.thread = Thread.currentThread();
        context.stack.add(this);
        this.level = context.stack.size();
    }

    static Context context() {
        return CONTEXT.get();
    }

    /** The transform's name (jvp, vjp, vmap, ...). */
    public final String kind() {
        return kind;
    }

    /** The nesting depth: inner transforms have higher levels. */
    public final int level() {
        return level;
    }

    /** Whether the scope is still open. */
    public final boolean isActive() {
        return active;
    }

    /** Whether differentiation at this level is on (off inside an {@code Ad.noGrad()} scope opened above it). */
    protected final boolean tracking() {
        return level > context.noGradDepth;
    }

    /** Applies a primitive to inputs of which at least one is this interpreter's tracer. */
    protected abstract Tensor process(Primitive p, Tensor[] args);

    /** Applies a primitive: dispatches to the highest-level owner among the inputs, or runs the kernel. */
    public static Tensor bind(Primitive p, Tensor... args) {
        Interpreter top = null;
        for (Tensor a : args) {
            Tracer t = a.tracer();
            if (t != null) {
                Interpreter o = t.owner();
                if (top == null || o.level > top.level) {
                    top = o;
                }
            }
        }
        if (top == null) {
            return Evaluate.apply(p, args);
        }
        if (!top.active || top.thread != Thread.currentThread()) {
            throw leaked(top, p.name());
        }
        return top.process(p, args);
    }

    /** The error for a tracer used after its transform finished or from another thread. */
    static IllegalStateException leaked(Interpreter owner, String op) {
        String where = owner.thread != Thread.currentThread() ? "in another thread than the one running it"
                : "after the transform finished";
        return new IllegalStateException(op + ": a value traced by " + owner.kind + " (level " + owner.level
                + ") was used " + where + ": a tracer leaked out of its transform, e.g. stored in a field."
                + " Return values from the function being transformed instead of keeping them.");
    }

    /** Closes the scope (and any scope left open above it), after which its tracers may no longer be used. */
    @Override
    public void close() {
        if (!active) {
            return;
        }
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException(kind + ": scope closed from another thread than the one that opened it");
        }
        int i = context.stack.lastIndexOf(this);
        while (context.stack.size() > i && i >= 0) {
            context.stack.remove(context.stack.size() - 1).active = false;
        }
        active = false;
    }

    @Override
    public String toString() {
        return kind + "@" + level;
    }
}
