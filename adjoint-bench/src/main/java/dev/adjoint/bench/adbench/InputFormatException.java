package dev.adjoint.bench.adbench;

/** A bad or truncated ADBench input file; the message names the file and the line. */
public final class InputFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    InputFormatException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    /** The file's name as given to the reader. */
    public String file() {
        return file;
    }

    /** The 1-based line the problem is on (one past the last line when the file ended too early). */
    public int line() {
        return line;
    }
}
