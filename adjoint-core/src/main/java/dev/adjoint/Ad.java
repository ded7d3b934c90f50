package dev.adjoint;

import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Batch;
import dev.adjoint.interpret.Interpreter;
import dev.adjoint.interpret.Jvp;
import dev.adjoint.interpret.Scope;
import dev.adjoint.interpret.TapeMemory;
import dev.adjoint.interpret.Vjp;
import dev.adjoint.primitive.CustomJvp;
import dev.adjoint.primitive.CustomVjp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The transforms: functions in, functions out, nestable to any depth ({@code grad(grad(f))},
 * {@code jvp(grad(f))}, {@code vmap(grad(loss))}, ...). Each is an interpreter scope opened while the function runs.
 *
 * <p><b>Threads.</b> Every transform is thread-safe: the interpreter stack is per thread, so transforms
 * running at the same time in different threads never see each other, and a scope ({@link #noGrad()},
 * {@link #detectAnomaly()}) affects only the thread that opened it. Do not hand a tensor that a running transform is
 * tracing to another thread; hand over its result instead. {@code ConcurrencyTest} in adjoint-graph checks gradients
 * computed in 8 threads against the single-threaded ones, bit for bit.
 */
public final class Ad {

    private Ad() {
    }

    /** A user reverse rule for one input: x̄ from x, y = f(x) and ȳ. */
    @FunctionalInterface
    public interface VjpRule {
        /** x̄. */
        Tensor apply(Tensor x, Tensor y, Tensor cotangent);
    }

    /** A user forward rule for one input: ẏ from x, ẋ and y = f(x). */
    @FunctionalInterface
    public interface JvpRule {
        /** ẏ. */
        Tensor apply(Tensor x, Tensor tangent, Tensor y);
    }

    // ------------------------------------------------------------------ reverse mode

    /** ∇f for a scalar-valued f. */
    public static Function<Tensor, Tensor> grad(Function<Tensor, Tensor> f) {
        return x -> valueAndGrad(f, x, "grad").grad();
    }

    /** (∂f/∂x, ∂f/∂y) for a scalar-valued f of two tensors. */
    public static BiFunction<Tensor, Tensor, List<Tensor>> grad(BiFunction<Tensor, Tensor, Tensor> f) {
        return (x, y) -> valueAndGrad((List<Tensor> xs) -> f.apply(xs.get(0), xs.get(1)), List.of(x, y), "grad")
                .grad();
    }

    /** The gradient of a scalar-valued f of a structure (record, list, map, ...), in the same structure. */
    public static <T> Function<T, T> gradTree(Function<T, Tensor> f) {
        return x -> valueAndGrad(f, x, "grad").grad();
    }

    /** The value and the gradient of a scalar-valued f of a tensor or of a structure of tensors. */
    public static <T> Function<T, ValueAndGrad<T>> valueAndGrad(Function<T, Tensor> f) {
        return x -> valueAndGrad(f, x, "valueAndGrad");
    }

    private static <T> ValueAndGrad<T> valueAndGrad(Function<T, Tensor> f, T x, String op) {
        List<Tensor> leaves = Tree.leaves(x);
        Vjp tape = new Vjp();
        Tensor[] watched = new Tensor[leaves.size()];
        Tensor y;
        try {
            for (int i = 0; i < watched.length; i++) {
                watched[i] = tape.watch(leaves.get(i));
            }
            y = f.apply(Tree.rebuild(x, List.of(watched)));
        } finally {
            tape.close();
        }
        if (y.size() != 1) {
            throw new IllegalArgumentException(op + ": the function must return a scalar, got shape " + y.shape()
                    + "; use vjp or jacobian for other outputs");
        }
        Tensor[] g = tape.backward(y, Tensor.onesLike(y), watched);
        List<Tensor> grads = new ArrayList<>(g.length);
        for (int i = 0; i < g.length; i++) {
            grads.add(g[i] != null ? g[i] : Tensor.zerosLike(leaves.get(i)));
        }
        return new ValueAndGrad<>(tape.primalOf(y), Tree.rebuild(x, grads));
    }

    /**
     * The gradient of a scalar-valued f at x with the memory its backward pass needed: the bytes of the residuals on
     * the tape after the forward pass and the peak over the whole computation (see {@link TapeMemory}).
     */
    public static MemoryReport measureGradient(Function<Tensor, Tensor> f, Tensor x) {
        try (TapeMemory meter = TapeMemory.start()) {
            Recorded rec = Recorded.of(f, x);
            Vjp tape = rec.tape();
            Tensor xw = rec.input();
            Tensor y = rec.output();
            if (y.size() != 1) {
                throw new IllegalArgumentException("measureGradient: the function must return a scalar, got shape "
                        + y.shape());
            }
            long held = tape.heldBytes();
            Tensor g = tape.backward(y, Tensor.onesLike(y), xw)[0];
            long peak = meter.peak();
            tape.release();
            return new MemoryReport(tape.primalOf(y), g != null ? g : Tensor.zerosLike(x), held, peak, tape.size());
        }
    }

    /** f(x) and its pullback ȳ ↦ ȳ ∂f/∂x, reusable (the tape is recorded once). */
    public static ValueAndPullback vjp(Function<Tensor, Tensor> f, Tensor x) {
        Recorded rec = Recorded.of(f, x);
        Vjp tape = rec.tape();
        Tensor xw = rec.input();
        Tensor y = rec.output();
        Tensor value = tape.primalOf(y);
        return new ValueAndPullback(value, g -> {
            Tensor r = tape.backward(y, g, xw)[0];
            return r != null ? r : Tensor.zerosLike(x);
        });
    }

    /** A function recorded once on a closed tape: the tape, the watched input and the output. */
    private record Recorded(Vjp tape, Tensor input, Tensor output) {

        static Recorded of(Function<Tensor, Tensor> f, Tensor x) {
            Vjp tape = new Vjp();
            try {
                Tensor xw = tape.watch(x);
                return new Recorded(tape, xw, f.apply(xw));
            } finally {
                tape.close();
            }
        }
    }

    // ------------------------------------------------------------------ forward mode

    /** f(x) and the directional derivative ∂f/∂x · v. */
    public static ValueAndTangent jvp(Function<Tensor, Tensor> f, Tensor x, Tensor v) {
        try (Jvp jvp = new Jvp()) {
            Tensor y = f.apply(jvp.seed(x, v));
            return new ValueAndTangent(jvp.primalOf(y), jvp.tangentOf(y));
        }
    }

    /** f(x) and the linear map v ↦ ∂f/∂x · v, which pushes tangents along the recorded tape (f runs once). */
    public static Linearized linearize(Function<Tensor, Tensor> f, Tensor x) {
        Recorded rec = Recorded.of(f, x);
        Vjp tape = rec.tape();
        Tensor xw = rec.input();
        Tensor y = rec.output();
        Tensor value = tape.primalOf(y);
        return new Linearized(value, v -> {
            if (!v.shape().equals(x.shape())) {
                throw new IllegalArgumentException("linearize: tangent shape " + v.shape() + " differs from input "
                        + x.shape());
            }
            Tensor t = tape.forward(y, new Tensor[] {xw}, new Tensor[] {v});
            return t != null ? t : Tensor.zerosLike(value);
        });
    }

    // ------------------------------------------------------------------ Jacobians and Hessians

    /** The Jacobian by forward mode (one batched JVP over the input basis); shape: output shape + input shape. */
    public static Function<Tensor, Tensor> jacfwd(Function<Tensor, Tensor> f) {
        return x -> {
            Shape xs = x.shape();
            int n = xs.size();
            Tensor basis = Tensor.eye(n).reshape(Shape.of(n).concat(xs));
            Tensor t = vmap((Tensor v) -> jvp(f, x, v).tangent()).apply(basis);
            Shape ys = t.shape().sub(1, t.shape().rank());
            return t.reshape(n, ys.size()).transpose().reshape(ys.concat(xs));
        };
    }

    /** The Jacobian by reverse mode (one batched pullback over the output basis). */
    public static Function<Tensor, Tensor> jacrev(Function<Tensor, Tensor> f) {
        return x -> jacrev(vjp(f, x), x.shape());
    }

    private static Tensor jacrev(ValueAndPullback vp, Shape xs) {
        Shape ys = vp.value().shape();
        int m = ys.size();
        Tensor basis = Tensor.eye(m).reshape(Shape.of(m).concat(ys));
        Tensor j = vmap(vp.pullback()::apply).apply(basis);
        return j.reshape(ys.concat(xs));
    }

    /** The Jacobian, by reverse mode when the output is smaller than the input, else by forward mode. */
    public static Function<Tensor, Tensor> jacobian(Function<Tensor, Tensor> f) {
        return x -> {
            ValueAndPullback vp = vjp(f, x);
            return vp.value().size() <= x.size() ? jacrev(vp, x.shape()) : jacfwd(f).apply(x);
        };
    }

    /** The Jacobian of f at x. */
    public static Tensor jacobian(Function<Tensor, Tensor> f, Tensor x) {
        return jacobian(f).apply(x);
    }

    /** The Hessian of a scalar-valued f, forward over reverse (jacfwd of grad); shape: input shape twice. */
    public static Function<Tensor, Tensor> hessian(Function<Tensor, Tensor> f) {
        return jacfwd(grad(f));
    }

    /** The Hessian-vector product H v, forward over reverse, without forming H. */
    public static Tensor hvp(Function<Tensor, Tensor> f, Tensor x, Tensor v) {
        return jvp(grad(f), x, v).tangent();
    }

    // ------------------------------------------------------------------ vectorisation

    /** f mapped over axis 0 of its input, results stacked on axis 0. */
    public static Function<Tensor, Tensor> vmap(Function<Tensor, Tensor> f) {
        return vmap(f, 0, 0);
    }

    /** f mapped over axis {@code inAxis} of its input, results stacked on axis {@code outAxis}. */
    public static Function<Tensor, Tensor> vmap(Function<Tensor, Tensor> f, int inAxis, int outAxis) {
        return x -> {
            Tensor xb = moveAxis(x, inAxis, 0, "vmap");
            try (Batch batch = new Batch(xb.dim(0))) {
                Tensor y = batch.unwrap(f.apply(batch.wrap(xb)));
                return moveAxis(y, 0, outAxis, "vmap");
            }
        };
    }

    /**
     * f of several tensors mapped over the given axis of each (−1: not mapped, passed whole to every call), results
     * stacked on {@code outAxis}.
     */
    public static Function<List<Tensor>, Tensor> vmap(Function<List<Tensor>, Tensor> f, int[] inAxes, int outAxis) {
        return xs -> {
            if (xs.size() != inAxes.length) {
                throw new IllegalArgumentException("vmap: " + xs.size() + " arguments but " + inAxes.length
                        + " input axes");
            }
            int size = -1;
            List<Tensor> moved = new ArrayList<>();
            for (int i = 0; i < xs.size(); i++) {
                Tensor m = inAxes[i] < 0 ? xs.get(i) : moveAxis(xs.get(i), inAxes[i], 0, "vmap");
                if (inAxes[i] >= 0) {
                    if (size >= 0 && m.dim(0) != size) {
                        throw new IllegalArgumentException("vmap: mapped axes have different lengths " + size
                                + " and " + m.dim(0));
                    }
                    size = m.dim(0);
                }
                moved.add(m);
            }
            if (size < 0) {
                throw new IllegalArgumentException("vmap: no argument is mapped");
            }
            try (Batch batch = new Batch(size)) {
                List<Tensor> wrapped = new ArrayList<>();
                for (int i = 0; i < moved.size(); i++) {
                    wrapped.add(inAxes[i] < 0 ? moved.get(i) : batch.wrap(moved.get(i)));
                }
                Tensor y = batch.unwrap(f.apply(wrapped));
                return moveAxis(y, 0, outAxis, "vmap");
            }
        };
    }

    private static Tensor moveAxis(Tensor x, int from, int to, String op) {
        int r = x.rank();
        int a = x.shape().axis(from, op);
        int b = to < 0 ? to + r : to;
        if (b < 0 || b >= r) {
            throw new IllegalArgumentException(op + ": axis " + to + " out of range for shape " + x.shape());
        }
        if (a == b) {
            return x;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            if (i != a) {
                order.add(i);
            }
        }
        order.add(b, a);
        return x.permute(order.stream().mapToInt(Integer::intValue).toArray());
    }

    // ------------------------------------------------------------------ control

    /** x as a constant to every transform (derivative zero). */
    public static Tensor stopGradient(Tensor x) {
        return x.stopGradient();
    }

    /**
     * A scope inside which the transforms already running do not differentiate (values computed there are
     * constants to them); transforms opened inside the scope work normally.
     */
    public static Scope noGrad() {
        return Scope.noGrad();
    }

    /**
     * A scope inside which the first NaN or infinity produced by a primitive, forward or backward, raises an
     * {@link dev.adjoint.interpret.AnomalyException} naming the primitive and the user's call site.
     */
    public static Scope detectAnomaly() {
        return Scope.detectAnomaly();
    }

    /**
     * f with a user reverse rule. Reverse mode uses the rule; forward mode differentiates f itself, so jvp,
     * hessian and hvp keep working (the rule, being tensor code, is differentiated when a Hessian needs it).
     */
    public static Function<Tensor, Tensor> customVjp(Function<Tensor, Tensor> f, VjpRule rule) {
        CustomVjp p = new CustomVjp("customVjp", xs -> f.apply(xs[0]),
                (xs, y, g) -> new Tensor[] {rule.apply(xs[0], y, g)});
        return x -> Interpreter.bind(p, x);
    }

    /** f of several tensors with a user reverse rule (returning one cotangent per input, null for zero). */
    public static Function<Tensor[], Tensor> customVjp(String name, Function<Tensor[], Tensor> f,
                                                       CustomVjp.Rule rule) {
        CustomVjp p = new CustomVjp(name, f, rule);
        return xs -> Interpreter.bind(p, xs);
    }

    /**
     * f whose intermediate values are not kept for the backward pass: reverse mode stores only f's input and output
     * and re-runs f to pull a cotangent back (memory for time). Forward mode differentiates f directly.
     */
    public static Function<Tensor, Tensor> checkpoint(Function<Tensor, Tensor> f) {
        return customVjp(f, (x, y, g) -> {
            Recorded rec = Recorded.of(f, x);
            Vjp tape = rec.tape();
            Tensor xw = rec.input();
            Tensor out = rec.output();
            Tensor r = tape.backward(out, g, xw)[0];
            tape.release();
            return r != null ? r : Tensor.zerosLike(x);
        });
    }

    /** f with a user forward rule. Forward mode uses the rule; reverse mode differentiates f itself. */
    public static Function<Tensor, Tensor> customJvp(Function<Tensor, Tensor> f, JvpRule rule) {
        CustomJvp p = new CustomJvp("customJvp", xs -> f.apply(xs[0]), (xs, ts, y) -> rule.apply(xs[0], ts[0], y));
        return x -> Interpreter.bind(p, x);
    }
}
