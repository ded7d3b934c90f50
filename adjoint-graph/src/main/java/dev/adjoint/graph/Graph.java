package dev.adjoint.graph;

import dev.adjoint.Ad;
import dev.adjoint.Tensor;
import dev.adjoint.Tree;
import dev.adjoint.array.NdArray;
import dev.adjoint.graph.compile.Executor;
import dev.adjoint.graph.pass.Passes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A static graph: inputs, a list of equations in A-normal form (each defines one new variable from variables and
 * literals), and outputs; every variable is typed by its shape. Built by tracing a tensor function
 * ({@link #trace}) or from placeholders ({@link #define()}); printed one equation per line; differentiated into
 * another graph ({@link #grad()}); run by {@link #run}.
 *
 * <p><b>Threads.</b> Immutable, so thread-safe; tracing runs on the calling thread's interpreter stack.
 */
public record Graph(List<Var> inputs, List<Equation> equations, List<Atom> outputs) {

    /** A graph; checks that every variable is defined once, before it is used. */
    public Graph {
        inputs = List.copyOf(inputs);
        equations = List.copyOf(equations);
        outputs = List.copyOf(outputs);
        Set<Var> defined = new HashSet<>(inputs);
        for (Equation e : equations) {
            for (Atom a : e.inputs()) {
                requireDefined(defined, a, e.op().name());
            }
            if (!defined.add(e.output())) {
                throw new IllegalArgumentException("graph: variable " + e.output().id() + " defined twice");
            }
        }
        for (Atom a : outputs) {
            requireDefined(defined, a, "output");
        }
    }

    private static void requireDefined(Set<Var> defined, Atom a, String where) {
        if (a instanceof Var v && !defined.contains(v)) {
            throw new IllegalArgumentException("graph: " + where + " uses variable " + v.id()
                    + " before it is defined");
        }
    }

    // ------------------------------------------------------------------ building

    /** The graph of {@code f} traced at an example input (only its shape matters); outputs are f's tensors. */
    public static Graph trace(Function<Tensor, ?> f, Tensor example) {
        return traceList(xs -> f.apply(xs.get(0)), List.of(example));
    }

    /** The graph of a function of a structure of tensors (record, list, map...): one input per leaf. */
    public static <A> Graph traceTree(Function<A, ?> f, A example) {
        return traceList(xs -> f.apply(Tree.rebuild(example, xs)), Tree.leaves(example));
    }

    /** The graph of a function of several tensors traced at example inputs. */
    public static Graph traceList(Function<List<Tensor>, ?> f, List<Tensor> examples) {
        try (Stage s = new Stage()) {
            List<Var> in = new ArrayList<>();
            List<Tensor> args = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                Tensor x = examples.get(i);
                Stage.requireFloat64(x, "trace: example input " + i);
                Var v = Var.fresh(x.shape());
                in.add(v);
                args.add(s.input(v));
            }
            return s.build(in, Tree.leaves(f.apply(args)));
        }
    }

    /**
     * Opens a define-then-run scope: create inputs with {@link Stage#placeholder}, compute with tensor code, and
     * finish with {@link Stage#build}, which returns the graph and closes the scope.
     */
    public static Stage define() {
        return new Stage();
    }

    // ------------------------------------------------------------------ inspection

    /** The number of equations. */
    public int size() {
        return equations.size();
    }

    /** The number of equations that compute (broadcasts of a single number, which fused loops absorb, not counted). */
    public int work() {
        int n = 0;
        for (Equation e : equations) {
            boolean splat = e.op() instanceof PrimitiveOp p && p.primitive() instanceof dev.adjoint.primitive.Broadcast
                    && e.inputs().get(0).shape().size() == 1;
            n += splat ? 0 : 1;
        }
        return n;
    }

    /** The number of doubles stored in literals. */
    public long literalElements() {
        long n = 0;
        for (Equation e : equations) {
            for (Atom a : e.inputs()) {
                n += a instanceof Literal l ? l.value().size() : 0;
            }
        }
        return n;
    }

    /** The number of times each variable is used (by equations and as an output). */
    public Map<Var, Integer> uses() {
        Map<Var, Integer> n = new HashMap<>();
        for (Equation e : equations) {
            for (Atom a : e.inputs()) {
                if (a instanceof Var v) {
                    n.merge(v, 1, Integer::sum);
                }
            }
        }
        for (Atom a : outputs) {
            if (a instanceof Var v) {
                n.merge(v, 1, Integer::sum);
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ running

    /** The outputs for tensor inputs, through the interpreter stack: under a transform this is differentiated. */
    public List<Tensor> apply(List<Tensor> args) {
        requireArity(args.size());
        Map<Var, Tensor> env = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            env.put(inputs.get(i), args.get(i));
        }
        for (Equation e : equations) {
            Tensor[] in = new Tensor[e.inputs().size()];
            for (int i = 0; i < in.length; i++) {
                Atom a = e.inputs().get(i);
                in[i] = a instanceof Var v ? env.get(v) : Tensor.of(((Literal) a).value());
            }
            env.put(e.output(), e.op().apply(in));
        }
        List<Tensor> out = new ArrayList<>();
        for (Atom a : outputs) {
            out.add(a instanceof Var v ? env.get(v) : Tensor.of(((Literal) a).value()));
        }
        return out;
    }

    /** The outputs for concrete inputs, equation by equation without buffer planning (see {@link #run}). */
    public List<NdArray> evaluate(List<NdArray> args) {
        requireArity(args.size());
        Map<Var, NdArray> env = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            env.put(inputs.get(i), args.get(i));
        }
        for (Equation e : equations) {
            NdArray[] in = new NdArray[e.inputs().size()];
            for (int i = 0; i < in.length; i++) {
                Atom a = e.inputs().get(i);
                in[i] = a instanceof Var v ? env.get(v) : ((Literal) a).value();
            }
            env.put(e.output(), e.op().evaluate(in));
        }
        List<NdArray> out = new ArrayList<>();
        for (Atom a : outputs) {
            out.add(a instanceof Var v ? env.get(v) : ((Literal) a).value());
        }
        return out;
    }

    /** The outputs for concrete inputs in order, by the planning interpreter ({@link Executor}). */
    public List<Tensor> run(Tensor... args) {
        return Executor.of(this).run(args);
    }

    /** The outputs with inputs fed by placeholder (the tensors {@link Stage#placeholder} returned) or position. */
    public List<Tensor> run(Map<Tensor, Tensor> feeds) {
        Tensor[] args = new Tensor[inputs.size()];
        for (Map.Entry<Tensor, Tensor> f : feeds.entrySet()) {
            Var v = Stage.varOf(f.getKey());
            int i = v == null ? -1 : inputs.indexOf(v);
            if (i < 0) {
                throw new IllegalArgumentException("run: a fed key is not a placeholder of this graph");
            }
            args[i] = f.getValue();
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                throw new IllegalArgumentException("run: input " + i + " of shape " + inputs.get(i).shape()
                        + " was not fed");
            }
        }
        return run(args);
    }

    private void requireArity(int n) {
        if (n != inputs.size()) {
            throw new IllegalArgumentException("graph: " + inputs.size() + " inputs expected, got " + n);
        }
    }

    // ------------------------------------------------------------------ transforms

    /**
     * The gradient graph: same inputs, one output per input, ∂y/∂xᵢ of the single scalar output y. It is the
     * reverse-mode interpreter run under staging, then simplified ({@link Passes#simplify()}).
     */
    public Graph grad() {
        return derivative(false);
    }

    /** Like {@link #grad()} with the value y as the first output. */
    public Graph valueAndGrad() {
        return derivative(true);
    }

    private Graph derivative(boolean withValue) {
        if (outputs.size() != 1 || outputs.get(0).shape().size() != 1) {
            throw new IllegalArgumentException("grad: the graph must have one scalar output, it has "
                    + outputs.size() + " outputs" + (outputs.isEmpty() ? "" : " the first of shape "
                    + outputs.get(0).shape()));
        }
        try (Stage s = new Stage()) {
            List<Tensor> xs = new ArrayList<>();
            for (Var v : inputs) {
                xs.add(s.input(v));
            }
            var vg = Ad.valueAndGrad((List<Tensor> l) -> apply(l).get(0)).apply(xs);
            List<Tensor> out = new ArrayList<>();
            if (withValue) {
                out.add(vg.value());
            }
            out.addAll(vg.grad());
            return Passes.simplify().apply(s.build(inputs, out));
        }
    }

    /** This graph after the standard passes (simplification, then elementwise fusion). */
    public Graph optimize() {
        return Passes.optimize().apply(this);
    }

    // ------------------------------------------------------------------ printing

    /** The listing, one equation per line, like a jaxpr. */
    @Override
    public String toString() {
        return Printer.text(this);
    }

    /** The graph in Graphviz DOT. */
    public String dot() {
        return Printer.dot(this);
    }
}
