package dev.adjoint.array;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The BLAS behind matrix products, chosen once: native OpenBLAS when it is installed, else netlib's own Java
 * kernels. Debian's reference {@code libblas.so.3} is deliberately skipped (it is slower than the Java code).
 * Override with {@code -Ddev.adjoint.blas=java|native} or name a library with
 * {@code -Ddev.ludovic.netlib.blas.nativeLib=libopenblas.so.0}.
 */
public final class Blas {

    private static final String NATIVE_LIB = "dev.ludovic.netlib.blas.nativeLib";
    private static final String[] LIB_DIRS = {"/usr/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu/openblas-pthread",
        "/usr/lib64", "/usr/lib", "/usr/local/lib", "/usr/lib/aarch64-linux-gnu",
        "/usr/lib/aarch64-linux-gnu/openblas-pthread"};

    private static final class Holder {
        static final BLAS INSTANCE;
        static final String NAME;

        static {
            String choice = System.getProperty("dev.adjoint.blas", "auto");
            BLAS chosen = null;
            String why;
            if (!choice.equals("java")) {
                boolean named = System.getProperty(NATIVE_LIB) != null;
                if (!named) {
                    String openblas = findOpenBlas();
                    if (openblas != null) {
                        System.setProperty(NATIVE_LIB, openblas);
                        named = true;
                    }
                }
                if (named || choice.equals("native")) {
                    try {
                        chosen = dev.ludovic.netlib.blas.NativeBLAS.getInstance();
                    } catch (Throwable e) {
                        chosen = null;
                    }
                }
            }
            if (chosen == null) {
                chosen = JavaBLAS.getInstance();
                why = "netlib Java (" + chosen.getClass().getSimpleName()
                        + "); install libopenblas0-pthread for a faster native BLAS";
            } else {
                why = "native " + System.getProperty(NATIVE_LIB, "libblas.so.3") + " via netlib "
                        + chosen.getClass().getSimpleName();
            }
            INSTANCE = chosen;
            NAME = why;
            // DEBUG, not INFO: the CLI prints the choice itself, and a library should not write to stderr unasked.
            System.getLogger("dev.adjoint.array.Blas").log(System.Logger.Level.DEBUG, "adjoint BLAS: " + NAME);
        }

        private static String findOpenBlas() {
            for (String dir : LIB_DIRS) {
                for (String lib : new String[] {"libopenblas.so.0", "libopenblas.so"}) {
                    if (Files.exists(Path.of(dir, lib))) {
                        return Path.of(dir, lib).toString();
                    }
                }
            }
            return null;
        }
    }

    private Blas() {
    }

    /** Which BLAS is in use, e.g. {@code native /usr/lib/x86_64-linux-gnu/libopenblas.so.0 via netlib JNIBLAS}. */
    public static String name() {
        return Holder.NAME;
    }

    /** The netlib BLAS instance. */
    public static BLAS instance() {
        return Holder.INSTANCE;
    }
}
