package dev.adjoint.cli;

import dev.adjoint.scalar.Derivatives;
import dev.adjoint.scalar.Mode;
import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.RealFunction;
import dev.adjoint.symbolic.Expr;
import dev.adjoint.symbolic.Parser;
import java.io.PrintWriter;
import java.util.Map;

/**
 * The lecture's case against manual differentiation: f(x) = l₄ with l₁ = x, lₙ₊₁ = 4lₙ(1 − lₙ), differentiated by
 * AD through the loop and compared with the lecture's hand-written closed form of f′.
 */
final class LogisticMapDemo implements DemoSection {

    /** The program: three steps of the logistic map. */
    static final RealFunction L4 = x -> {
        Real v = x[0];
        for (int i = 1; i <= 3; i++) {
            v = v.mul(4).mul(v.neg().add(1));
        }
        return v;
    };

    /** f(x) in closed form, as on the slide. */
    static final String CLOSED_FORM = "64*x*(1-x)*(1-2*x)^2*(1-8*x+8*x^2)^2";

    /** f′(x) differentiated by hand, as on the slide. */
    static final String HAND_DERIVATIVE = "128*x*(1-x)*(-8+16*x)*(1-2*x)^2*(1-8*x+8*x^2)"
            + " + 64*(1-x)*(1-2*x)^2*(1-8*x+8*x^2)^2 - 64*x*(1-2*x)^2*(1-8*x+8*x^2)^2"
            + " - 256*x*(1-x)*(1-2*x)*(1-8*x+8*x^2)^2";

    /** Points where the three derivatives are compared. */
    static final double[] POINTS = {0.1, 0.3, 0.7, 0.9};

    @Override
    public String name() {
        return "logistic";
    }

    @Override
    public String title() {
        return "The logistic map l4: forward and reverse mode against the hand-written f'(x)";
    }

    @Override
    public void run(PrintWriter out) {
        Expr closed = Parser.parse(CLOSED_FORM);
        Expr hand = Parser.parse(HAND_DERIVATIVE);
        out.println("f(x) = l4,  l1 = x,  l(n+1) = 4 l(n) (1 - l(n))");
        out.println("     = " + CLOSED_FORM);
        out.println("f'(x) by hand, from the slide:");
        out.println("     = " + HAND_DERIVATIVE);
        out.println();
        out.printf("%5s  %22s  %22s  %22s  %10s  %10s  %10s%n", "x", "forward (Dual)", "reverse (tape)",
                "hand-written", "fwd-hand", "rev-hand", "fwd-rev");
        for (double x : POINTS) {
            double forward = Derivatives.gradient(L4, Mode.FORWARD, x).gradient()[0];
            double reverse = Derivatives.gradient(L4, Mode.REVERSE, x).gradient()[0];
            double manual = hand.evaluate(Map.of("x", x));
            out.printf("%5s  %22s  %22s  %22s  %10.1e  %10.1e  %10.1e%n", Numbers.plain(x), forward, reverse,
                    manual, forward - manual, reverse - manual, forward - reverse);
        }
        double x = POINTS[1];
        out.println();
        out.println("Check of the closed form at x = " + Numbers.plain(x) + ": loop " + L4.apply(
                new Real[] {dev.adjoint.scalar.Dual.constantOf(x)}).value() + ", formula "
                + closed.evaluate(Map.of("x", x)));
        out.println("AD gets f'(x) from the three-line loop with no hand work; the slide's four-term derivative"
                + " agrees with it to rounding error.");
    }
}
