package dev.adjoint.scalar.trace;

import java.util.ArrayList;
import java.util.List;

/** Reads printed text traces back: each row's left-hand side, its middle cells, and its last number. */
final class PrintedTrace {

    /** One printed row, its text with the alignment padding squeezed out. */
    record Row(String lhs, String text, double value) {
    }

    private PrintedTrace() {
    }

    /** The rows of the section whose title starts with {@code title}, in printed order. */
    static List<Row> section(String printed, String title) {
        List<Row> rows = new ArrayList<>();
        boolean inside = false;
        for (String line : printed.split("\n")) {
            if (!line.startsWith(" ")) {
                inside = line.startsWith(title);
                continue;
            }
            if (!inside || line.trim().startsWith("─")) {
                continue;
            }
            String[] cells = line.trim().split("\\s+=\\s+");
            rows.add(new Row(cells[0].trim(), line.trim().replaceAll(" {2,}", " "), number(cells[cells.length - 1])));
        }
        return rows;
    }

    /** The printed text with alignment padding squeezed to single spaces. */
    static String squeezed(String printed) {
        return printed.replaceAll(" {2,}", " ");
    }

    /** A printed number: U+2212 is a minus sign. */
    static double number(String s) {
        return Double.parseDouble(s.trim().replace('\u2212', '-').replace("∞", "Infinity"));
    }
}
