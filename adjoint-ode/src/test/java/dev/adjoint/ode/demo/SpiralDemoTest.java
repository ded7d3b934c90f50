package dev.adjoint.ode.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.ode.Dynamics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpiralDemoTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void tensorAndScalarDynamicsAgreeOnValuesAndVjps(long seed) {
        Mlp mlp = new Mlp(7);
        Dynamics tensors = Dynamics.ofTensors(mlp.tensors());
        Dynamics scalars = Dynamics.of(mlp.scalars());
        Random r = new Random(seed);
        double[] z = r.doubles(6, -1.5, 1.5).toArray();
        double[] theta = mlp.init(seed);
        for (int i = 0; i < theta.length; i++) {
            theta[i] += 0.3 * r.nextGaussian();
        }
        double[] a = r.doubles(6, -1, 1).toArray();
        double[] zt = new double[6];
        double[] pt = new double[theta.length];
        double[] zs = new double[6];
        double[] ps = new double[theta.length];
        double[] vt = tensors.vjp(0, z, theta, a, zt, pt);
        double[] vs = scalars.vjp(0, z, theta, a, zs, ps);
        assertThat(vt).containsExactly(vs, within(1e-12));
        assertThat(tensors.apply(0, z, theta)).containsExactly(vs, within(1e-12));
        assertThat(zt).containsExactly(zs, within(1e-12));
        assertThat(pt).containsExactly(ps, within(1e-12));
        double h = 1e-6;
        for (int k = 0; k < z.length; k++) {
            double[] up = z.clone();
            double[] down = z.clone();
            up[k] += h;
            down[k] -= h;
            double[] fu = tensors.apply(0, up, theta);
            double[] fd = tensors.apply(0, down, theta);
            double dot = 0;
            for (int i = 0; i < a.length; i++) {
                dot += a[i] * (fu[i] - fd[i]) / (2 * h);
            }
            assertThat(zt[k]).isCloseTo(dot, within(1e-7));
        }
    }

    @Test
    void aShortTrainingRunFitsBetterAndWritesThePlots(@TempDir Path dir) throws Exception {
        StringWriter log = new StringWriter();
        SpiralDemo.Options o = new SpiralDemo.Options(40, 32, 16, 10, 0.01, 1, true, dir);
        SpiralDemo.Result r = SpiralDemo.run(o, new PrintWriter(log, true));
        assertThat(r.finalMse()).isLessThan(r.initialMse() / 2);
        double first = r.losses().subList(0, 10).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double last = r.losses().subList(30, 40).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(last).as("batch loss, last 10 vs first 10 iterations").isLessThan(first / 2);
        assertThat(r.plots()).hasSize(2);
        for (Path p : r.plots()) {
            byte[] png = Files.readAllBytes(p);
            assertThat(png).hasSizeGreaterThan(1000);
            assertThat(png[1]).isEqualTo((byte) 'P');
        }
        assertThat(log.toString()).contains("iteration   40/40").contains("the adjoint method");
    }

    @Test
    void theDataIsTheSpiralOfTheCubicSystem() {
        double[][] d = SpiralDemo.data();
        assertThat(d).hasNumberOfRows(SpiralDemo.POINTS);
        assertThat(d[0]).containsExactly(2, 0);
        double r0 = Math.hypot(d[0][0], d[0][1]);
        double rEnd = Math.hypot(d[d.length - 1][0], d[d.length - 1][1]);
        assertThat(rEnd).as("the damped spiral winds inwards").isLessThan(r0 / 2);
    }
}
