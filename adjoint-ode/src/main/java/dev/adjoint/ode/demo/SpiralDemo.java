package dev.adjoint.ode.demo;

import dev.adjoint.ode.Dynamics;
import dev.adjoint.ode.OdeGradient;
import dev.adjoint.ode.Odeint;
import dev.adjoint.ode.Solver;
import dev.adjoint.ode.Trajectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A neural ODE fitting a 2-D spiral, after the demo of Chen et al. 2018: data from dz/dt = (z³)·A with
 * A = [[−0.1, 2], [−2, −0.1]], z(0) = (2, 0) on t ∈ [0, 25]; a model dz/dt = MLP(z³) trained on random short
 * windows with gradients from the adjoint method (or backprop through the solver), Adam steps, progress lines
 * while training, and PNG plots of the fitted trajectory against the data and of the loss.
 */
public final class SpiralDemo {

    /**
     * The demo's settings.
     *
     * @param iterations training steps
     * @param hidden     MLP width
     * @param batch      windows per step
     * @param window     time points per window
     * @param rate       Adam's initial learning rate (decays exponentially to a tenth over the run)
     * @param seed       random seed (initial weights and windows)
     * @param adjoint    gradients by the adjoint method (true) or by backprop through the solver (false)
     * @param output     directory for the PNG files (created if missing), or null for no plots
     */
    public record Options(int iterations, int hidden, int batch, int window, double rate, long seed,
            boolean adjoint, Path output) {

        /** A short run (a few seconds) for {@code adjoint demo}. */
        public static Options quick(Path output) {
            return new Options(120, 32, 16, 10, 0.01, 1, true, output);
        }

        /** The full run. */
        public static Options full(Path output) {
            return new Options(400, 50, 20, 25, 0.01, 1, true, output);
        }
    }

    /**
     * What the training achieved.
     *
     * @param initialMse the whole trajectory's mean squared error before training
     * @param finalMse   the same after training
     * @param losses     the batch loss at each iteration
     * @param seconds    wall time of the training
     * @param plots      the PNG files written
     */
    public record Result(double initialMse, double finalMse, List<Double> losses, double seconds, List<Path> plots) {
    }

    /** Points of the data trajectory. */
    static final int POINTS = 1000;
    /** The data's time span. */
    static final double SPAN = 25;

    private SpiralDemo() {
    }

    /**
     * Runs the demo and writes the plots to the working directory: {@code --quick} or {@code --full}, optionally
     * followed by iterations, window length and learning rate.
     */
    public static void main(String[] args) {
        boolean quick = args.length > 0 && args[0].equals("--quick");
        Options o = quick ? Options.quick(Path.of(".")) : Options.full(Path.of("."));
        if (args.length >= 4) {
            o = new Options(Integer.parseInt(args[1]), o.hidden(), o.batch(), Integer.parseInt(args[2]),
                    Double.parseDouble(args[3]), o.seed(), o.adjoint(), o.output());
        }
        Result r = run(o, new PrintWriter(System.out, true));
        System.out.printf(Locale.ROOT, "trajectory MSE %.4g -> %.4g in %.1f s; plots: %s%n", r.initialMse(),
                r.finalMse(), r.seconds(), r.plots());
    }

