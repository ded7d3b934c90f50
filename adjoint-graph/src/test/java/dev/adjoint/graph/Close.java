package dev.adjoint.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.Tensor;

/** Elementwise closeness of tensors, with the shapes checked first. */
final class Close {

    private Close() {
    }

    static void assertClose(Tensor actual, Tensor expected, double tol) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        double[] a = actual.toArray();
        double[] e = expected.toArray();
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(e[i])) {
                assertThat(a[i]).as("element %d", i).isNaN();
            } else {
                assertThat(a[i]).as("element %d", i).isCloseTo(e[i],
                        org.assertj.core.data.Offset.offset(tol * (1 + Math.abs(e[i]))));
            }
        }
    }
}
