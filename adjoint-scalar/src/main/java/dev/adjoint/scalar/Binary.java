package dev.adjoint.scalar;

/**
 * The table of functions of two variables. Arithmetic rows are here so that generic implementations (symbolic
 * expressions, traces) have one definition to follow; the fast implementations also do arithmetic inline, and
 * the contract tests check that all of them agree with this table.
 */
public enum Binary implements BinaryFunction {
    ADD("+") {
        public double value(double x, double y) { return x + y; }
        public double slopeX(double x, double y) { return 1; }
        public double slopeY(double x, double y) { return 1; }
        public Real derivativeX(Real x, Real y) { return x.constant(1); }
        public Real derivativeY(Real x, Real y) { return x.constant(1); }
    },
    SUB("-") {
        public double value(double x, double y) { return x - y; }
        public double slopeX(double x, double y) { return 1; }
        public double slopeY(double x, double y) { return -1; }
        public Real derivativeX(Real x, Real y) { return x.constant(1); }
        public Real derivativeY(Real x, Real y) { return x.constant(-1); }
    },
    MUL("*") {
        public double value(double x, double y) { return x * y; }
        public double slopeX(double x, double y) { return y; }
        public double slopeY(double x, double y) { return x; }
        public Real derivativeX(Real x, Real y) { return y; }
        public Real derivativeY(Real x, Real y) { return x; }
    },
    DIV("/") {
        public double value(double x, double y) { return x / y; }
        public double slopeX(double x, double y) { return 1 / y; }
        public double slopeY(double x, double y) { return -x / (y * y); }
        public Real derivativeX(Real x, Real y) { return y.reciprocal(); }
        public Real derivativeY(Real x, Real y) { return x.div(y.square()).neg(); }
    },
    /** x^y for x &gt; 0: ∂/∂x = y x^(y−1), ∂/∂y = x^y ln x. */
    POW("^") {
        public double value(double x, double y) { return Math.pow(x, y); }
        public double slopeX(double x, double y) { return y == 0 ? 0 : y * Math.pow(x, y - 1); }
        public double slopeY(double x, double y) { return x == 0 && y > 0 ? 0 : Math.pow(x, y) * Math.log(x); }
        public Real derivativeX(Real x, Real y) { return x.pow(y.sub(1)).mul(y); }
        public Real derivativeY(Real x, Real y) { return x.pow(y).mul(x.log()); }
    },
    /** atan2(y, x) with the receiver as y: ∂/∂y = x/(x²+y²), ∂/∂x = −y/(x²+y²). */
    ATAN2("atan2") {
        public double value(double y, double x) { return Math.atan2(y, x); }
        public double slopeX(double y, double x) { return x / (x * x + y * y); }
        public double slopeY(double y, double x) { return -y / (x * x + y * y); }
        public Real derivativeX(Real y, Real x) { return x.div(x.square().add(y.square())); }
        public Real derivativeY(Real y, Real x) { return y.div(x.square().add(y.square())).neg(); }
    },
    HYPOT("hypot") {
        public double value(double x, double y) { return Math.hypot(x, y); }
        public double slopeX(double x, double y) { return x / Math.hypot(x, y); }
        public double slopeY(double x, double y) { return y / Math.hypot(x, y); }
        public Real derivativeX(Real x, Real y) { return x.div(x.hypot(y)); }
        public Real derivativeY(Real x, Real y) { return y.div(x.hypot(y)); }
    },
    /** At a tie each argument gets half: a subgradient that keeps d min(x, x)/dx = 1. */
    MIN("min") {
        public double value(double x, double y) { return Math.min(x, y); }
        public double slopeX(double x, double y) { return x < y ? 1 : x > y ? 0 : 0.5; }
        public double slopeY(double x, double y) { return 1 - slopeX(x, y); }
        public Real derivativeX(Real x, Real y) { return x.constant(slopeX(x.value(), y.value())); }
        public Real derivativeY(Real x, Real y) { return x.constant(slopeY(x.value(), y.value())); }
    },
    /** At a tie each argument gets half: a subgradient that keeps d max(x, x)/dx = 1. */
    MAX("max") {
        public double value(double x, double y) { return Math.max(x, y); }
        public double slopeX(double x, double y) { return x > y ? 1 : x < y ? 0 : 0.5; }
        public double slopeY(double x, double y) { return 1 - slopeX(x, y); }
        public Real derivativeX(Real x, Real y) { return x.constant(slopeX(x.value(), y.value())); }
        public Real derivativeY(Real x, Real y) { return x.constant(slopeY(x.value(), y.value())); }
    };

    private final String symbol;

    Binary(String symbol) {
        this.symbol = symbol;
    }

    @Override
    public String symbol() {
        return symbol;
    }

    /** The row whose symbol is {@code symbol}, or null. */
    public static Binary bySymbol(String symbol) {
        for (Binary b : values()) {
            if (b.symbol.equals(symbol)) {
                return b;
            }
        }
        return null;
    }
}
