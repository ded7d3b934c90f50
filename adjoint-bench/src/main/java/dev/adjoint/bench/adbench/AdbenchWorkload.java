package dev.adjoint.bench.adbench;

import dev.adjoint.bench.Impl;
import dev.adjoint.bench.Measurement;
import dev.adjoint.bench.NamedWorkload;
import dev.adjoint.bench.Row;
import dev.adjoint.bench.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One ADBench objective on one of ADBench's input files: the objective alone ({@link Impl#OBJECTIVE}, the baseline:
 * this library's tensor code, no transform) against the objective's derivative as ADBench asks for it
 * ({@link Impl#ADJOINT_TENSOR}) and, where there is one, a derivative written by hand in plain Java
 * ({@link Impl#MANUAL}). Its id is {@code group_input}; rows carry {@code "workload": group} and {@code "input"}.
 */
public abstract class AdbenchWorkload extends NamedWorkload {

    private final String group;
    private final String input;
    private final String derivative;

    /** A workload of {@code group} (e.g. {@code adbench_ba}) on {@code input} (the file's name without .txt). */
    protected AdbenchWorkload(String group, String input, String derivative, String description) {
        super(group + "_" + input, description);
        this.group = group;
        this.input = input;
        this.derivative = derivative;
    }

    @Override
    public final String group() {
        return group;
    }

    /** The input's name, e.g. {@code ba1_n49_m7776_p31843}. */
    public final String input() {
        return input;
    }

    @Override
    public List<Impl> impls() {
        List<Impl> impls = new ArrayList<>(List.of(Impl.OBJECTIVE, Impl.ADJOINT_TENSOR));
        if (hasCompiled()) {
            impls.add(Impl.ADJOINT_COMPILED);
        }
        if (hasManual()) {
            impls.add(Impl.MANUAL);
        }
        return impls;
    }

    /** Whether a hand-written derivative exists. */
    protected boolean hasManual() {
        return false;
    }

    /** Whether a compiled ({@code Jit}) derivative is measured too. */
    protected boolean hasCompiled() {
        return false;
    }

    @Override
    public final Task task(Impl impl) {
        if (impl == Impl.OBJECTIVE) {
            return objectiveTask();
        }
        if (impl == Impl.ADJOINT_TENSOR) {
            return derivativeTask();
        }
        if (impl == Impl.MANUAL && hasManual()) {
            return manualTask();
        }
        if (impl == Impl.ADJOINT_COMPILED && hasCompiled()) {
            return compiledTask();
        }
        throw new IllegalArgumentException(id() + " has no implementation " + impl.label());
    }

    /** The objective, no transform. */
    public abstract Task objectiveTask();

    /** The derivative ADBench asks for, by this library's transforms. */
    public abstract Task derivativeTask();

    /** The derivative written by hand (only when {@link #hasManual()}). */
    public Task manualTask() {
        throw new UnsupportedOperationException(id() + " has no hand-written derivative");
    }

    /** The derivative traced, fused and compiled by {@code Jit} (only when {@link #hasCompiled()}). */
    public Task compiledTask() {
        throw new UnsupportedOperationException(id() + " has no compiled derivative");
    }

    @Override
    public List<Row> rows(Map<Impl, Measurement> times) {
        List<Row> rows = new ArrayList<>();
        for (Row r : super.rows(times)) {
            Row out = Row.empty();
            for (Map.Entry<String, Object> e : r.fields().entrySet()) {
                out = out.with(e.getKey(), e.getKey().equals("workload") ? group : e.getValue());
                if (e.getKey().equals("workload")) {
                    out = out.with("input", input);
                }
            }
            rows.add(out.with("derivative", derivative));
        }
        return rows;
    }

    /** A task from a supplier of a result whose one number the benchmark consumes. */
    static Task task(Supplier<Double> f) {
        return f::get;
    }

    /** The ADBench workloads: GMM, BA, hand (simple and complicated) and LSTM, each on two or three inputs. */
    public static List<AdbenchWorkload> all() {
        List<AdbenchWorkload> all = new ArrayList<>();
        for (String f : new String[] {"gmm_d2_K10", "gmm_d10_K25", "gmm_d20_K50"}) {
            all.add(new GmmWorkload(f));
        }
        for (String f : new String[] {"ba1_n49_m7776_p31843", "ba2_n21_m11315_p36455", "ba3_n161_m48126_p182072"}) {
            all.add(new BaWorkload(f));
        }
        for (String variant : new String[] {"simple", "complicated"}) {
            for (String f : new String[] {"hand1_t26_c100", "hand4_t26_c400", "hand6_t26_c1600"}) {
                all.add(new HandWorkload(variant, f));
            }
        }
        for (String f : new String[] {"lstm_l2_c1024", "lstm_l4_c1024", "lstm_l2_c4096"}) {
            all.add(new LstmWorkload(f));
        }
        return all;
    }

    /** {@code adbench_gmm}: the GMM objective and its gradient with respect to all parameters. */
    static final class GmmWorkload extends AdbenchWorkload {
        GmmWorkload(String input) {
            super("adbench_gmm", input, "gradient", "ADBench GMM on " + input + ".txt (1k points), gradient wrt "
                    + "alphas, means, icf");
        }

        private GmmInput read() {
            return GmmInput.resource("gmm/1k/" + input() + ".txt", false);
        }

        @Override
        protected boolean hasManual() {
            return true;
        }

        @Override
        protected boolean hasCompiled() {
            return true;
        }

        @Override
        public Task compiledTask() {
            GmmInput in = read();
            var compiled = GmmAdbench.compiled(in);
            return () -> compiled.apply(in.params()).value().item();
        }

        @Override
        public Task manualTask() {
            GmmInput in = read();
            ManualGmm manual = new ManualGmm(in);
            double[] grad = new double[GmmAdbench.flatten(in.params()).length];
            return () -> {
                // The parameters are read from the tensors each call, as the tensor task receives them.
                double v = manual.valueAndGradient(in.params().alphas().toArray(), in.params().means().toArray(),
                        in.params().icf().toArray(), grad);
                return v + grad[0];
            };
        }

        @Override
        public Task objectiveTask() {
            GmmInput in = read();
            return () -> dev.adjoint.examples.Gmm.objective(in.params(), in.problem()).item();
        }

        @Override
        public Task derivativeTask() {
            GmmInput in = read();
            return () -> {
                var vg = GmmAdbench.valueAndGrad(in);
                return vg.value().item() + vg.grad().icf().toArray()[0];
            };
        }
    }

    /** {@code adbench_ba}: the residuals and their sparse Jacobian. */
    static final class BaWorkload extends AdbenchWorkload {
        BaWorkload(String input) {
            super("adbench_ba", input, "sparse-jacobian", "ADBench BA on " + input + ".txt, sparse Jacobian by "
                    + "vmap(jacobian) over observations");
        }

        private BaInput read() {
            return BaInput.resource("ba/" + input() + ".txt");
        }

        @Override
        public int heapMegabytes() {
            return 3072;   // ba3's Jacobian: 182 072 observations, about 1 GB at its peak
        }

        @Override
        protected boolean hasManual() {
            return true;
        }

        @Override
        public Task manualTask() {
            BaInput in = read();
            return () -> ManualBa.jacobian(in).values()[0];
        }

        @Override
        public Task objectiveTask() {
            BaInput in = read();
            return () -> {
                BundleAdjustment.Residuals r = BundleAdjustment.residuals(in);
                return r.reprojection().toArray()[0] + r.weight().toArray()[0];
            };
        }

        @Override
        public Task derivativeTask() {
            BaInput in = read();
            return () -> BundleAdjustment.jacobian(in).values()[0];
        }
    }

    /** {@code adbench_hand}: the residuals and their dense Jacobian (complicated: in ADBench's layout). */
    static final class HandWorkload extends AdbenchWorkload {
        private final String variant;

        HandWorkload(String variant, String input) {
            super("adbench_hand", variant + "_" + input, "jacobian", "ADBench hand tracking (" + variant + ") on "
                    + input + ".txt, dense Jacobian");
            this.variant = variant;
        }

        private Hand read() {
            boolean complicated = variant.equals("complicated");
            String file = input().substring(variant.length() + 1);
            return new Hand(HandInput.resource(HandModel.resource("hand/model"),
                    "hand/" + variant + "_small/" + file + ".txt", complicated));
        }

        @Override
        protected boolean hasManual() {
            return true;
        }

        @Override
        public Task manualTask() {
            HandInput in = read().input();
            ManualHand manual = new ManualHand(in);
            double[] residuals = new double[manual.rows()];
            double[] jacobian = new double[manual.rows() * manual.columns()];
            return () -> {
                // The parameters are read from the tensors each call, as the AD task receives them; the result is
                // the Jacobian's first entry, the same number the AD task returns.
                manual.jacobian(ManualHand.parameters(in), residuals, jacobian);
                return jacobian[0];
            };
        }

        @Override
        public Task objectiveTask() {
            Hand h = read();
            return () -> h.residuals().toArray()[0];
        }

        @Override
        public Task derivativeTask() {
            Hand h = read();
            if (h.input().complicated()) {
                var jac = h.complicatedPattern();
                return () -> h.complicatedJacobian(jac).toArray()[0];
            }
            return () -> h.simpleJacobian().toArray()[0];
        }
    }

    /** {@code adbench_lstm}: the sequence loss and its gradient with respect to all parameters. */
    static final class LstmWorkload extends AdbenchWorkload {
        LstmWorkload(String input) {
            super("adbench_lstm", input, "gradient", "ADBench LSTM on " + input + ".txt, gradient wrt all "
                    + "parameters");
        }

        private LstmInput read() {
            return LstmInput.resource("lstm/" + input() + ".txt");
        }

        @Override
        public Task objectiveTask() {
            LstmInput in = read();
            return () -> Lstm.objective(Lstm.params(in), in.state(), in.sequence()).item();
        }

        @Override
        public Task derivativeTask() {
            LstmInput in = read();
            return () -> {
                var vg = Lstm.valueAndGrad(in);
                return vg.value().item() + vg.grad().extra().toArray()[0];
            };
        }
    }
}
