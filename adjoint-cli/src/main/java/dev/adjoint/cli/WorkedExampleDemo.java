package dev.adjoint.cli;

import dev.adjoint.scalar.Derivatives;
import dev.adjoint.scalar.Gradient;
import dev.adjoint.scalar.RealFunction;
import dev.adjoint.scalar.trace.Trace;
import dev.adjoint.scalar.trace.TracePrinter;
import java.io.PrintWriter;
import java.util.List;

/** The lecture's exercise: y = ln(x1) + x1 x2 − sin(x2) at (2, 5), traced in forward and in reverse mode. */
final class WorkedExampleDemo implements DemoSection {

    /** The function exactly as a user writes it against Real. */
    static final RealFunction F = x -> x[0].log().add(x[0].mul(x[1])).sub(x[1].sin());

    @Override
    public String name() {
        return "traces";
    }

    @Override
    public String title() {
        return "Forward and reverse mode on y = ln(x1) + x1*x2 - sin(x2) at (x1, x2) = (2, 5)";
    }

    @Override
    public void run(PrintWriter out) {
        Trace trace = Trace.record(F, List.of("x1", "x2"), 2, 5);
        TracePrinter printer = TracePrinter.of(TracePrinter.Format.TEXT, 3);
        out.println("Forward mode, seed ẋ₁ = 1: one pass gives ∂y/∂x1.");
        out.println();
        out.print(printer.forward(trace, trace.forwardFor(0)));
        out.println();
        out.println("(The slides print v₅ = 10.693 + 0.959; since sin 5 = −0.959 the arithmetic is 10.693 − (−0.959).)");
        out.println("Seeding ẋ₂ = 1 instead gives ẏ = ∂y/∂x2 = " + Numbers.format(trace.forwardFor(1).output(), 3)
                + ": forward mode needs one pass per input.");
        out.println();
        out.println("Reverse mode, ȳ = 1: one backward pass gives both partials.");
        out.println();
        out.print(printer.reverse(trace, trace.reverse()));
        Gradient g = Derivatives.gradient(F, 2, 5);
        out.println();
        out.println("Derivatives.gradient (tape, full precision): value " + g.value() + ", gradient ["
                + g.gradient()[0] + ", " + g.gradient()[1] + "]");
    }
}
