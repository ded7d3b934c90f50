package dev.adjoint.nn.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Line charts written as PNG (XChart, headless). */
public final class Plots {

    /** One curve: x and y values of equal length. */
    public record Series(double[] x, double[] y) {
    }

    private Plots() {
    }

    /** Writes a chart of named curves to {@code file} (a .png), with a logarithmic y axis when asked. */
    public static void lines(Path file, String title, String xLabel, String yLabel, Map<String, Series> curves,
                             boolean logY) {
        save(file, List.of(chart(title, xLabel, yLabel, curves, logY)));
    }

    /** A chart of named curves. */
    public static XYChart chart(String title, String xLabel, String yLabel, Map<String, Series> curves,
                                boolean logY) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setMarkerSize(4);
        for (Map.Entry<String, Series> e : curves.entrySet()) {
            double[] y = e.getValue().y();
            if (logY) {
                y = y.clone();
                for (int i = 0; i < y.length; i++) {
                    y[i] = Math.max(y[i], 1e-300);
                }
            }
            XYSeries s = chart.addSeries(e.getKey(), e.getValue().x(), y);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /** Writes charts side by side into one PNG. */
    public static void save(Path file, List<XYChart> charts) {
        String name = file.toString().replaceFirst("\\.png$", "");
        try {
            if (charts.size() == 1) {
                BitmapEncoder.saveBitmap(charts.get(0), name, BitmapEncoder.BitmapFormat.PNG);
            } else {
                BitmapEncoder.saveBitmap(charts, 1, charts.size(), name, BitmapEncoder.BitmapFormat.PNG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Series> ordered(String a, Series sa, String b, Series sb) {
        Map<String, Series> m = new java.util.LinkedHashMap<>();
        m.put(a, sa);
        m.put(b, sb);
        return m;
    }

    /** Learning curves: train and test loss, and train and test accuracy, against the epoch (two PNG files). */
    public static void learningCurves(List<Epoch> history, Path lossPng, Path accuracyPng, String title) {
        int n = history.size();
        double[] x = new double[n];
        double[] trainLoss = new double[n];
        double[] testLoss = new double[n];
        double[] trainAcc = new double[n];
        double[] testAcc = new double[n];
        for (int i = 0; i < n; i++) {
            Epoch e = history.get(i);
            x[i] = e.epoch();
            trainLoss[i] = e.trainLoss();
            testLoss[i] = e.testLoss();
            trainAcc[i] = e.trainAccuracy();
            testAcc[i] = e.testAccuracy();
        }
        lines(lossPng, title + ": loss", "epoch", "cross-entropy",
                ordered("train", new Series(x, trainLoss), "test", new Series(x, testLoss)), false);
        lines(accuracyPng, title + ": accuracy", "epoch", "accuracy",
                ordered("train", new Series(x, trainAcc), "test", new Series(x, testAcc)), false);
    }
}
