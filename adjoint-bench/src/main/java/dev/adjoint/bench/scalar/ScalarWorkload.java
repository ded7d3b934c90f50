package dev.adjoint.bench.scalar;

import dev.adjoint.bench.Impl;
import dev.adjoint.bench.NamedWorkload;
import dev.adjoint.bench.Inputs;
import dev.adjoint.bench.Measurement;
import dev.adjoint.bench.Row;
import dev.adjoint.bench.Task;
import dev.adjoint.scalar.Dual;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.RealFunction;
import dev.adjoint.scalar.Tape;
import dev.adjoint.scalar.Var;
import dev.adjoint.bench.Json;
import java.util.List;
import java.util.Optional;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.analysis.differentiation.Gradient;
import org.hipparchus.analysis.differentiation.SparseGradient;

/**
 * A workload f: ℝⁿ → ℝ in scalar code, measured as: plain {@code double} code (the baseline), the same function
 * written once against {@link Real} and run in reverse mode (a reused {@link Tape}: value and gradient) and in
 * forward mode ({@link Dual}: value and one directional derivative along {@link #direction()}), a hand-written
 * gradient, and Hipparchus's forward mode (value and gradient): {@link Gradient}, or {@link SparseGradient} for
 * workloads with many variables (a dense Gradient stores n partials per number: n² doubles for the inputs alone).
 *
 * <p>A subclass gives the four codings of its function; the smoke test checks that they agree.
 */
public abstract class ScalarWorkload extends NamedWorkload {

    private static final List<Impl> IMPLS = List.of(Impl.OBJECTIVE, Impl.ADJOINT_REVERSE, Impl.ADJOINT_FORWARD,
            Impl.HIPPARCHUS, Impl.MANUAL);

    private final Inputs point;
    private final Inputs direction;

    /** A workload evaluated at {@code point}, with forward mode seeded along {@code direction}. */
    protected ScalarWorkload(String id, String description, Inputs point, Inputs direction) {
        super(id, description);
        if (point.n() != direction.n()) {
            throw new IllegalArgumentException(id + ": point has " + point.n() + " inputs but direction has "
                    + direction.n());
        }
        this.point = point;
        this.direction = direction;
    }

    /** f(x) in plain {@code double} code, written by hand: the baseline t_obj. */
    public abstract double value(double[] x);

    /** f written once against {@link Real}, as user code would be: what the AD modes run. */
    public abstract Real apply(Real[] x);

    /** f(x), with ∇f(x) written by hand into {@code gradient} (every entry overwritten). */
    public abstract double valueAndGradient(double[] x, double[] gradient);

    /** f written against Hipparchus's field elements, the way a Hipparchus user writes it. */
    public abstract <T extends CalculusFieldElement<T>> T hipparchus(T[] x);

    /** Whether Hipparchus should use {@link SparseGradient}, its class for many variables, instead of {@link Gradient}. */
    protected boolean manyVariables() {
        return false;
    }

    @Override
    public List<Impl> impls() {
        return IMPLS;
    }

    /** The generator of the point x. */
    public Inputs pointInputs() {
        return point;
    }

    /** The generator of the forward-mode direction v. */
    public Inputs directionInputs() {
        return direction;
    }

    /** The point x at which f and its derivatives are computed. */
    public double[] point() {
        return point.generate();
    }

    /** The direction v of the forward-mode derivative ∇f(x)·v. */
    public double[] direction() {
        return direction.generate();
    }

    /** f as a {@link RealFunction}. */
    public RealFunction function() {
        return this::apply;
    }

    /** Entries one reverse-mode evaluation records on the tape (inputs included). */
    public int tapeSize() {
        ReverseTask t = new ReverseTask();
        t.run();
        return t.tape.size();
    }

    @Override
    public Task task(Impl impl) {
        return scalarTask(impl);
    }

    /** A fresh task that also keeps its last result, for checks and exports. */
    public ScalarTask scalarTask(Impl impl) {
        switch (impl) {
            case OBJECTIVE:
                return new ObjectiveTask();
            case ADJOINT_REVERSE:
                return new ReverseTask();
            case ADJOINT_FORWARD:
                return new ForwardTask();
            case HIPPARCHUS:
                return manyVariables() ? new SparseHipparchusTask() : new HipparchusTask();
            case MANUAL:
                return new ManualTask();
            default:
                throw new IllegalArgumentException("workload '" + id() + "' has no implementation '" + impl.label()
                        + "'");
        }
    }

