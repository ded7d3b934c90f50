package dev.adjoint.nn.optim;

import dev.adjoint.Tensor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright, Algorithm 7.4): the direction −H∇f from the last m curvature pairs
 * (two-loop recursion, initial scaling sᵀy/yᵀy), and a step satisfying the strong Wolfe conditions
 * ({@link WolfeLineSearch}). Pairs with sᵀy ≤ 0 are skipped, which keeps H positive definite. Meant for
 * deterministic (full-batch) objectives; with a new objective every step it still works but its pairs mix
 * functions.
 */
public final class Lbfgs implements Optimizer {

    private record Pair(double[] s, double[] y, double rho) {
    }

    private final int memory;
    private final WolfeLineSearch lineSearch;
    private final Deque<Pair> pairs = new ArrayDeque<>();
    private Object lastParams;
    private Function<?, Tensor> lastObjective;
    private FlatObjective.Eval last;
    private int evaluations;

    private Lbfgs(int memory, WolfeLineSearch lineSearch) {
        if (memory < 1) {
            throw new IllegalArgumentException("Lbfgs: memory must be ≥ 1, got " + memory);
        }
        this.memory = memory;
        this.lineSearch = lineSearch;
    }

    /** L-BFGS with 10 pairs and the standard strong-Wolfe line search. */
    public static Lbfgs create() {
        return new Lbfgs(10, WolfeLineSearch.standard());
    }

    /** L-BFGS with the given memory and line search. */
    public static Lbfgs of(int memory, WolfeLineSearch lineSearch) {
        return new Lbfgs(memory, lineSearch);
    }

    /** The number of objective evaluations (value and gradient) so far. */
    public int evaluations() {
        return evaluations;
    }

    @Override
    public <T> Step<T> step(Function<T, Tensor> objective, T params) {
        FlatObjective<T> f = new FlatObjective<>(objective, params);
        double[] x = f.flat.pack(params);
        FlatObjective.Eval e0 = params == lastParams && objective == lastObjective && last != null ? last
                : f.eval(x);
        double[] g = e0.grad();
        if (!pairs.isEmpty() && pairs.peekLast().s().length != x.length) {
            throw new IllegalStateException("lbfgs: the restored curvature pairs have " + pairs.peekLast().s().length
                    + " entries, but the parameters have " + x.length);
        }
        double[] d = direction(g);
        double slope = Vec.dot(g, d);
        if (!(slope < 0)) {
            pairs.clear();
            d = Vec.scale(-1, g);
            slope = Vec.dot(g, d);
        }
        if (slope == 0) {
            evaluations += f.evaluations;
            return new Step<>(params, e0.value());
        }
        double alpha1 = pairs.isEmpty() ? Math.min(1, 1 / Vec.norm(g)) : 1;
        double[] dir = d;
        WolfeLineSearch.Result r = lineSearch.search(a -> {
            FlatObjective.Eval e = f.eval(Vec.axpy(x, a, dir));
            return new WolfeLineSearch.Point(a, e.value(), Vec.dot(e.grad(), dir), e.grad());
        }, new WolfeLineSearch.Point(0, e0.value(), slope, g), alpha1);
        WolfeLineSearch.Point p = r.point();
        evaluations += f.evaluations;
        if (p.alpha() == 0) {
            pairs.clear();
            return new Step<>(params, e0.value());
        }
        double[] xn = Vec.axpy(x, p.alpha(), d);
        double[] s = Vec.scale(p.alpha(), d);
        double[] y = Vec.axpy(p.grad(), -1, g);
        double sy = Vec.dot(s, y);
        if (sy > 1e-12 * Vec.norm(s) * Vec.norm(y)) {
            pairs.addLast(new Pair(s, y, 1 / sy));
            if (pairs.size() > memory) {
                pairs.removeFirst();
            }
        }
        T next = f.flat.unpack(xn);
        lastParams = next;
        lastObjective = objective;
        last = new FlatObjective.Eval(p.value(), p.grad());
        return new Step<>(next, e0.value());
    }

    /** −H g by the two-loop recursion. */
    private double[] direction(double[] g) {
        double[] q = g.clone();
        int k = pairs.size();
        double[] a = new double[k];
        int i = k - 1;
        for (Iterator<Pair> it = pairs.descendingIterator(); it.hasNext(); i--) {
            Pair p = it.next();
            a[i] = p.rho() * Vec.dot(p.s(), q);
            for (int j = 0; j < q.length; j++) {
                q[j] -= a[i] * p.y()[j];
            }
        }
        if (k > 0) {
            Pair newest = pairs.peekLast();
            double gamma = 1 / (newest.rho() * Vec.dot(newest.y(), newest.y()));
            for (int j = 0; j < q.length; j++) {
                q[j] *= gamma;
            }
        }
        i = 0;
        for (Pair p : pairs) {
            double b = p.rho() * Vec.dot(p.y(), q);
            for (int j = 0; j < q.length; j++) {
                q[j] += (a[i] - b) * p.s()[j];
            }
            i++;
        }
        for (int j = 0; j < q.length; j++) {
            q[j] = -q[j];
        }
        return q;
    }

    /** The curvature pairs (oldest first) as vectors {@code s0, y0, s1, …}, the pair and evaluation counts. */
    @Override
    public OptimizerState state() {
        Map<String, double[]> v = new LinkedHashMap<>();
        int i = 0;
        for (Pair p : pairs) {
            v.put("s" + i, p.s());
            v.put("y" + i, p.y());
            i++;
        }
        return OptimizerState.of("lbfgs", Map.of("pairs", (double) pairs.size(), "evaluations",
                (double) evaluations), v);
    }

    @Override
    public void restore(OptimizerState state) {
        state.expect("lbfgs", Set.of("pairs", "evaluations"), state.vectorNames());
        int k = state.count("pairs");
        int evals = state.count("evaluations");
        if (k > memory) {
            throw new IllegalArgumentException("the saved lbfgs state has " + k + " curvature pairs, but this"
                    + " L-BFGS keeps " + memory);
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < k; i++) {
            names.add("s" + i);
            names.add("y" + i);
        }
        state.expect("lbfgs", Set.of("pairs", "evaluations"), names);
        Deque<Pair> restored = new ArrayDeque<>();
        for (int i = 0; i < k; i++) {
            double[] s = state.vector("s" + i);
            double[] y = state.vector("y" + i);
            restored.addLast(new Pair(s, y, 1 / Vec.dot(s, y)));
        }
        pairs.clear();
        pairs.addAll(restored);
        evaluations = evals;
        lastParams = null;
        lastObjective = null;
        last = null;
    }

    @Override
    public String name() {
        return "lbfgs";
    }
}
