package dev.adjoint.ode;

import dev.adjoint.scalar.Real;
import dev.adjoint.scalar.Tape;
import dev.adjoint.scalar.Var;

/** {@link Dynamics} from a {@link RealDynamics}: each call records f on a reused per-thread tape. */
final class ScalarDynamics implements Dynamics {

    private final RealDynamics f;
    private final ThreadLocal<Tape> tapes = ThreadLocal.withInitial(Tape::create);

    ScalarDynamics(RealDynamics f) {
        this.f = f;
    }

    @Override
    public double[] apply(double t, double[] z, double[] theta) {
        Tape tape = tapes.get();
        tape.clear();
        Real[] y = f.apply(t, tape.variables(z), tape.variables(theta));
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i].value();
        }
        return out;
    }

    @Override
    public double[] vjp(double t, double[] z, double[] theta, double[] a, double[] zBar, double[] thetaBar) {
        Tape tape = tapes.get();
        tape.clear();
        Var[] zv = tape.variables(z);
        Var[] pv = tape.variables(theta);
        Real[] y = f.apply(t, zv, pv);
        if (y.length != a.length) {
            throw new IllegalArgumentException("dynamics vjp: f has " + y.length + " outputs but the cotangent has "
                    + a.length + " entries");
        }
        Var[] outs = new Var[y.length];
        double[] value = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            if (!(y[i] instanceof Var)) {
                throw new IllegalArgumentException("dynamics output " + i + " is a " + y[i].getClass().getSimpleName()
                        + ", not computed from z or θ; build constants with z[0].constant(c)");
            }
            outs[i] = (Var) y[i];
            value[i] = y[i].value();
        }
        tape.backward(outs, a);
        for (int i = 0; i < z.length; i++) {
            zBar[i] += tape.adjoint(zv[i]);
        }
        for (int i = 0; i < theta.length; i++) {
            thetaBar[i] += tape.adjoint(pv[i]);
        }
        return value;
    }
}
