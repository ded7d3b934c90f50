package dev.adjoint.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs every example's main, as a user would: each checks itself and throws if a check fails. */
@Isolated
class ExamplesTest {

    @ParameterizedTest
    @ValueSource(classes = {LogisticRegression.class, Mlp.class, CustomRule.class, Hvp.class, NeuralOde.class,
        StaticGraph.class, Checkpointing.class, SaveAndResume.class})
    void mainRunsAndItsChecksPass(Class<?> example) throws Throwable {
        Method main = example.getMethod("main", String[].class);
        assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            main.invoke(null, (Object) new String[0]);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        original.print(out);
        assertThat(out).contains("ok: ").doesNotContain("check failed");
    }
}
