package dev.adjoint.ode;

/**
 * The Butcher tableau of an explicit Runge–Kutta method: stages kᵢ = F(t + cᵢh, y + h·Σⱼ&lt;ᵢ aᵢⱼkⱼ), step
 * y′ = y + h·Σ bᵢkᵢ, and for embedded pairs the error estimate h·Σ eᵢkᵢ with e = b − b̂.
 */
public final class Tableau {

    /** The classical fourth-order Runge–Kutta method. */
    public static final Tableau RK4 = new Tableau("RK4", 4,
            new double[] {0, 0.5, 0.5, 1},
            new double[][] {{}, {0.5}, {0, 0.5}, {0, 0, 1}},
            new double[] {1 / 6.0, 1 / 3.0, 1 / 3.0, 1 / 6.0},
            null);

    /** Dormand and Prince's 5(4) pair (1980): fifth-order step, fourth-order error estimate. */
    public static final Tableau DORMAND_PRINCE = new Tableau("Dormand-Prince 5(4)", 5,
            new double[] {0, 1 / 5.0, 3 / 10.0, 4 / 5.0, 8 / 9.0, 1, 1},
            new double[][] {
                {},
                {1 / 5.0},
                {3 / 40.0, 9 / 40.0},
                {44 / 45.0, -56 / 15.0, 32 / 9.0},
                {19372 / 6561.0, -25360 / 2187.0, 64448 / 6561.0, -212 / 729.0},
                {9017 / 3168.0, -355 / 33.0, 46732 / 5247.0, 49 / 176.0, -5103 / 18656.0},
                {35 / 384.0, 0, 500 / 1113.0, 125 / 192.0, -2187 / 6784.0, 11 / 84.0}},
            new double[] {35 / 384.0, 0, 500 / 1113.0, 125 / 192.0, -2187 / 6784.0, 11 / 84.0, 0},
            new double[] {35 / 384.0 - 5179 / 57600.0, 0, 500 / 1113.0 - 7571 / 16695.0,
                125 / 192.0 - 393 / 640.0, -2187 / 6784.0 + 92097 / 339200.0, 11 / 84.0 - 187 / 2100.0,
                -1 / 40.0});

    private final String name;
    private final int order;
    private final double[] c;
    private final double[][] a;
    private final double[] b;
    private final double[] e;

    private Tableau(String name, int order, double[] c, double[][] a, double[] b, double[] e) {
        this.name = name;
        this.order = order;
        this.c = c;
        this.a = a;
        this.b = b;
        this.e = e;
    }

    /** The method's name. */
    public String name() {
        return name;
    }

    /** The order of the step y′. */
    public int order() {
        return order;
    }

    /** The number of stages. */
    public int stages() {
        return c.length;
    }

    /** cᵢ. */
    public double c(int i) {
        return c[i];
    }

    /** aᵢⱼ for j &lt; i. */
    public double a(int i, int j) {
        return a[i][j];
    }

    /** bᵢ. */
    public double b(int i) {
        return b[i];
    }

    /** Whether the tableau carries an embedded error estimate. */
    public boolean embedded() {
        return e != null;
    }

    /** eᵢ = bᵢ − b̂ᵢ, the weights of the error estimate. */
    public double e(int i) {
        return e[i];
    }

    @Override
    public String toString() {
        return name;
    }
}
