package dev.adjoint.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExcerptTest {

    private static final String LONG = "x" + "+x".repeat(49_999);

    @Test
    void shortTextIsShownAsItIs() {
        assertThat(Excerpt.shorten("ln(x1) + x1*x2")).isEqualTo("ln(x1) + x1*x2");
        assertThat(Excerpt.shorten("a\tb\nc")).isEqualTo("a b c");
        assertThat(Excerpt.shorten(null)).isEqualTo("null");
        assertThat(Excerpt.around("x + y", 4)).isEqualTo(new Excerpt.Window("x + y", 4));
        assertThat(Excerpt.around("x + y", 5)).isEqualTo(new Excerpt.Window("x + y", 5));
    }

    @Test
    void longTextKeepsItsStartAndEndAndSaysHowLongItWas() {
        String s = Excerpt.shorten(LONG);
        assertThat(s).startsWith("x+x+").endsWith("+x (99999 characters)").contains("…");
        assertThat(s.length()).isLessThanOrEqualTo(Excerpt.WIDTH + " (99999 characters)".length() + 1);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 35, 36, 37, 50_000, 99_962, 99_963, 99_998, 99_999})
    void theWindowAroundAnyColumnIsShortAndTheCaretIsOnThatCharacter(int at) {
        String text = LONG.substring(0, at) + (at < LONG.length() ? "$" + LONG.substring(at + 1) : "");
        Excerpt.Window w = Excerpt.around(text, at);
        assertThat(w.text().length()).isLessThanOrEqualTo(Excerpt.WIDTH + 2);
        if (at < text.length()) {
            assertThat(w.text().charAt(w.caret())).isEqualTo('$');
        } else {
            assertThat(w.caret()).isEqualTo(w.text().length());
        }
        assertThat(w.text().startsWith("…")).isEqualTo(at > Excerpt.WIDTH / 2);
    }

    @Test
    void theCaretCountsCodePointsAndSurrogatePairsAreNeverSplit() {
        String emoji = "😀";
        String text = (emoji + "+").repeat(100) + "$";
        Excerpt.Window w = Excerpt.around(text, text.length() - 1);
        assertThat(w.text()).doesNotContain("\uFFFD");
        assertThat(Character.isLowSurrogate(w.text().charAt(1))).isFalse();
        int[] points = w.text().codePoints().toArray();
        assertThat(points[w.caret()]).isEqualTo('$');
        Excerpt.Window small = Excerpt.around("😀 + é", 3);
        assertThat(small.caret()).isEqualTo(2);
    }

    @Test
    void aParseErrorInALongInputIsAFewLinesWithTheCaretUnderTheColumn() {
        String input = LONG.substring(0, 60_001) + ")" + LONG.substring(60_002);
        assertThatThrownBy(() -> Parser.parse(input)).isInstanceOfSatisfying(ParseException.class, e -> {
            assertThat(e.column()).isEqualTo(60_002);
            assertThat(e.input()).isSameAs(input);
            String[] lines = e.getMessage().split("\n");
            assertThat(lines).hasSize(3);
            assertThat(e.getMessage().length()).isLessThan(300);
            assertThat(lines[1].charAt(lines[2].indexOf('^'))).isEqualTo(')');
        });
    }

    @Test
    void hugeNamesAndNumbersAreShortenedInTheProblem() {
        String name = "f".repeat(10_000);
        assertThatThrownBy(() -> Parser.parse(name + "(x)")).isInstanceOfSatisfying(ParseException.class, e ->
                assertThat(e.problem()).contains("unknown function 'fff", "(10000 characters)").hasSizeLessThan(900));
        String digits = "9".repeat(400);
        assertThatThrownBy(() -> Parser.parse(digits)).isInstanceOfSatisfying(ParseException.class, e ->
                assertThat(e.problem()).contains("number too large for a double", "(400 characters)")
                        .hasSizeLessThan(200));
    }

    @Test
    void charactersOutsideAsciiAreNamedByTheirCodePoint() {
        assertThatThrownBy(() -> Parser.parse("x + αβ")).hasMessageStartingWith("unexpected 'α' (U+03B1)");
        assertThatThrownBy(() -> Parser.parse("x + 😀")).hasMessageStartingWith("unexpected '😀' (U+1F600)");
        assertThatThrownBy(() -> Parser.parse("x + \uFFFD")).hasMessageContaining("U+FFFD", "UTF-8 locale");
    }
}
