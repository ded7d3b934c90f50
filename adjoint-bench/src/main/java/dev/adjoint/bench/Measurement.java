package dev.adjoint.bench;

import java.util.List;

/**
 * The time of one task: the median over all measured iterations of all forks, with the extremes.
 *
 * @param median  median seconds per operation
 * @param min     fastest iteration, seconds per operation
 * @param max     slowest iteration, seconds per operation
 * @param samples how many iterations the median is taken over
 */
public record Measurement(double median, double min, double max, int samples) {

    /** The measurement summarising these per-iteration times (seconds per operation). */
    public static Measurement of(List<Double> seconds) {
        if (seconds.isEmpty()) {
            throw new IllegalArgumentException("Measurement.of: no samples");
        }
        double[] s = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = s.length;
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        return new Measurement(median, s[0], s[n - 1], n);
    }

    /** Half the range relative to the median: a rough spread, e.g. 0.03 for ±3 %. */
    public double spread() {
        return (max - min) / 2 / median;
    }
}
