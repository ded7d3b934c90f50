package dev.adjoint.graph.compile;

import java.lang.reflect.InvocationTargetException;

/** The base of generated scalar programs: owns the work arrays and the table rows the code calls. */
public abstract class GeneratedGradient implements CompiledGradient {

    /** Table rows called by the generated code (functions without an inlined Java form). */
    protected Object[] fns;
    private double[] values;
    private double[] adjoints;
    private int steps;
    private int inputs;
    private int[] dead;

    void init(Object[] functions, int inputCount, int stepCount, int slotCount, int[] deadInputs) {
        this.dead = deadInputs;
        this.inputs = inputCount;
        this.fns = functions;
        this.values = new double[slotCount];
        this.adjoints = new double[slotCount];
        this.steps = stepCount;
    }

    /** The forward sweep: inputs copied into {@code v}, every step evaluated; returns y. */
    protected abstract double forward(double[] x, double[] v);

    /** The reverse sweep from ȳ = 1: the adjoints of the inputs end up in {@code b[0..n)}. */
    protected abstract void reverse(double[] v, double[] b);

    @Override
    public double value(double[] x) {
        check(x);
        return forward(x, values);
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        check(x);
        if (gradient.length != inputs) {
            throw new IllegalArgumentException("valueAndGradient: gradient array of length " + gradient.length
                    + " for " + inputs + " inputs");
        }
        double y = forward(x, values);
        reverse(values, adjoints);
        System.arraycopy(adjoints, 0, gradient, 0, inputs);
        for (int i : dead) {
            gradient[i] = 0;                    // never assigned by the sweep: y does not depend on x_i
        }
        return y;
    }

    private void check(double[] x) {
        if (x.length != inputs) {
            throw new IllegalArgumentException("compiled function of " + inputs + " inputs called with "
                    + x.length);
        }
    }

    @Override
    public int steps() {
        return steps;
    }

    @Override
    public CompiledGradient copy() {
        try {
            GeneratedGradient g = getClass().getDeclaredConstructor().newInstance();
            g.init(fns, inputs, steps, values.length, dead);
            return g;
        } catch (InstantiationException | IllegalAccessException | NoSuchMethodException
                 | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
