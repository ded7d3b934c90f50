package dev.adjoint.examples.programs;

import java.util.Locale;

/** The examples' self-checks: print what was checked, or fail with what went wrong. */
final class Check {

    private Check() {
    }

    /** Prints {@code ok: what} if {@code condition} holds, else throws. */
    static void that(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("check failed: " + what);
        }
        System.out.println("ok: " + what);
    }

    /** Checks that a relative error |a − b| / max(1, |a|, |b|) is at most {@code tolerance}. */
    static void close(double a, double b, double tolerance, String what) {
        double err = Math.abs(a - b) / Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
        that(err <= tolerance, String.format(Locale.ROOT, "%s (%.3g vs %.3g, relative error %.1e ≤ %.0e)", what, a, b,
                err, tolerance));
    }

    /** The largest relative difference between two vectors, scaled by the largest magnitude. */
    static double maxError(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " and " + b.length);
        }
        double scale = 1;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.max(Math.abs(a[i]), Math.abs(b[i])));
        }
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]) / scale);
        }
        return worst;
    }
}