    /** The time grid of the data, 0 … 25 in 1000 points. */
    static double[] times() {
        double[] t = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            t[i] = SPAN * i / (POINTS - 1);
        }
        return t;
    }

    /** The true spiral at {@link #times()}. */
    static double[][] data() {
        Dynamics truth = Dynamics.of((t, z, a) -> {
            var x = z[0].pow(3);
            var y = z[1].pow(3);
            return new dev.adjoint.scalar.Real[] {x.mul(-0.1).sub(y.mul(2)), x.mul(2).sub(y.mul(0.1))};
        });
        Trajectory tr = Odeint.solve(Solver.dormandPrince(1e-10, 1e-10), truth, new double[] {2, 0},
                new double[0], times());
        double[][] d = new double[POINTS][];
        for (int i = 0; i < POINTS; i++) {
            d[i] = tr.state(i);
        }
        return d;
    }

    /** Trains the model and reports progress on {@code out}. */
    public static Result run(Options o, PrintWriter out) {
        double[] times = times();
        double[][] data = data();
        Mlp mlp = new Mlp(o.hidden());
        Dynamics model = Dynamics.ofTensors(mlp.tensors());
        Solver solver = Solver.dormandPrince(1e-6, 1e-8);
        double[] theta = mlp.init(o.seed());
        Adam adam = new Adam(theta.length);
        Random random = new Random(o.seed() + 1);
        double[] windowTimes = new double[o.window()];
        System.arraycopy(times, 0, windowTimes, 0, o.window());
        double initial = trajectoryMse(solver, model, theta, times, data);
        out.printf(Locale.ROOT, "neural ODE spiral: %d parameters, %d iterations of %d windows, gradients by %s%n",
                theta.length, o.iterations(), o.batch(), o.adjoint() ? "the adjoint method" : "backprop");
        List<Double> lossX = new ArrayList<>();
        List<Double> lossY = new ArrayList<>();
        long start = System.nanoTime();
        int every = Math.max(1, o.iterations() / 10);
        for (int it = 1; it <= o.iterations(); it++) {
            int[] starts = new int[o.batch()];
            double[] z0 = new double[2 * o.batch()];
            for (int b = 0; b < o.batch(); b++) {
                starts[b] = random.nextInt(POINTS - o.window());
                z0[2 * b] = data[starts[b]][0];
                z0[2 * b + 1] = data[starts[b]][1];
            }
            double scale = 1.0 / (o.batch() * o.window() * 2);
            OdeGradient g = o.adjoint()
                    ? Odeint.adjoint(solver, model, z0, theta, windowTimes, (i, z) -> residual(z, data, starts, i, 2 * scale))
                    : Odeint.backprop(solver, model, z0, theta, windowTimes, (i, z) -> residual(z, data, starts, i, 2 * scale));
            double loss = 0;
            for (int i = 0; i < o.window(); i++) {
                double[] r = residual(g.state(i), data, starts, i, 1);
                for (double v : r) {
                    loss += v * v * scale;
                }
            }
            lossX.add((double) it);
            lossY.add(loss);
            adam.step(theta, g.theta(), o.rate() * Math.pow(0.1, (it - 1.0) / o.iterations()));
            if (it % every == 0 || it == o.iterations()) {
                out.printf(Locale.ROOT, "  iteration %4d/%d  batch loss %.5f  (%.1f s)%n", it, o.iterations(), loss,
                        (System.nanoTime() - start) * 1e-9);
                out.flush();
            }
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        double[][] fitted = solveAll(solver, model, theta, times);
        double fin = mse(fitted, data);
        List<Path> plots = o.output() == null ? List.of() : plot(o.output(), data, fitted, lossX, lossY);
        return new Result(initial, fin, List.copyOf(lossY), seconds, plots);
    }

    private static double[] residual(double[] z, double[][] data, int[] starts, int i, double factor) {
        double[] r = new double[z.length];
        for (int b = 0; b < starts.length; b++) {
            r[2 * b] = factor * (z[2 * b] - data[starts[b] + i][0]);
            r[2 * b + 1] = factor * (z[2 * b + 1] - data[starts[b] + i][1]);
        }
        return r;
    }

    private static double[][] solveAll(Solver solver, Dynamics model, double[] theta, double[] times) {
        Trajectory tr = Odeint.solve(solver, model, new double[] {2, 0}, theta, times);
        double[][] s = new double[times.length][];
        for (int i = 0; i < s.length; i++) {
            s[i] = tr.state(i);
        }
        return s;
    }

    static double trajectoryMse(Solver solver, Dynamics model, double[] theta, double[] times, double[][] data) {
        return mse(solveAll(solver, model, theta, times), data);
    }

    private static double mse(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < 2; k++) {
                double d = a[i][k] - b[i][k];
                s += d * d;
            }
        }
        return s / (2.0 * a.length);
    }

    private static List<Path> plot(Path dir, double[][] data, double[][] fitted, List<Double> lossX,
            List<Double> lossY) {
        System.setProperty("java.awt.headless", "true");
        try {
            Files.createDirectories(dir);
            XYChart traj = new XYChartBuilder().width(700).height(700).title("Neural ODE: spiral")
                    .xAxisTitle("x").yAxisTitle("y").build();
            XYSeries d = traj.addSeries("data", column(data, 0), column(data, 1));
            d.setMarker(SeriesMarkers.NONE);
            XYSeries f = traj.addSeries("fitted", column(fitted, 0), column(fitted, 1));
            f.setMarker(SeriesMarkers.NONE);
            Path trajPath = dir.resolve("ode-spiral.png");
            BitmapEncoder.saveBitmap(traj, trajPath.toString(), BitmapEncoder.BitmapFormat.PNG);
            XYChart loss = new XYChartBuilder().width(700).height(400).title("Training loss")
                    .xAxisTitle("iteration").yAxisTitle("batch loss (MSE)").build();
            loss.getStyler().setYAxisLogarithmic(true);
            loss.addSeries("loss", lossX, lossY).setMarker(SeriesMarkers.NONE);
            Path lossPath = dir.resolve("ode-spiral-loss.png");
            BitmapEncoder.saveBitmap(loss, lossPath.toString(), BitmapEncoder.BitmapFormat.PNG);
            return List.of(trajPath, lossPath);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the plots to " + dir, e);
        }
    }

    private static double[] column(double[][] rows, int k) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][k];
        }
        return c;
    }
}
