package dev.adjoint.bench.run;

import dev.adjoint.bench.Impl;
import dev.adjoint.bench.Measurement;
import dev.adjoint.bench.Row;
import dev.adjoint.bench.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The suite's results as report rows, a text table, and JSON lines. */
public final class Report {

    private Report() {
    }

    /** Every workload's rows, in order. */
    public static List<Row> rows(Map<Workload, Map<Impl, Measurement>> results) {
        List<Row> rows = new ArrayList<>();
        results.forEach((w, times) -> rows.addAll(w.rows(times)));
        return rows;
    }

    /** The rows as a table: workload, impl, t_obj, t_grad (± half-range), ratio, ratio_min and notes. */
    public static String table(Map<Workload, Map<Impl, Measurement>> results) {
        StringBuilder b = new StringBuilder();
        String format = "%-12s %-17s %11s %11s %6s %8s %9s  %s%n";
        b.append(String.format(format, "workload", "impl", "t_obj", "t_grad", "±", "ratio", "ratio_min", "notes"));
        results.forEach((w, times) -> {
            for (Row r : w.rows(times)) {
                if (r.get("ratio") == null) {
                    b.append(String.format("%-12s %-17s %s%n", r.get("workload"), r.get("impl"), notes(r)));
                    continue;
                }
                Measurement t = times.get(Impl.byLabel((String) r.get("impl")));
                b.append(String.format(format, r.get("workload"), r.get("impl"),
                        time((Double) r.get("t_obj_s")), time((Double) r.get("t_grad_s")),
                        String.format("%.0f%%", 100 * t.spread()), String.format("%.2f", (Double) r.get("ratio")),
                        String.format("%.2f", (Double) r.get("ratio_min")), notes(r)));
            }
        });
        return b.toString();
    }

    private static String notes(Row r) {
        List<String> notes = new ArrayList<>();
        r.fields().forEach((k, v) -> {
            switch (k) {
                case "workload": case "impl": case "t_obj_s": case "t_grad_s": case "ratio": case "ratio_min":
                case "t_obj_min_s": case "t_grad_min_s":
                    break;
                default:
                    notes.add(k + "=" + (v instanceof Double ? String.format("%.3g", (Double) v) : v));
            }
        });
        return String.join(" ", notes);
    }

    /** Writes one JSON object per line. */
    public static void writeJson(Path file, List<Row> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Row r : rows) {
            lines.add(r.toJson());
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Seconds in a readable unit: {@code 61.2 ns}, {@code 3.40 µs}, {@code 1.25 ms}, {@code 2.00 s}. */
    public static String time(double seconds) {
        double a = Math.abs(seconds);
        if (a < 1e-6) {
            return String.format("%.1f ns", seconds * 1e9);
        }
        if (a < 1e-3) {
            return String.format("%.2f µs", seconds * 1e6);
        }
        if (a < 1) {
            return String.format("%.2f ms", seconds * 1e3);
        }
        return String.format("%.2f s", seconds);
    }
}
