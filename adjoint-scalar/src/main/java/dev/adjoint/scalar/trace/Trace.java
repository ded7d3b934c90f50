package dev.adjoint.scalar.trace;

import dev.adjoint.scalar.BinaryFunction;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.RealFunction;
import dev.adjoint.scalar.UnaryFunction;
import dev.adjoint.symbolic.BinaryExpr;
import dev.adjoint.symbolic.Expr;
import dev.adjoint.symbolic.Exprs;
import dev.adjoint.symbolic.Unary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A Wengert list: a function recorded at a point as the sequence of elementary steps it performed, numbered as in
 * Baydin et al.'s survey and the lecture. Inputs x₁ … xₙ are v₋ₙ₊₁ … v₀, the steps are v₁ … vₖ, and the output y
 * is one of the nodes (or a constant). Constants are literals inside the step that uses them, not nodes. Steps
 * are numbered level by level (all operations on the inputs first), as the lecture numbers them, whatever order
 * the function happened to perform them in.
 *
 * <p>The trace can be replayed {@link #forward(double...) forward} (tangents for a seed ẋ) and
 * {@link #reverse() backward} (adjoints, with every update in the order the reverse sweep makes it), using the
 * local partial derivatives that the table rows' slopes gave while recording.
 *
 * <p><b>Threads.</b> Immutable, so thread-safe.
 */
public final class Trace {

    private final List<String> inputNames;
    private final double[] inputValues;
    private final List<Step> steps;
    private final Operand output;
    private final Step folded;

    private Trace(List<String> inputNames, double[] inputValues, List<Step> steps, Operand output, Step folded) {
        this.inputNames = List.copyOf(inputNames);
        this.inputValues = inputValues.clone();
        this.steps = List.copyOf(steps);
        this.output = output;
        this.folded = folded;
    }

    /** Records {@code f} at {@code x}; {@code names} name the inputs (x1, x2, … if empty). */
    public static Trace record(RealFunction f, List<String> names, double... x) {
        Trace run = recordAsRun(f, names, x);
        return byLevel(run.inputNames, x, run.steps, run.output, run.folded);
    }

    /**
     * Records {@code f} at {@code x} with the steps numbered in the order {@code f} performed them, not level by
     * level: the order a compiler wants, because each iteration of a loop in {@code f} stays together.
     */
    public static Trace recordAsRun(RealFunction f, List<String> names, double... x) {
        List<String> inputNames = names.isEmpty() ? defaultNames(x.length) : names;
        if (inputNames.size() != x.length) {
            throw new IllegalArgumentException("Trace.record: " + inputNames.size() + " names but " + x.length
                    + " values");
        }
        Recorder recorder = new Recorder();
        Traced[] inputs = new Traced[x.length];
        for (int i = 0; i < x.length; i++) {
            inputs[i] = new Traced(recorder, Operand.node(i - x.length + 1, x[i]));
        }
        Real y = f.apply(inputs);
        Operand output;
        if (y instanceof Traced t && t.recorder == recorder) {
            output = t.operand;
        } else if (x.length == 0) {
            output = Operand.literal(y.value());
        } else {
            throw new IllegalArgumentException("the function returned a " + y.getClass().getSimpleName()
                    + " that was not computed from its traced inputs");
        }
        return new Trace(inputNames, x, recorder.steps, output, recorder.folded);
    }

    /**
     * Renumbers the steps level by level (a step's level is the longest path to it from the inputs), keeping the
     * recording order within a level: the lecture's numbering, which lists every operation on the inputs first.
     * Any order in which operands come before their uses is a valid Wengert list, and this one is canonical.
     */
    private static Trace byLevel(List<String> names, double[] x, List<Step> recorded, Operand output, Step folded) {
        int[] level = new int[recorded.size() + 1];
        for (Step s : recorded) {
            int l = 0;
            for (Operand o : s.operands()) {
                l = Math.max(l, o.literal() || o.id() <= 0 ? 0 : level[o.id()]);
            }
            level[s.id()] = l + 1;
        }
        List<Step> order = new ArrayList<>(recorded);
        order.sort(java.util.Comparator.comparingInt(s -> level[s.id()])); // stable: recording order within a level
        int[] renumber = new int[recorded.size() + 1];
        for (int i = 0; i < order.size(); i++) {
            renumber[order.get(i).id()] = i + 1;
        }
        List<Step> steps = new ArrayList<>();
        for (Step s : order) {
            List<Operand> operands = new ArrayList<>();
            for (Operand o : s.operands()) {
                operands.add(o.literal() || o.id() <= 0 ? o : Operand.node(renumber[o.id()], o.value()));
            }
            steps.add(new Step(renumber[s.id()], s.unary(), s.binary(), operands, s.value(), s.partials()));
        }
        Operand out = output.literal() || output.id() <= 0 ? output : Operand.node(renumber[output.id()],
                output.value());
        return new Trace(names, x, steps, out, folded);
    }

    /** Records expression {@code e} as a function of {@code variables} at {@code x}. */
    public static Trace record(Expr e, List<String> variables, double... x) {
        Trace t = record(Exprs.toFunction(e, variables), variables, x);
        if (x.length > 0) {
            return t;
        }
        // Without inputs nothing is traced (there is no traced value to lift constants with): find the fold here.
        return new Trace(t.inputNames, x, t.steps, t.output, firstNonFiniteFold(e));
    }

    private static Step firstNonFiniteFold(Expr root) {
        java.util.Map<Expr, Double> values = new java.util.IdentityHashMap<>();
        for (Expr e : Exprs.postOrder(root)) {
            double v = e.evaluate(java.util.Map.of(), values);
            values.put(e, v);
            if (Double.isFinite(v)) {
                continue;
            }
            if (e instanceof Unary u && Double.isFinite(values.get(u.arg()))) {
                return new Step(0, u.function(), null, List.of(Operand.literal(values.get(u.arg()))), v, List.of(0.0));
            }
            if (e instanceof BinaryExpr b && Double.isFinite(values.get(b.left()))
                    && Double.isFinite(values.get(b.right()))) {
                return new Step(0, null, b.function(), List.of(Operand.literal(values.get(b.left())),
                        Operand.literal(values.get(b.right()))), v, List.of(0.0, 0.0));
            }
        }
        return null;
    }

    private static List<String> defaultNames(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            names.add("x" + i);
        }
        return names;
    }

    /** Number of inputs n. */
    public int inputCount() {
        return inputValues.length;
    }

    /** Names of the inputs x₁ … xₙ. */
    public List<String> inputNames() {
        return inputNames;
    }

    /** The node number of input i (0-based): i − n + 1. */
    public int inputId(int i) {
        return i - inputValues.length + 1;
    }

    /** The recorded steps v₁ … vₖ. */
    public List<Step> steps() {
        return steps;
    }

    /** The node (or literal) that is the output y. */
    public Operand output() {
        return output;
    }

    /** y. */
    public double value() {
        return output.value();
    }

    /** The primal value of node v_id. */
    public double valueOf(int id) {
        return id <= 0 ? inputValues[id + inputValues.length - 1] : steps.get(id - 1).value();
    }

    /** The first step whose value is NaN or infinite although its operands are finite: where things went wrong. */
    public Optional<Step> firstNonFinite() {
        for (Step s : steps) {
            if (!Double.isFinite(s.value()) && s.operands().stream().allMatch(o -> Double.isFinite(o.value()))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The first operation on constants alone that produced NaN or an infinity from finite constants, such as
     * {@code 1e308 × 10}: such operations fold into a literal while recording, so they are not steps.
     */
    public Optional<Step> firstNonFiniteConstant() {
        return Optional.ofNullable(folded);
    }

    /**
     * Where the first NaN or infinity came from, as one line, e.g. {@code ln produced NaN at v₁ = ln(v₋₁) = ln(−2) =
     * NaN} or {@code * produced an infinite value folding the constants 1e308 × 10 = ∞}; empty if every value is
     * finite.
     */
    public Optional<String> nonFinite() {
        TracePrinter printer = TracePrinter.of(TracePrinter.Format.TEXT, 3);
        Optional<Step> step = firstNonFinite();
        if (step.isPresent()) {
            return Optional.of(produced(step.get()) + " at " + printer.describe(this, step.get()));
        }
        return nonFiniteConstant();
    }

    /**
     * The {@link #firstNonFiniteConstant()} as one line, e.g. {@code * produced an infinite value folding the
     * constants 1e308 × 10 = ∞}: the same at every point.
     */
    public Optional<String> nonFiniteConstant() {
        return firstNonFiniteConstant().map(c -> produced(c) + " folding the constants "
                + TracePrinter.of(TracePrinter.Format.TEXT, 3).describeConstant(c));
    }

    private static String produced(Step s) {
        return s.symbol() + " produced " + (Double.isNaN(s.value()) ? "NaN" : "an infinite value");
    }

    /**
     * Returns this trace if every value it computed is finite.
     *
     * @throws NonFiniteException naming the first step (or constant operation) that produced NaN or an infinity,
     *     e.g. {@code ln produced NaN at v₁ = ln(v₋₁) = ln(−2) = NaN}
     */
    public Trace requireFinite() {
        Optional<String> bad = nonFinite();
        if (bad.isPresent()) {
            throw new NonFiniteException(firstNonFinite().orElse(folded), bad.get());
        }
        return this;
    }

    /** Replays the trace forward with input tangents ẋ = {@code seed}: v̇ for every node, ẏ last. */
    public Tangents forward(double... seed) {
        int n = inputValues.length;
        if (seed.length != n) {
            throw new IllegalArgumentException("forward: " + n + " inputs but a seed of length " + seed.length);
        }
        double[] dot = new double[n + steps.size()];
        System.arraycopy(seed, 0, dot, 0, n);
        for (Step s : steps) {
            double sum = 0;
            for (int i = 0; i < s.operands().size(); i++) {
                Operand o = s.operands().get(i);
                if (!o.literal()) {
                    sum += s.partials().get(i) * dot[o.id() + n - 1];
                }
            }
            dot[s.id() + n - 1] = sum;
        }
        double outputDot = output.literal() ? 0 : dot[output.id() + n - 1];
        return new Tangents(seed, dot, outputDot, n);
    }

    /** Replays the trace forward seeded with ẋᵢ = 1 for input {@code i} (0-based): column i of the gradient. */
    public Tangents forwardFor(int i) {
        double[] seed = new double[inputValues.length];
        seed[i] = 1;
        return forward(seed);
    }

    /**
     * Sweeps backward from ȳ = 1: steps from last to first, each passing v̄ₖ·∂vₖ/∂operand to its node operands in
     * order. The first contribution to an adjoint assigns it, later ones accumulate; steps that do not reach y
     * are skipped.
     */
    public Adjoints reverse() {
        int n = inputValues.length;
        double[] bar = new double[n + steps.size()];
        boolean[] touched = new boolean[bar.length];
        List<Adjoints.Update> updates = new ArrayList<>();
        if (!output.literal()) {
            bar[output.id() + n - 1] = 1;
            touched[output.id() + n - 1] = true;
        }
        for (int k = steps.size() - 1; k >= 0; k--) {
            Step s = steps.get(k);
            if (!touched[k + n]) {
                continue;
            }
            for (int i = 0; i < s.operands().size(); i++) {
                Operand o = s.operands().get(i);
                if (o.literal()) {
                    continue;
                }
                int j = o.id() + n - 1;
                double contribution = bar[k + n] * s.partials().get(i);
                boolean accumulate = touched[j];
                bar[j] = accumulate ? bar[j] + contribution : contribution;
                touched[j] = true;
                updates.add(new Adjoints.Update(o.id(), s.id(), i, accumulate, bar[j]));
            }
        }
        double[] gradient = Arrays.copyOf(bar, n);
        return new Adjoints(bar, touched, updates, gradient, n);
    }

    /** Collects the steps while a function runs on {@link Traced} inputs; constant-only operations fold. */
    static final class Recorder {

        private final List<Step> steps = new ArrayList<>();
        private Step folded; // the first constant operation whose result is not finite although its operands are

        Traced unary(UnaryFunction f, Traced a) {
            double v = f.value(a.value());
            if (a.operand.literal()) {
                if (folded == null && !Double.isFinite(v) && Double.isFinite(a.value())) {
                    folded = new Step(0, f, null, List.of(a.operand), v, List.of(0.0));
                }
                return new Traced(this, Operand.literal(v));
            }
            return add(new Step(steps.size() + 1, f, null, List.of(a.operand), v, List.of(f.slope(a.value()))));
        }

        Traced binary(BinaryFunction f, Traced a, Traced b) {
            double x = a.value();
            double y = b.value();
            double v = f.value(x, y);
            if (a.operand.literal() && b.operand.literal()) {
                if (folded == null && !Double.isFinite(v) && Double.isFinite(x) && Double.isFinite(y)) {
                    folded = new Step(0, null, f, List.of(a.operand, b.operand), v, List.of(0.0, 0.0));
                }
                return new Traced(this, Operand.literal(v));
            }
            return add(new Step(steps.size() + 1, null, f, List.of(a.operand, b.operand), v,
                    List.of(f.slopeX(x, y), f.slopeY(x, y))));
        }

        private Traced add(Step s) {
            steps.add(s);
            return new Traced(this, Operand.node(s.id(), s.value()));
        }
    }
}