    @Override
    public Row extras(Impl impl, Measurement time) {
        if (impl == Impl.ADJOINT_FORWARD) {
            return Row.empty().with("derivative", "directional");
        }
        Row row = Row.empty().with("derivative", "gradient");
        if (impl == Impl.HIPPARCHUS) {
            row = row.with("class", manyVariables() ? "SparseGradient" : "Gradient");
        }
        if (impl == Impl.ADJOINT_REVERSE) {
            int ops = tapeSize();
            row = row.with("tape_ops", ops).with("ns_per_op", time.median() / ops * 1e9)
                    .with("ns_per_op_min", time.min() / ops * 1e9);
        }
        return row;
    }

    /**
     * The generators, the inputs they give, and reverse- and forward-mode results:
     * {@code {"workload", "point": {seed, n, lo, hi}, "direction": {...}, "x", "v", "value", "gradient",
     * "directional"}}.
     */
    @Override
    public Optional<String> exportJson() {
        ScalarTask reverse = scalarTask(Impl.ADJOINT_REVERSE);
        ScalarTask forward = scalarTask(Impl.ADJOINT_FORWARD);
        reverse.run();
        forward.run();
        return Optional.of("{\"workload\": " + Json.string(id())
                + ", \"description\": " + Json.string(description())
                + ", \"point\": " + generator(point)
                + ", \"direction\": " + generator(direction)
                + ", \"x\": " + Json.array(point())
                + ", \"v\": " + Json.array(direction())
                + ", \"value\": " + Json.number(reverse.value())
                + ", \"gradient\": " + Json.array(reverse.derivative())
                + ", \"directional\": " + Json.number(forward.derivative()[0])
                + ", \"tape_ops\": " + tapeSize() + "}");
    }

    private static String generator(Inputs in) {
        return "{\"seed\": " + in.seed() + ", \"n\": " + in.n() + ", \"lo\": " + Json.number(in.lo())
                + ", \"hi\": " + Json.number(in.hi()) + "}";
    }

    /** A task on this workload's inputs that keeps its last value and derivative. */
    public abstract class ScalarTask implements Task {
        final double[] x = point();
        double value = Double.NaN;
        final double[] derivative;

        ScalarTask(int derivatives) {
            derivative = new double[derivatives];
        }

        /** The value of the last run. */
        public double value() {
            return value;
        }

        /** The derivative of the last run: the gradient, or for forward mode one entry, ∇f·v (empty for the baseline). */
        public double[] derivative() {
            return derivative.clone();
        }
    }

    private final class ObjectiveTask extends ScalarTask {
        ObjectiveTask() {
            super(0);
        }

        @Override
        public double run() {
            value = ScalarWorkload.this.value(x);
            return value;
        }
    }

    /** Reverse mode on one tape, cleared and reused: recording, the backward sweep and reading the gradient. */
    private final class ReverseTask extends ScalarTask {
        final Tape tape = Tape.create();

        ReverseTask() {
            super(point.n());
        }

        @Override
        public double run() {
            tape.clear();
            Var[] v = tape.variables(x);
            Var y = (Var) apply(v);
            tape.backward(y);
            tape.adjoints(v, derivative);
            value = y.value();
            return value;
        }
    }

    private final class ForwardTask extends ScalarTask {
        final double[] v = direction();

        ForwardTask() {
            super(1);
        }

        @Override
        public double run() {
            Dual y = (Dual) apply(Dual.seed(x, v));
            derivative[0] = y.tangent();
            value = y.value();
            return value;
        }
    }

    private final class ManualTask extends ScalarTask {
        ManualTask() {
            super(point.n());
        }

        @Override
        public double run() {
            value = valueAndGradient(x, derivative);
            return value;
        }
    }

    /** Hipparchus forward mode: every input a {@link Gradient} with n free parameters. */
    private final class HipparchusTask extends ScalarTask {
        final Gradient[] inputs = new Gradient[point.n()];

        HipparchusTask() {
            super(point.n());
        }

        @Override
        public double run() {
            int n = inputs.length;
            for (int i = 0; i < n; i++) {
                inputs[i] = Gradient.variable(n, i, x[i]);
            }
            Gradient y = hipparchus(inputs);
            System.arraycopy(y.getGradient(), 0, derivative, 0, n);
            value = y.getValue();
            return value;
        }
    }

    /** Hipparchus forward mode for many variables: every input a {@link SparseGradient} with one partial. */
    private final class SparseHipparchusTask extends ScalarTask {
        final SparseGradient[] inputs = new SparseGradient[point.n()];

        SparseHipparchusTask() {
            super(point.n());
        }

        @Override
        public double run() {
            int n = inputs.length;
            for (int i = 0; i < n; i++) {
                inputs[i] = SparseGradient.createVariable(i, x[i]);
            }
            SparseGradient y = hipparchus(inputs);
            for (int i = 0; i < n; i++) {
                derivative[i] = y.getDerivative(i);
            }
            value = y.getValue();
            return value;
        }
    }
}
