package dev.adjoint.symbolic;

/**
 * Input text as messages show it: short text as it is, long text shortened, so that an error about a
 * 100,000-character input is a few lines long. Control characters become spaces (they would break the caret's
 * alignment), and a surrogate pair is never split.
 */
public final class Excerpt {

    /** Most characters of input a message quotes. */
    public static final int WIDTH = 72;

    /** A window of a line of input and the display column (0-based) of the character a caret points at. */
    public record Window(String text, int caret) {
    }

    private Excerpt() {
    }

    /**
     * {@code text} if at most {@link #WIDTH} characters long, otherwise its start and end around an ellipsis and its
     * length, e.g. {@code x+x+x+…+x+x (100000 characters)}.
     */
    public static String shorten(String text) {
        if (text == null) {
            return "null";
        }
        String s = printable(text);
        if (s.length() <= WIDTH) {
            return s;
        }
        int head = safeEnd(s, WIDTH * 2 / 3);
        int tail = safeStart(s, s.length() - (WIDTH - head));
        return s.substring(0, head) + "…" + s.substring(tail) + " (" + text.length() + " characters)";
    }

    /**
     * At most {@link #WIDTH} characters of {@code text} around index {@code at} (which may be one past the end), with
     * "…" where it was cut, and the display column of {@code at} in that window.
     */
    public static Window around(String text, int at) {
        String s = printable(text);
        int index = Math.max(0, Math.min(at, s.length()));
        int start = 0;
        int end = s.length();
        if (s.length() > WIDTH) {
            start = safeStart(s, Math.max(0, Math.min(index - WIDTH / 2, s.length() - WIDTH)));
            end = safeEnd(s, Math.min(s.length(), start + WIDTH));
        }
        String prefix = start > 0 ? "…" : "";
        String window = prefix + s.substring(start, end) + (end < s.length() ? "…" : "");
        int caret = prefix.length() + s.codePointCount(start, Math.min(index, end)) + Math.max(0, index - end);
        return new Window(window, caret);
    }

    // Control characters (tabs, newlines) would move the caret off its column; shown as spaces.
    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        return b.toString();
    }

    private static int safeStart(String s, int i) {
        return i > 0 && i < s.length() && Character.isLowSurrogate(s.charAt(i)) ? i + 1 : i;
    }

    private static int safeEnd(String s, int i) {
        return i > 0 && i < s.length() && Character.isLowSurrogate(s.charAt(i)) ? i - 1 : i;
    }
}
