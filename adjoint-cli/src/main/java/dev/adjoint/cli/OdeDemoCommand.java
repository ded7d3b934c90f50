package dev.adjoint.cli;

import dev.adjoint.ode.demo.SpiralDemo;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code adjoint ode-demo}: a neural ODE fitting a 2-D spiral, with adjoint-method gradients and PNG plots. */
@Command(name = "ode-demo", mixinStandardHelpOptions = true,
        description = {"Train a neural ODE (dz/dt = MLP(z^3)) on a 2-D spiral, after Chen et al. 2018.",
            "Gradients by the adjoint method (constant memory) or by backprop through the Dormand-Prince solver;",
            "writes ode-spiral.png (fitted trajectory vs data) and ode-spiral-loss.png."})
public final class OdeDemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--full", description = "The full run (400 iterations, about two minutes) instead of the quick one.")
    boolean full;

    @Option(names = "--iterations", paramLabel = "N", description = "Training iterations (default: 120, or 400 with --full).")
    Integer iterations;

    @Option(names = "--method", paramLabel = "adjoint|backprop", defaultValue = "adjoint",
            description = "How gradients are computed (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = {"-o", "--out", "--output"}, paramLabel = "DIR", defaultValue = "adjoint-out/ode",
            description = "Directory for the PNG plots (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (!method.equals("adjoint") && !method.equals("backprop")) {
            throw new ParameterException(spec.commandLine(), "--method must be adjoint or backprop, got '" + method + "'");
        }
        if (iterations != null && iterations < 1) {
            throw new ParameterException(spec.commandLine(), "--iterations must be at least 1, got " + iterations);
        }
        SpiralDemo.Options base = full ? SpiralDemo.Options.full(output) : SpiralDemo.Options.quick(output);
        SpiralDemo.Options o = new SpiralDemo.Options(iterations == null ? base.iterations() : iterations,
                base.hidden(), base.batch(), base.window(), base.rate(), seed, method.equals("adjoint"), output);
        var out = spec.commandLine().getOut();
        SpiralDemo.Result r = SpiralDemo.run(o, out);
        out.printf(Locale.ROOT, "trajectory MSE %.4g -> %.4g in %.1f s%n", r.initialMse(), r.finalMse(), r.seconds());
        for (Path p : r.plots()) {
            out.println("wrote " + p);
        }
        out.flush();
        return 0;
    }
}
