package dev.adjoint.cli;

import dev.adjoint.numeric.CostStudy;
import dev.adjoint.numeric.StepSizeStudy;
import dev.adjoint.symbolic.SwellStudy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The comparison's three PNG plots (XChart): error against step, expression size against n, cost against n. */
final class Plots {

    private Plots() {
    }

    /** Log-log plot of each scheme's error against h, with the machine-epsilon floor for scale. */
    static Path stepSize(Path dir, StepSizeStudy study, String function) {
        XYChart chart = chart("Finite-difference error against step h: " + function, "step h",
                "|finite difference − AD derivative|");
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true)
                .setLegendPosition(Styler.LegendPosition.InsideSW);
        for (StepSizeStudy.Curve c : study.curves()) {
            List<Double> h = new ArrayList<>();
            List<Double> e = new ArrayList<>();
            for (StepSizeStudy.Point p : c.points()) {
                if (p.error() > 0 && Double.isFinite(p.error())) {
                    h.add(p.step());
                    e.add(p.error());
                }
            }
            if (!h.isEmpty()) {
                String name = c.scheme().name().toLowerCase().replace('_', '-') + " (order " + c.scheme().order()
                        + ")";
                chart.addSeries(name, h, e).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        return save(chart, dir, "fd-error-vs-h");
    }

    /** Node counts against n on a log scale: trees grow exponentially, DAGs and tapes linearly. */
    static Path swell(Path dir, List<SwellStudy.Row> rows) {
        XYChart chart = chart("Expression swell: l(n+1) = 4 l(n) (1 - l(n)), size against n", "n",
                "nodes / operations (log scale)");
        chart.getStyler().setYAxisLogarithmic(true).setLegendPosition(Styler.LegendPosition.InsideNW);
        series(chart, "l_n as a tree", rows, SwellStudy.Row::expressionTree);
        series(chart, "dl_n/dx symbolic, tree", rows, SwellStudy.Row::derivativeTree);
        series(chart, "dl_n/dx simplified, tree", rows, SwellStudy.Row::simplifiedTree);
        series(chart, "dl_n/dx symbolic, DAG", rows, SwellStudy.Row::derivativeDag);
        series(chart, "AD tape operations", rows, r -> r.tapeOperations());
        return save(chart, dir, "expression-size-vs-n");
    }

    /** Seconds per full gradient against n, log-log: finite differences grow like n², reverse mode like n. */
    static Path cost(Path dir, List<CostStudy.Row> rows) {
        XYChart chart = chart("Cost of a full gradient of Rosenbrock against the number of inputs n", "n (inputs)",
                "seconds per gradient (log scale)");
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true)
                .setLegendPosition(Styler.LegendPosition.OutsideS);
        seconds(chart, "forward differences (n + 1 evaluations of f)", rows, CostStudy.Row::fdSeconds);
        seconds(chart, "reverse-mode AD (record + sweep)", rows, CostStudy.Row::reverseSeconds);
        seconds(chart, "one evaluation of f", rows, CostStudy.Row::functionSeconds);
        return save(chart, dir, "gradient-cost-vs-n");
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(1000).height(650).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        return chart;
    }

    private static void series(XYChart chart, String name, List<SwellStudy.Row> rows,
                               ToLongFunction<SwellStudy.Row> size) {
        List<Double> n = new ArrayList<>();
        List<Double> s = new ArrayList<>();
        for (SwellStudy.Row r : rows) {
            long v = size.applyAsLong(r);
            if (v > 0) {
                n.add((double) r.n());
                s.add((double) v);
            }
        }
        if (!n.isEmpty()) {
            chart.addSeries(name, n, s).setMarker(SeriesMarkers.CIRCLE);
        }
    }

    private static void seconds(XYChart chart, String name, List<CostStudy.Row> rows,
                                ToDoubleFunction<CostStudy.Row> time) {
        List<Double> n = new ArrayList<>();
        List<Double> t = new ArrayList<>();
        for (CostStudy.Row r : rows) {
            n.add((double) r.n());
            t.add(time.applyAsDouble(r));
        }
        chart.addSeries(name, n, t).setMarker(SeriesMarkers.CIRCLE);
    }

    private static Path save(XYChart chart, Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the plot " + name + ".png into " + dir + ": "
                    + e.getMessage(), e);
        }
    }
}
