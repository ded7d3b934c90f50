package dev.adjoint.ode;

import dev.adjoint.Tensor;
import dev.adjoint.interpret.Vjp;

/** {@link Dynamics} from a {@link TensorField}: values by plain evaluation, VJPs from a reverse-mode tape. */
final class TensorDynamics implements Dynamics {

    private final TensorField f;

    TensorDynamics(TensorField f) {
        this.f = f;
    }

    @Override
    public double[] apply(double t, double[] z, double[] theta) {
        return checked(f.apply(t, Tensor.of(z), Tensor.of(theta)), z.length).toArray();
    }

    @Override
    public double[] vjp(double t, double[] z, double[] theta, double[] a, double[] zBar, double[] thetaBar) {
        Vjp tape = new Vjp();
        Tensor zw;
        Tensor pw;
        Tensor y;
        try {
            zw = tape.watch(Tensor.of(z));
            pw = tape.watch(Tensor.of(theta));
            y = f.apply(t, zw, pw);
        } finally {
            tape.close();
        }
        Tensor value = checked(tape.primalOf(y), z.length);
        Tensor[] g = tape.backward(y, Tensor.of(a).reshape(value.shape()), zw, pw);
        addTo(zBar, g[0]);
        addTo(thetaBar, g[1]);
        return value.toArray();
    }

    private static Tensor checked(Tensor y, int n) {
        if (y.size() != n) {
            throw new IllegalArgumentException("the dynamics returned shape " + y.shape() + " (" + y.size()
                    + " entries) for a state of " + n + " entries");
        }
        return y;
    }

    private static void addTo(double[] acc, Tensor g) {
        if (g == null) {
            return;
        }
        double[] v = g.toArray();
        for (int i = 0; i < acc.length; i++) {
            acc[i] += v[i];
        }
    }
}
