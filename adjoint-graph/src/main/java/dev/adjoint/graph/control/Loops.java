package dev.adjoint.graph.control;

import dev.adjoint.Tensor;
import dev.adjoint.array.Shape;
import dev.adjoint.graph.Stage;
import dev.adjoint.interpret.Interpreter;
import dev.adjoint.interpret.Vjp;
import dev.adjoint.primitive.CustomVjp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Structured control flow that survives tracing: {@link #fori}, {@link #scan}, {@link #whileLoop} and
 * {@link #cond} are each ONE equation in a traced graph (not the unrolled or taken path), and their gradient
 * graphs hold one backward equation each ({@code fori_vjp}, ...), which recomputes the forward states and sweeps
 * them backwards with the body's own VJP. Core has no loop primitive, so these are built on core's
 * {@link CustomVjp}: the forward function runs the loop, the reverse rule is itself a custom-VJP primitive whose
 * own rule differentiates it again (second order). Forward mode differentiates the loop as it runs.
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

    /** {@code carry ← body(i, carry, params)} for i = 0 … n−1, from {@code init}. */
    public static Tensor fori(int n, Body body, Tensor init, Tensor... params) {
        if (n < 0) {
            throw new IllegalArgumentException("fori: negative trip count " + n);
        }
        return loop("fori", body, init, params, n);
    }

    /** The carry after folding {@code body} over axis 0 of {@code xs} (a scan that keeps the final carry). */
    public static Tensor scan(ScanBody body, Tensor init, Tensor xs, Tensor... params) {
        Tensor[] all = new Tensor[params.length + 1];
        all[0] = xs;
        System.arraycopy(params, 0, all, 1, params.length);
        int n = xs.dim(0);
        Body b = (i, c, p) -> body.apply(c, p.get(0).index(i), p.subList(1, p.size()));
        return loop("scan", b, init, all, n);
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
        return loopWithCondition(condition, body, init, params, maxTrips);
    }

    private static Tensor loopWithCondition(Function<Tensor, Tensor> condition, Body body, Tensor init,
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
            return sweep(body, states, xs, g);
        };
        return Interpreter.bind(structured("while", run, back), operands(init, params));
    }

    private static Tensor loop(String name, Body body, Tensor init, Tensor[] params, int n) {
        Function<Tensor[], Tensor> run = xs -> {
            Tensor c = xs[0];
            if (Stage.probingShapes()) {
                return c;                       // the carry keeps its shape
            }
            List<Tensor> p = Arrays.asList(xs).subList(1, xs.length);
            for (int i = 0; i < n; i++) {
                Tensor next = body.apply(i, c, p);
                if (!next.shape().equals(c.shape())) {
                    throw new IllegalArgumentException(name + ": the body changed the carry's shape from "
                            + c.shape() + " to " + next.shape());
                }
                c = next;
            }
            return c;
        };
        BiFunction<Tensor[], Tensor, Tensor[]> back = (xs, g) -> {
            List<Tensor> p = Arrays.asList(xs).subList(1, xs.length);
            List<Tensor> states = new ArrayList<>();
            Tensor c = xs[0];
            for (int i = 0; i < n; i++) {
                states.add(c);
                c = body.apply(i, c, p);
            }
            return sweep(body, states, xs, g);
        };
        return Interpreter.bind(structured(name, run, back), operands(init, params));
    }

    /** The reverse sweep over recorded states: cotangents of the initial carry and of every parameter. */
    private static Tensor[] sweep(Body body, List<Tensor> states, Tensor[] xs, Tensor g) {
        Tensor[] out = new Tensor[xs.length];
        Tensor gc = g;
        for (int i = states.size() - 1; i >= 0; i--) {
            int step = i;
            Tensor[] at = xs.clone();
            at[0] = states.get(i);
            Tensor[] cot = differentiate(a -> body.apply(step, a[0], Arrays.asList(a).subList(1, a.length)), at, gc);
            gc = cot[0] != null ? cot[0] : Tensor.zerosLike(states.get(i));
            for (int j = 1; j < xs.length; j++) {
                if (cot[j] != null) {
                    out[j] = out[j] == null ? cot[j] : out[j].add(cot[j]);
                }
            }
        }
        out[0] = gc;
        return out;
    }

    /** If {@code pred} (a one-element tensor) is non-zero, {@code then(x, params)}, else {@code otherwise(x, params)}. */
    public static Tensor cond(Tensor pred, BiFunction<Tensor, List<Tensor>, Tensor> then,
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
        return Interpreter.bind(structured("cond", run, back), ops);
    }

    private static BiFunction<Tensor, List<Tensor>, Tensor> branch(Tensor[] xs,
            BiFunction<Tensor, List<Tensor>, Tensor> then, BiFunction<Tensor, List<Tensor>, Tensor> otherwise) {
        return xs[0].item() != 0 ? then : otherwise;
    }

    private static Tensor[] operands(Tensor init, Tensor[] params) {
        Tensor[] ops = new Tensor[params.length + 1];
        ops[0] = init;
        System.arraycopy(params, 0, ops, 1, params.length);
        return ops;
    }

    /**
     * A custom-VJP primitive running {@code run}, whose reverse rule is the primitive {@code name_vjp} running
     * {@code back} (all cotangents packed in one vector), whose own rule differentiates {@code back} as it runs.
     */
    private static CustomVjp structured(String name, Function<Tensor[], Tensor> run,
                                        BiFunction<Tensor[], Tensor, Tensor[]> back) {
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
        });
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
