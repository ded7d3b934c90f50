package dev.adjoint.cli;

import dev.adjoint.ode.demo.SpiralDemo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** The short version of {@code adjoint ode-demo}: a neural ODE fitted to a spiral with adjoint-method gradients. */
final class OdeDemo implements DemoSection {

    @Override
    public String name() {
        return "ode";
    }

    @Override
    public String title() {
        return "Neural ODE: gradients by the adjoint method, memory constant in the number of steps";
    }

    @Override
    public void run(PrintWriter out) {
        SpiralDemo.Options o = new SpiralDemo.Options(40, 32, 16, 10, 0.01, 1, true, Path.of("adjoint-out", "ode"));
        SpiralDemo.Result r = SpiralDemo.run(o, out);
        out.printf(Locale.ROOT, "trajectory MSE %.4g -> %.4g in %.1f s%n", r.initialMse(), r.finalMse(), r.seconds());
        for (Path p : r.plots()) {
            out.println("wrote " + p);
        }
        out.println("Run `adjoint ode-demo --full` for a longer fit.");
    }
}
