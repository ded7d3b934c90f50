package dev.adjoint.cli;

import dev.adjoint.numeric.FiniteDifferences.Scheme;
import dev.adjoint.numeric.StepSizeStudy;
import dev.adjoint.symbolic.LogisticMap;
import dev.adjoint.symbolic.SwellStudy;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;

/** The short version of {@code adjoint compare}: the four ways to f′ on l₄, the step-size trade-off and the swell. */
final class CompareDemo implements DemoSection {

    static final double X = 0.3;

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String title() {
        return "Why AD: manual, numerical and symbolic differentiation against AD on l4";
    }

    @Override
    public void run(PrintWriter out) {
        Comparison.Subject s = new Comparison.Subject("f(x) = l4 of the logistic map; manual = the slide's f'(x)",
                LogisticMap.iterate(4), List.of("x"), new double[] {X},
                p -> new double[] {LogisticMap.manualDerivative(p[0])},
                new BigDecimal[] {LogisticMap.exactDerivative(4, X)}, "the exact derivative (rational arithmetic)");
        Comparison.print(out, s, Comparison.run(s, 0.002));
        out.println();
        StepSizeStudy study = StepSizeStudy.of(LogisticMap.iterate(4), X);
        for (Scheme scheme : new Scheme[] {Scheme.FORWARD, Scheme.CENTRAL}) {
            StepSizeStudy.Point best = study.curve(scheme).best();
            StepSizeStudy.Point tiny = study.curve(scheme).points().get(study.curve(scheme).points().size() - 2);
            out.printf("%s differences: best h = %.0e gives error %.1e; h = %.0e gives %.1e (round-off)%n",
                    scheme == Scheme.FORWARD ? "Forward" : "Central", best.step(), best.error(), tiny.step(),
                    tiny.error());
        }
        out.println();
        out.println("Expression swell of the symbolic derivative of l(n) (nodes):");
        out.printf("%4s %12s %12s %8s%n", "n", "tree", "DAG", "AD tape");
        for (int n : new int[] {2, 4, 8, 16, 32}) {
            SwellStudy.Row r = SwellStudy.row(n, X, 1e-4);
            out.printf("%4d %12s %12d %8d%n", n, SwellStudy.size(r.derivativeTree()), r.derivativeDag(),
                    r.tapeOperations());
        }
        out.println("Run `adjoint compare` for the full tables, timings and plots.");
    }
}
