package dev.adjoint.cli;

import dev.adjoint.checkpoint.MemoryChain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The memory benchmark as a PNG (XChart): peak bytes held for the backward pass against N, one line per method. */
final class MemoryPlot {

    private MemoryPlot() {
    }

    /** Writes the log-log plot of peak bytes against the number of layers to {@code file} (PNG). */
    static void write(List<MemoryChain.Measurement> rows, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(1000).height(650)
                .title("Gradient through a chain of N coupling layers (width 64): memory held for the backward pass")
                .xAxisTitle("N (layers)").yAxisTitle("peak bytes (log scale)").build();
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true)
                .setLegendPosition(Styler.LegendPosition.InsideNW)
                .setChartBackgroundColor(java.awt.Color.WHITE);
        for (MemoryChain.Method method : MemoryChain.Method.values()) {
            List<Double> n = new ArrayList<>();
            List<Double> bytes = new ArrayList<>();
            for (MemoryChain.Measurement m : rows) {
                if (m.method() == method) {
                    n.add((double) m.n());
                    bytes.add((double) m.peakBytes());
                }
            }
            if (!n.isEmpty()) {
                chart.addSeries(method.label(), n, bytes).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
