package dev.adjoint.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting shared by the commands. */
final class Numbers {

    private Numbers() {
    }

    /** Shortest text that reads back to the same double, without a needless ".0". */
    static String plain(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }

    /** Full precision when {@code digits} is negative, otherwise rounded to that many decimals. */
    static String format(double x, int digits) {
        if (digits < 0 || !Double.isFinite(x) || x == 0 || Math.abs(x) >= 1e15 || Math.abs(x) < Math.pow(10, -digits)) {
            return plain(x);
        }
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
