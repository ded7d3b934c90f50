package dev.adjoint.graph.control;

import dev.adjoint.Tensor;
import dev.adjoint.array.Shape;
import dev.adjoint.graph.Stage;
import dev.adjoint.interpret.Interpreter;
import dev.adjoint.interpret.Jvp;
import dev.adjoint.interpret.Vjp;
import dev.adjoint.primitive.CustomVjp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Structured control flow that survives tracing: {@link #fori}, {@link #fold}, {@link #scan},
 * {@link #whileLoop} and {@link #cond} are each ONE equation in a traced graph (not the unrolled or taken path),
 * and their gradient graphs hold one backward equation each ({@code fori_vjp}, ...), which recomputes the forward
 * states and sweeps them backwards with the body's own VJP. Core has no loop primitive, so these are built on
 * core's {@link CustomVjp}: the forward function runs the loop, the reverse rule is itself a custom-VJP primitive
 * whose own rule differentiates it again (second order). Forward mode is a forward rule that runs the loop again
 * over each value paired with its tangent, stepping with the body's JVP: one {@code fori_jvp} (…) equation when
 * staged, itself a loop that both modes differentiate again. A
 * primitive has one output, so {@code scan} packs the final carry and the stacked outputs in one flat
 * vector and takes them apart with slices and reshapes (views, differentiable like any other op).
 *
 * <p>Loop bodies must not capture traced values: pass what they need as {@code params} (they are differentiated
 * too). Every value the predicate of {@code whileLoop} or {@code cond} reads must be concrete when the loop runs,
 * which it is when a graph runs; reverse mode of {@code whileLoop} needs a bound on the trip count.
 */
public final class Loops {

    private Loops() {
    }

    /** A loop body: the next carry from the step index, the carry and the parameters. */
    @FunctionalInterface
    public interface Body {
        /** carry after step i. */
        Tensor apply(int i, Tensor carry, List<Tensor> params);
    }

    /** A scan body: the next carry from the carry, the current slice of the scanned tensor and the parameters. */
    @FunctionalInterface
    public interface ScanBody {
        /** carry after consuming {@code x}. */
        Tensor apply(Tensor carry, Tensor x, List<Tensor> params);
    }

    /** A scan body with a per-step output: the next carry and this step's output y. */
    @FunctionalInterface
    public interface ScanStep {
        /** The carry after consuming {@code x}, and the output of this step. */
        Scanned apply(Tensor carry, Tensor x, List<Tensor> params);
    }

    /** What one step of a scan gives: the next carry and the step's output (null only inside carry-only loops). */
    public record Scanned(Tensor carry, Tensor y) {

        /** Checks that there is a carry. */
        public Scanned {
            Objects.requireNonNull(carry, "carry");
        }

        /** The next carry and this step's output. */
        public static Scanned of(Tensor carry, Tensor y) {
            return new Scanned(carry, Objects.requireNonNull(y, "y"));
        }
    }

    /** The result of {@link #scan}: the final carry and the steps' outputs stacked along a new axis 0. */
    public record ScanResult(Tensor carry, Tensor ys) {
    }

    /** One step of any loop here: the next carry (and output) from the index, the carry, the slice x (or null). */
    private interface Step {
        Scanned apply(int i, Tensor carry, Tensor x, List<Tensor> params);
    }

    /** {@code carry ← body(i, carry, params)} for i = 0 … n−1, from {@code init}. */
    public static Tensor fori(int n, Body body, Tensor init, Tensor... params) {
        if (n < 0) {
            throw new IllegalArgumentException("fori: negative trip count " + n);
        }
        return loop("fori", n, (i, c, x, p) -> new Scanned(body.apply(i, c, p), null), init, null, params, null);
    }

    /** The carry after folding {@code body} over axis 0 of {@code xs}: a {@link #scan} without per-step outputs. */
    public static Tensor fold(ScanBody body, Tensor init, Tensor xs, Tensor... params) {
        int n = scannedLength("fold", xs);
        return loop("fold", n, (i, c, x, p) -> new Scanned(body.apply(c, x, p), null), init, xs, params, null);
    }

    /**
     * A scan like {@code jax.lax.scan}: {@code (carry, y_i) ← body(carry, xs[i], params)} for i = 0 … n−1, giving
     * the final carry and {@code ys}, the outputs stacked along a new axis 0 (shape {@code [n, y's shape]}). Every
     * y must have one shape, and the carry must keep its shape. The body runs once on zeros first to learn y's
     * shape, so an empty {@code xs} (n = 0) gives the initial carry and an empty {@code ys} of shape [0, …]. It is
     * one {@code scan} equation in a traced graph and one {@code scan_vjp} equation in its gradient graph. A
     * simple recurrent network, with its hidden states as the outputs:
     * <pre>{@code
     * ScanResult r = Loops.scan((h, x, p) -> {
     *     Tensor next = h.matmul(p.get(0)).add(x.matmul(p.get(1))).tanh();
     *     return Scanned.of(next, next);
     * }, h0, inputs, recurrent, inputWeights);   // inputs: [steps, features]
     * Tensor loss = r.ys().sum().add(r.carry().sum());
     * }</pre>
     */
    public static ScanResult scan(ScanStep body, Tensor init, Tensor xs, Tensor... params) {
        int n = scannedLength("scan", xs);
        Shape yShape = outputShape(body, init, xs, params);
        Tensor packed = loop("scan", n, (i, c, x, p) -> body.apply(c, x, p), init, xs, params, yShape);
        Tensor[] parts = unpack(packed, new Shape[] {init.shape(), Shape.of(n).concat(yShape)});
        return new ScanResult(parts[0], parts[1]);
    }

    private static int scannedLength(String name, Tensor xs) {
        if (xs.shape().rank() == 0) {
            throw new IllegalArgumentException(name + ": xs must have an axis to scan over (axis 0), got shape "
                    + xs.shape());
        }
        return xs.dim(0);
    }

    /** The shape of the body's output y, found by running it once on zeros (eagerly: zeros are not traced). */
    private static Shape outputShape(ScanStep body, Tensor init, Tensor xs, Tensor[] params) {
        List<Tensor> p = new ArrayList<>(params.length);
        for (Tensor t : params) {
            p.add(Tensor.zeros(t.shape().dims()));
        }
        Shape x = xs.shape().remove(0);
        Tensor c = Tensor.zeros(init.shape().dims());
        Scanned s = body.apply(c, Tensor.zeros(x.dims()), p);
        if (s.y() == null) {
            throw new IllegalArgumentException("scan: the body returned no output y; return Scanned.of(carry, y),"
                    + " or use scan(...) to keep only the carry");
        }
        return checked("scan", 0, s, c, s.y().shape()).y().shape();
    }

    /**
     * {@code carry ← body(i, carry, params)} while {@code condition(carry)} is non-zero; reverse mode is supported
     * for at most {@code maxTrips} steps (more is an error), forward mode always.
     */
    public static Tensor whileLoop(Function<Tensor, Tensor> condition, Body body, Tensor init, int maxTrips,
                                   Tensor... params) {
        if (maxTrips < 0) {
            throw new IllegalArgumentException("whileLoop: negative maxTrips " + maxTrips);
        }
        return loopWithCondition("while", condition, body, init, params, maxTrips);
    }

    private static Tensor loopWithCondition(String name, Function<Tensor, Tensor> condition, Body body, Tensor init,
                                            Tensor[] params, int maxTrips) {
        Function<Tensor[], Tensor> run = xs -> {
            Tensor c = xs[0];
            if (Stage.probingShapes()) {
                return c;                       // the carry keeps its shape
            }
            List<Tensor> p = Arrays.asList(xs).subList(1, xs.length);
            int k = 0;
            while (condition.apply(c).item() != 0) {
                if (k == maxTrips) {
                    throw new IllegalStateException("whileLoop: more than " + maxTrips + " trips; raise maxTrips");
                }
                c = body.apply(k++, c, p);
            }
            return c;
        };
        BiFunction<Tensor[], Tensor, Tensor[]> back = (xs, g) -> {
            List<Tensor> p = Arrays.asList(xs).subList(1, xs.length);
            List<Tensor> states = new ArrayList<>();
            Tensor c = xs[0];
            while (condition.apply(c).item() != 0) {
                if (states.size() == maxTrips) {
                    throw new IllegalStateException("whileLoop: more than " + maxTrips + " trips; raise maxTrips");
                }
                states.add(c);
                c = body.apply(states.size() - 1, c, p);
            }
            return sweep((i, a, x, q) -> new Scanned(body.apply(i, a, q), null), states, xs, false, g, null);
        };
        CustomVjp.ForwardRule forward = (a, t, y) -> {
            // The loop again over the carry paired with its tangent; the condition reads the carry.
            Shape[] pair = {a[0].shape(), a[0].shape()};
            Body jvp = (i, cc, pp) -> {
                Tensor[] c = unpack(cc, pair);
                Tensor[] next = new Tensor[2];
                try (Jvp j = new Jvp()) {
                    List<Tensor> p = seeded(j, pp);
                    Tensor out = body.apply(i, j.seed(c[0], c[1]), p);
                    next[0] = j.primalOf(out);
                    next[1] = j.tangentOf(out);
                }
                return pack(next, pair);
            };
            Tensor[] params2 = withTangents(a, t, 1);
            Tensor start = pack(new Tensor[] {a[0], t[0] != null ? t[0] : Tensor.zerosLike(a[0])}, pair);
            return unpack(loopWithCondition(name + "_jvp", cc -> condition.apply(unpack(cc, pair)[0]), jvp, start,
                    params2, maxTrips), pair)[1];
        };
        return Interpreter.bind(structured(name, run, back, forward), operands(init, null, params));
    }

    /**
     * The loop as ONE primitive over the operands [init, xs (when scanning), params…]: n steps, giving the final
     * carry, or when {@code yShape} is not null the carry and the n outputs packed in one flat vector.
     */
    private static Tensor loop(String name, int n, Step step, Tensor init, Tensor xs, Tensor[] params,
                               Shape yShape) {
        boolean scanned = xs != null;
        int first = scanned ? 2 : 1;           // where the parameters start among the operands
        Shape[] packing = new Shape[n + 1];    // the parts of the packed output: carry, y_0, …, y_{n−1}
        Arrays.fill(packing, yShape);
        packing[0] = init.shape();
        int size = init.size() + (yShape == null ? 0 : n * yShape.size());
        Function<Tensor[], Tensor> run = a -> {
            if (Stage.probingShapes()) {
                return yShape == null ? a[0] : Tensor.zeros(size);     // the shape only: don't run the loop
            }
            List<Tensor> p = Arrays.asList(a).subList(first, a.length);
            Tensor[] out = new Tensor[n + 1];
            Tensor c = a[0];
            for (int i = 0; i < n; i++) {
                Scanned s = checked(name, i, step.apply(i, c, scanned ? a[1].index(i) : null, p), c, yShape);
                c = s.carry();
                out[i + 1] = s.y();
            }
            out[0] = c;
            return yShape == null ? c : pack(out, packing);
        };
        BiFunction<Tensor[], Tensor, Tensor[]> back = (a, g) -> {
            List<Tensor> p = Arrays.asList(a).subList(first, a.length);
            List<Tensor> states = new ArrayList<>(n);
            Tensor c = a[0];
            for (int i = 0; i < n; i++) {
                states.add(c);
                c = step.apply(i, c, scanned ? a[1].index(i) : null, p).carry();
            }
            if (yShape == null) {
                return sweep(step, states, a, scanned, g, null);
            }
            Tensor[] parts = unpack(g, new Shape[] {init.shape(), Shape.of(n).concat(yShape)});
            return sweep(step, states, a, scanned, parts[0], parts[1]);
        };
        CustomVjp.ForwardRule forward = (a, t, y) -> tangentLoop(name, n, step, a, t, scanned, yShape);
        return Interpreter.bind(structured(name, run, back, forward), operands(init, xs, params));
    }

    /**
     * Forward mode of a loop, as a loop again (one {@code name_jvp} equation, not the unrolled body): the carry
     * travels with its tangent, each slice of xs with its tangent, the parameters are followed by theirs, and each
     * step is the body's JVP. Returns the tangent of the loop's output, packed as the output is.
     */
    private static Tensor tangentLoop(String name, int n, Step step, Tensor[] a, Tensor[] t, boolean scanned,
                                      Shape yShape) {
        int first = scanned ? 2 : 1;
        Shape carry = a[0].shape();
        Shape x = scanned ? a[1].shape().remove(0) : null;
        Tensor[] both = withTangents(a, t, 0);           // the operands, then their tangents
        Shape[] pair = {carry, carry};
        Step jvp = (i, cc, xx, pp) -> {
            Tensor[] c = unpack(cc, pair);
            Tensor[] xi = scanned ? unpack(xx, new Shape[] {x, x}) : null;
            Tensor[] next = new Tensor[4];
            try (Jvp j = new Jvp()) {
                List<Tensor> p = seeded(j, pp);
                Scanned s = step.apply(i, j.seed(c[0], c[1]), scanned ? j.seed(xi[0], xi[1]) : null, p);
                next[0] = j.primalOf(s.carry());
                next[1] = j.tangentOf(s.carry());
                if (yShape != null) {
                    next[2] = j.primalOf(s.y());
                    next[3] = j.tangentOf(s.y());
                }
            }
            return new Scanned(pack(new Tensor[] {next[0], next[1]}, pair),
                    yShape == null ? null : pack(new Tensor[] {next[2], next[3]}, new Shape[] {yShape, yShape}));
        };
        Tensor[] params = withTangents(a, t, first);
        Tensor xs = scanned ? Tensor.concat(1, a[1].reshape(n, x.size()), both[a.length + 1].reshape(n, x.size()))
                : null;
        Shape y2 = yShape == null ? null : Shape.of(2 * yShape.size());
        Tensor out = loop(name + "_jvp", n, jvp, pack(new Tensor[] {a[0], both[a.length]}, pair), xs, params, y2);
        if (yShape == null) {
            return unpack(out, pair)[1];
        }
        Tensor[] parts = unpack(out, new Shape[] {Shape.of(2 * carry.size()), Shape.of(n, 2 * yShape.size())});
        Tensor carryTangent = parts[0].slice(0, carry.size(), 2 * carry.size());
        Tensor ysTangent = parts[1].slice(1, yShape.size(), 2 * yShape.size());
        return Tensor.concat(0, carryTangent, ysTangent.reshape(n * yShape.size()));
    }

    /** The operands from {@code from} on, followed by their tangents (zeros for null). */
    private static Tensor[] withTangents(Tensor[] a, Tensor[] t, int from) {
        int count = a.length - from;
        Tensor[] out = new Tensor[2 * count];
        for (int k = 0; k < count; k++) {
            out[k] = a[from + k];
            out[count + k] = t[from + k] != null ? t[from + k] : Tensor.zerosLike(a[from + k]);
        }
        return out;
    }

    /** Parameters followed by their tangents, as seeded values of the forward-mode scope {@code j}. */
    private static List<Tensor> seeded(Jvp j, List<Tensor> withTangents) {
        int count = withTangents.size() / 2;
        List<Tensor> p = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            p.add(j.seed(withTangents.get(k), withTangents.get(count + k)));
        }
        return p;
    }

    private static Scanned checked(String name, int i, Scanned s, Tensor carry, Shape yShape) {
        if (!s.carry().shape().equals(carry.shape())) {
            throw new IllegalArgumentException(name + ": the body changed the carry's shape from "
                    + carry.shape() + " to " + s.carry().shape());
        }
        if (yShape != null && s.y() == null) {
            throw new IllegalArgumentException(name + ": the body returned no output y at step " + i);
        }
        if (yShape != null && !s.y().shape().equals(yShape)) {
            throw new IllegalArgumentException(name + ": every step's output y must have one shape, but step " + i
                    + " gave " + s.y().shape() + " where " + yShape + " (y's shape on zeros) was expected");
        }
        return s;
    }

    /**
     * The reverse sweep over the recorded states: the cotangents of the operands [init, xs?, params…] from the
     * final carry's cotangent {@code gc} and the stacked outputs' cotangent {@code gys} (null when no outputs).
     * Step i is differentiated at (state_i, xs[i], params) with the cotangent (gc, gys[i]) of its (carry, y).
     */
    private static Tensor[] sweep(Step step, List<Tensor> states, Tensor[] a, boolean scanned, Tensor gc,
                                  Tensor gys) {
        int first = scanned ? 2 : 1;
        int n = states.size();
        Tensor[] out = new Tensor[a.length];
        Tensor[] gx = new Tensor[n];
        for (int i = n - 1; i >= 0; i--) {
            int at = i;
            Tensor[] args = a.clone();
            args[0] = states.get(i);
            if (scanned) {
                args[1] = a[1].index(i);
            }
            Shape[] packing = gys == null ? null : new Shape[] {gc.shape(), gys.shape().remove(0)};
            Function<Tensor[], Tensor> f = b -> {
                Scanned s = step.apply(at, b[0], scanned ? b[1] : null, Arrays.asList(b).subList(first, b.length));
                return gys == null ? s.carry() : pack(new Tensor[] {s.carry(), s.y()}, packing);
            };
            Tensor g = gys == null ? gc : pack(new Tensor[] {gc, gys.index(i)}, packing);
            Tensor[] cot = differentiate(f, args, g);
            gc = cot[0] != null ? cot[0] : Tensor.zerosLike(states.get(i));
            if (scanned) {
                gx[i] = cot[1] != null ? cot[1] : Tensor.zerosLike(args[1]);
            }
            for (int j = first; j < a.length; j++) {
                if (cot[j] != null) {
                    out[j] = out[j] == null ? cot[j] : out[j].add(cot[j]);
                }
            }
        }
        out[0] = gc;
        if (scanned && n > 0) {
            out[1] = Tensor.stack(0, gx);
        }
        return out;
    }

    /** If {@code pred} (a one-element tensor) is non-zero, {@code then(x, params)}, else {@code otherwise(x, params)}. */
    public static Tensor cond(Tensor pred, BiFunction<Tensor, List<Tensor>, Tensor> then,
                              BiFunction<Tensor, List<Tensor>, Tensor> otherwise, Tensor x, Tensor... params) {
        return cond("cond", pred, then, otherwise, x, params);
    }

    private static Tensor cond(String name, Tensor pred, BiFunction<Tensor, List<Tensor>, Tensor> then,
                               BiFunction<Tensor, List<Tensor>, Tensor> otherwise, Tensor x, Tensor... params) {
        if (pred.size() != 1) {
            throw new IllegalArgumentException("cond: the predicate must have one element, got shape "
                    + pred.shape());
        }
        Function<Tensor[], Tensor> run = xs -> (Stage.probingShapes() ? then : branch(xs, then, otherwise))
                .apply(xs[1], Arrays.asList(xs).subList(2, xs.length));
        BiFunction<Tensor[], Tensor, Tensor[]> back = (xs, g) -> {
            BiFunction<Tensor, List<Tensor>, Tensor> b = branch(xs, then, otherwise);
            Tensor[] rest = Arrays.copyOfRange(xs, 1, xs.length);
            Tensor[] cot = differentiate(a -> b.apply(a[0], Arrays.asList(a).subList(1, a.length)), rest, g);
            Tensor[] out = new Tensor[xs.length];
            System.arraycopy(cot, 0, out, 1, cot.length);
            return out;
        };
        Tensor[] ops = new Tensor[params.length + 2];
        ops[0] = pred;
        ops[1] = x;
        System.arraycopy(params, 0, ops, 2, params.length);
        CustomVjp.ForwardRule forward = (a, t, y) -> {
            // cond again, each branch replaced by its JVP, on x paired with its tangent.
            Shape[] pair = {a[1].shape(), a[1].shape()};
            Tensor[] params2 = withTangents(a, t, 2);
            Tensor xx = pack(new Tensor[] {a[1], t[1] != null ? t[1] : Tensor.zerosLike(a[1])}, pair);
            return cond(name + "_jvp", a[0], tangentOf(then, pair), tangentOf(otherwise, pair), xx,
                    params2);
        };
        return Interpreter.bind(structured(name, run, back, forward), ops);
    }

    /** A branch's JVP as a branch: from x paired with its tangent and the parameters followed by theirs. */
    private static BiFunction<Tensor, List<Tensor>, Tensor> tangentOf(BiFunction<Tensor, List<Tensor>, Tensor> branch,
                                                                      Shape[] pair) {
        return (xx, pp) -> {
            Tensor[] x = unpack(xx, pair);
            try (Jvp j = new Jvp()) {
                List<Tensor> p = seeded(j, pp);
                return j.tangentOf(branch.apply(j.seed(x[0], x[1]), p));
            }
        };
    }

    private static BiFunction<Tensor, List<Tensor>, Tensor> branch(Tensor[] xs,
            BiFunction<Tensor, List<Tensor>, Tensor> then, BiFunction<Tensor, List<Tensor>, Tensor> otherwise) {
        return xs[0].item() != 0 ? then : otherwise;
    }

    private static Tensor[] operands(Tensor init, Tensor xs, Tensor[] params) {
        int first = xs == null ? 1 : 2;
        Tensor[] ops = new Tensor[params.length + first];
        ops[0] = init;
        if (xs != null) {
            ops[1] = xs;
        }
        System.arraycopy(params, 0, ops, first, params.length);
        return ops;
    }

    /**
     * A custom-VJP primitive running {@code run}, whose reverse rule is the primitive {@code name_vjp} running
     * {@code back} (all cotangents packed in one vector), whose own rule differentiates {@code back} as it runs;
     * forward mode uses {@code forward}.
     */
    private static CustomVjp structured(String name, Function<Tensor[], Tensor> run,
                                        BiFunction<Tensor[], Tensor, Tensor[]> back, CustomVjp.ForwardRule forward) {
        return new CustomVjp(name, run, (xs, y, g) -> {
            Shape[] shapes = new Shape[xs.length];
            for (int i = 0; i < xs.length; i++) {
                shapes[i] = xs[i].shape();
            }
            int total = 0;
            for (Shape s : shapes) {
                total += s.size();
            }
            int size = total;
            Function<Tensor[], Tensor> packed = a -> Stage.probingShapes() ? Tensor.zeros(size)
                    : pack(back.apply(Arrays.copyOf(a, a.length - 1), a[a.length - 1]), shapes);
            CustomVjp backward = new CustomVjp(name + "_vjp", packed, (a, y2, gg) -> differentiate(packed, a, gg));
            Tensor[] args = Arrays.copyOf(xs, xs.length + 1);
            args[xs.length] = g;
            return unpack(Interpreter.bind(backward, args), shapes);
        }, forward);
    }

    /** The cotangents of {@code f}'s inputs for output cotangent {@code g}, by running f on a tape. */
    static Tensor[] differentiate(Function<Tensor[], Tensor> f, Tensor[] xs, Tensor g) {
        Vjp tape = new Vjp();
        Tensor[] w = new Tensor[xs.length];
        Tensor y;
        try {
            for (int i = 0; i < xs.length; i++) {
                w[i] = tape.watch(xs[i]);
            }
            y = f.apply(w);
        } finally {
            tape.close();
        }
        return tape.backward(y, g, w);
    }

    private static Tensor pack(Tensor[] parts, Shape[] shapes) {
        Tensor[] flat = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Tensor p = parts[i] != null ? parts[i] : Tensor.zeros(shapes[i].dims());
            flat[i] = p.reshape(p.size());
        }
        return Tensor.concat(0, flat);
    }

    private static Tensor[] unpack(Tensor packed, Shape[] shapes) {
        Tensor[] out = new Tensor[shapes.length];
        int at = 0;
        for (int i = 0; i < shapes.length; i++) {
            int n = shapes[i].size();
            out[i] = packed.slice(0, at, at + n).reshape(shapes[i]);
            at += n;
        }
        return out;
    }
}
