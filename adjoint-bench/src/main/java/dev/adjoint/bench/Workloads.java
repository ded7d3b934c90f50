package dev.adjoint.bench;

import dev.adjoint.bench.adbench.AdbenchWorkload;
import dev.adjoint.bench.compiled.CompiledLoss;
import dev.adjoint.bench.compiled.CompiledScalar;
import dev.adjoint.bench.scalar.Logistic;
import dev.adjoint.bench.scalar.Rosenbrock;
import dev.adjoint.bench.scalar.Seed;
import dev.adjoint.bench.tensor.Conv2d;
import dev.adjoint.bench.tensor.Gemm;
import dev.adjoint.bench.tensor.GmmObjective;
import dev.adjoint.bench.tensor.Hvp;
import dev.adjoint.bench.tensor.MlpLoss;
import dev.adjoint.bench.tensor.RosenbrockTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The registry: every workload, in the order the suite runs them. */
public final class Workloads {

    private static final List<Workload> ALL = registry();

    private static List<Workload> registry() {
        List<Workload> all = new ArrayList<>(List.of(
            new Seed(),
            new Logistic(),
            new Rosenbrock(),
            new RosenbrockTensor(),
            new MlpLoss(),
            new GmmObjective(),
            new Hvp(),
            new Gemm(512),
            new Gemm(1024),
            new Conv2d(false),
            new Conv2d(true),
            new CompiledScalar(new Logistic()),
            new CompiledScalar(new Rosenbrock()),
            CompiledLoss.rosenbrock(),
            CompiledLoss.mlp(),
            CompiledLoss.gmm()));
        all.addAll(AdbenchWorkload.all());
        return List.copyOf(all);
    }

    private Workloads() {
    }

    /** All workloads. */
    public static List<Workload> all() {
        return ALL;
    }

    /** The workload with this id. */
    public static Workload byId(String id) {
        for (Workload w : ALL) {
            if (w.id().equals(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + id + "'; known: " + ids());
    }

    /** The workloads with these ids or groups, in registry order; unknown ids throw, naming the known ones. */
    public static List<Workload> select(List<String> ids) {
        for (String id : ids) {
            if (ALL.stream().noneMatch(w -> w.group().equals(id))) {
                byId(id);
            }
        }
        List<Workload> chosen = new ArrayList<>();
        for (Workload w : ALL) {
            if (ids.contains(w.id()) || ids.contains(w.group())) {
                chosen.add(w);
            }
        }
        return chosen;
    }

    /** The known ids, comma-separated. */
    public static String ids() {
        return ALL.stream().map(Workload::id).collect(Collectors.joining(", "));
    }

    /** The case id JMH runs: {@code workload/impl}. */
    public static String caseId(Workload w, Impl impl) {
        return w.id() + "/" + impl.label();
    }

    /** A fresh task for a case id {@code workload/impl}. */
    public static Task task(String caseId) {
        int slash = caseId.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("case id '" + caseId + "' must be workload/impl, e.g. seed/manual");
        }
        Workload w = byId(caseId.substring(0, slash));
        Impl impl = Impl.byLabel(caseId.substring(slash + 1));
        if (!w.impls().contains(impl)) {
            throw new IllegalArgumentException("workload '" + w.id() + "' has no implementation '" + impl.label()
                    + "'");
        }
        return w.task(impl);
    }
}
