package dev.adjoint.bench;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a workload is computed: the plain baseline, or one of the derivative implementations compared with it. */
public enum Impl {
    /** The baseline: plain {@code double} (or non-recording) code computing the value only. */
    OBJECTIVE("objective"),
    /** Reverse mode on the scalar tape ({@code Var}/{@code Tape}): value and full gradient. */
    ADJOINT_REVERSE("adjoint-reverse"),
    /** Forward mode ({@code Dual}): value and one directional derivative. */
    ADJOINT_FORWARD("adjoint-forward"),
    /** Tensor code under the reverse transform. */
    ADJOINT_TENSOR("adjoint-tensor"),
    /** A compiled (staged) gradient. */
    ADJOINT_COMPILED("adjoint-compiled"),
    /** Hipparchus forward mode ({@code org.hipparchus.analysis.differentiation.Gradient}). */
    HIPPARCHUS("hipparchus"),
    /** A gradient written by hand. */
    MANUAL("manual"),
    /** A plain Java triple loop (GEMM's baseline). */
    JAVA_LOOP("java-loop"),
    /** The BLAS this library uses ({@code dev.adjoint.array.Blas}). */
    BLAS("blas"),
    /** netlib's pure-Java BLAS, measured next to a native one. */
    NETLIB_JAVA("netlib-java"),
    /** The same operation composed from other primitives (e.g. a convolution from slices, stack and matmul). */
    COMPOSED("composed");

    private final String label;

    Impl(String label) {
        this.label = label;
    }

    /** The name used in case ids, tables and JSON. */
    public String label() {
        return label;
    }

    /** The implementation with this label. */
    public static Impl byLabel(String label) {
        for (Impl i : values()) {
            if (i.label.equals(label)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown implementation '" + label + "'; known: "
                + Arrays.stream(values()).map(Impl::label).collect(Collectors.joining(", ")));
    }
}
