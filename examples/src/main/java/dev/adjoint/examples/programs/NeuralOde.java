package dev.adjoint.examples.programs;

import dev.adjoint.Tensor;
import dev.adjoint.ode.Dynamics;
import dev.adjoint.ode.LossGradient;
import dev.adjoint.ode.OdeGradient;
import dev.adjoint.ode.Odeint;
import dev.adjoint.ode.Solver;
import java.util.Arrays;

/**
 * A neural ODE dz/dt = tanh(W z + b): the gradient of L = ½‖z(T)‖² with respect to (W, b) by the adjoint method
 * (memory constant in the number of steps), by backprop through the solver, and by finite differences.
 */
public final class NeuralOde {

    private NeuralOde() {
    }

    /** Computes the gradient three ways and checks that they agree. */
    public static void main(String[] args) {
        Dynamics f = Dynamics.ofTensors((t, z, theta) -> {
            Tensor w = theta.slice(0, 0, 4).reshape(2, 2);
            Tensor b = theta.slice(0, 4, 6);
            return w.matmul(z.reshape(2, 1)).reshape(2).add(b).tanh();
        });
        double[] z0 = {1.0, -0.5};
        double[] theta = {-0.1, 0.9, -0.8, -0.2, 0.05, 0.1};
        double[] times = {0, 1, 2};
        LossGradient dLdz = (i, z) -> i == times.length - 1 ? z.clone() : new double[z.length];
        Solver solver = Solver.dormandPrince(1e-10, 1e-10);
        OdeGradient adjoint = Odeint.adjoint(solver, f, z0, theta, times, dLdz);
        OdeGradient backprop = Odeint.backprop(solver, f, z0, theta, times, dLdz);
        double[] fd = new double[theta.length];
        double h = 1e-6;
        for (int j = 0; j < theta.length; j++) {
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[j] += h;
            down[j] -= h;
            fd[j] = (loss(solver, f, z0, up, times) - loss(solver, f, z0, down, times)) / (2 * h);
        }
        System.out.println("dL/dθ adjoint:  " + Arrays.toString(adjoint.theta()));
        System.out.println("dL/dθ backprop: " + Arrays.toString(backprop.theta()));
        System.out.printf("solver steps: %d forward, %d backward (adjoint)%n", adjoint.forwardSteps(),
                adjoint.backwardSteps());
        Check.that(Check.maxError(adjoint.theta(), backprop.theta()) < 1e-6, "adjoint method and backprop agree");
        Check.that(Check.maxError(adjoint.theta(), fd) < 1e-6, "the adjoint gradient matches finite differences");
        Check.that(Check.maxError(adjoint.z0(), backprop.z0()) < 1e-6, "dL/dz0 agrees too");
    }

    private static double loss(Solver solver, Dynamics f, double[] z0, double[] theta, double[] times) {
        double[] z = Odeint.solve(solver, f, z0, theta, times).state(times.length - 1);
        return 0.5 * (z[0] * z[0] + z[1] * z[1]);
    }
}
