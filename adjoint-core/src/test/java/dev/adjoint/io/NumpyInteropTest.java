package dev.adjoint.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NumPy reads what we write and we read what NumPy writes, bit for bit. Needs {@code /usr/bin/python3} with NumPy;
 * skipped without it (CI does not install it: the other tests check the format from its specification).
 */
class NumpyInteropTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsNumpy() {
        Assumptions.assumeTrue(run(Path.of("."), "import numpy") == 0, "no " + PYTHON + " with numpy");
    }

    /** k / 7 in row-major order: both sides compute it with one correctly rounded division. */
    private static NdArray sevenths(int... dims) {
        Shape s = Shape.of(dims);
        double[] d = new double[s.size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = (k - 3) / 7.0;
        }
        return NdArray.adopt(s, d);
    }

    @Test
    void numpyReadsOurFilesBitForBit() throws Exception {
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("params/layers.0.weight", sevenths(3, 4));
        m.put("scalar", NdArray.scalar(-0.0));
        m.put("v", sevenths(5));
        Npz.write(dir.resolve("a.npz"), m);
        Npy.write(dir.resolve("b.npy"), sevenths(2, 3, 2));
        String script = String.join("\n",
                "import numpy as np, sys",
                "def sev(*s): return ((np.arange(int(np.prod(s))) - 3) / 7.0).reshape(s)",
                "z = np.load('a.npz')",
                "assert list(z.keys()) == ['params/layers.0.weight', 'scalar', 'v'], list(z.keys())",
                "w = z['params/layers.0.weight']",
                "assert w.dtype == np.float64 and w.shape == (3, 4) and w.tobytes() == sev(3, 4).tobytes()",
                "s = z['scalar']",
                "assert s.shape == () and np.signbit(s) and s == 0",
                "assert z['v'].tobytes() == sev(5).tobytes()",
                "b = np.load('b.npy')",
                "assert b.shape == (2, 3, 2) and b.tobytes() == sev(2, 3, 2).tobytes()");
        assertThat(run(dir, script)).isZero();
    }

    @Test
    void weReadWhatNumpyWrites() throws Exception {
        String script = String.join("\n",
                "import numpy as np",
                "a = np.arange(24).reshape(2, 3, 4)",
                "np.save('f8.npy', (a - 3) / 7.0)",
                "np.save('f4.npy', (a / 8.0).astype('<f4'))",
                "np.save('be.npy', ((a - 3) / 7.0).astype('>f8'))",
                "np.save('fortran.npy', np.asfortranarray((a - 3) / 7.0))",
                "np.save('i2.npy', (a - 12).astype('<i2'))",
                "np.save('u8.npy', a.astype('<u8'))",
                "np.save('bool.npy', a % 3 == 0)",
                "np.savez('plain.npz', x=(a - 3) / 7.0, y=np.float64(2.5))",
                "np.savez_compressed('packed.npz', x=(a - 3) / 7.0)");
        assertThat(run(dir, script)).isZero();
        double[] sev = sevenths(2, 3, 4).toArray();
        double[] ints = new double[24];
        for (int k = 0; k < 24; k++) {
            ints[k] = k;
        }
        assertThat(Npy.readArray(dir.resolve("f8.npy")).toArray()).containsExactly(sev);
        assertThat(Npy.readArray(dir.resolve("be.npy")).toArray()).containsExactly(sev);
        NdArray f = Npy.readArray(dir.resolve("fortran.npy"));
        assertThat(f.shape()).isEqualTo(Shape.of(2, 3, 4));
        assertThat(f.toArray()).containsExactly(sev);
        double[] f4 = Npy.readArray(dir.resolve("f4.npy")).toArray();
        double[] i2 = Npy.readArray(dir.resolve("i2.npy")).toArray();
        double[] u8 = Npy.readArray(dir.resolve("u8.npy")).toArray();
        double[] b = Npy.readArray(dir.resolve("bool.npy")).toArray();
        for (int k = 0; k < 24; k++) {
            assertThat(f4[k]).isEqualTo(k / 8.0);
            assertThat(i2[k]).isEqualTo(k - 12);
            assertThat(u8[k]).isEqualTo(ints[k]);
            assertThat(b[k]).isEqualTo(k % 3 == 0 ? 1 : 0);
        }
        Map<String, NdArray> plain = Npz.read(dir.resolve("plain.npz"));
        assertThat(plain.keySet()).containsExactly("x", "y");
        assertThat(plain.get("x").toArray()).containsExactly(sev);
        assertThat(plain.get("y").shape()).isEqualTo(Shape.scalar());
        assertThat(Npz.read(dir.resolve("packed.npz")).get("x").toArray()).containsExactly(sev);
    }

    private static int run(Path cwd, String script) {
        try {
            Path py = Files.createTempFile("numpy-interop", ".py");
            Files.writeString(py, script, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(PYTHON, py.toString()).directory(cwd.toFile()).inheritIO().start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            Files.delete(py);
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
