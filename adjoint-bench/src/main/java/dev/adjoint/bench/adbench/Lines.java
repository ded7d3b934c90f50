package dev.adjoint.bench.adbench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The lines of one text file read in order, each split into fields (on whitespace, or on a given separator) and
 * parsed with the line number at hand, so every error says where it is.
 */
final class Lines {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final String name;
    private final List<String> lines;
    private final Pattern separator;
    private int next;

    private Lines(String name, List<String> lines, Pattern separator) {
        this.name = name;
        this.lines = lines;
        this.separator = separator;
    }

    /** The lines of a file, fields separated by whitespace. */
    static Lines of(Path file) {
        return of(file, null);
    }

    /** The lines of a file, fields separated by {@code separator} (a literal), or whitespace when null. */
    static Lines of(Path file, String separator) {
        try {
            return new Lines(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8),
                    separator == null ? WHITESPACE : Pattern.compile(Pattern.quote(separator)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The lines of a stream (e.g. a class-path resource) named {@code name} in messages. */
    static Lines of(String name, InputStream in, String separator) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return new Lines(name, r.lines().toList(), separator == null ? WHITESPACE
                    : Pattern.compile(Pattern.quote(separator)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** The lines of a class-path resource under {@code /adbench/} (the inputs shipped with the benchmarks). */
    static Lines resource(String path, String separator) {
        InputStream in = Lines.class.getResourceAsStream("/adbench/" + path);
        if (in == null) {
            throw new IllegalArgumentException("no ADBench input '" + path + "' on the class path (under /adbench/)");
        }
        return of("adbench/" + path, in, separator);
    }

    /** The file's name. */
    String name() {
        return name;
    }

    /** The number of the line {@link #fields} reads next (1-based). */
    int lineNumber() {
        return next + 1;
    }

    /** Number of lines in the file. */
    int count() {
        return lines.size();
    }

    /** Whether lines are left. */
    boolean hasNext() {
        return next < lines.size();
    }

    /** An error at the line read last. */
    InputFormatException error(String message) {
        return new InputFormatException(name, Math.max(1, next), message);
    }

    /** The next line's fields; {@code what} says what the line should hold, for the message if there is none. */
    String[] fields(String what) {
        if (next >= lines.size()) {
            throw new InputFormatException(name, next + 1, "file ends early: expected " + what + " (the file has "
                    + lines.size() + " lines)");
        }
        String s = lines.get(next++).strip();
        return s.isEmpty() ? new String[0] : separator.split(s, -1);
    }

    /** Skips one line (ADBench's separator lines), which must exist. */
    void skip(String what) {
        fields(what);
    }

    /** The next line as exactly {@code count} numbers. */
    double[] numbers(int count, String what) {
        String[] f = fields(what);
        if (f.length != count) {
            throw error("expected " + count + (count == 1 ? " number" : " numbers") + " (" + what + "), found "
                    + f.length);
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = number(f[i], what + ", field " + (i + 1));
        }
        return out;
    }

    /** A field of the line read last as a double. */
    double number(String field, String what) {
        try {
            return Double.parseDouble(field.strip());
        } catch (NumberFormatException e) {
            throw error("'" + field + "' is not a number (" + what + ")");
        }
    }

    /** A field of the line read last as an int in [lo, hi]. */
    int integer(String field, String what, int lo, int hi) {
        int v;
        try {
            v = Integer.parseInt(field.strip());
        } catch (NumberFormatException e) {
            throw error("'" + field + "' is not an integer (" + what + ")");
        }
        if (v < lo || v > hi) {
            throw error(what + " " + v + " is outside [" + lo + ", " + hi + "]");
        }
        return v;
    }

    /** The next line as exactly {@code names.length} integers, each at least {@code lo}. */
    int[] header(int lo, String... names) {
        String what = String.join(" ", names);
        String[] f = fields("the header '" + what + "'");
        if (f.length != names.length) {
            throw error("expected the header '" + what + "' (" + names.length + " integers), found " + f.length
                    + " fields");
        }
        int[] out = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = integer(f[i], names[i], lo, Integer.MAX_VALUE);
        }
        return out;
    }
}
