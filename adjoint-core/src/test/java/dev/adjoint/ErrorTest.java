package dev.adjoint;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bad input gets an error that names the operation and the shapes involved. */
class ErrorTest {

    @Test
    void matmulInnerDimensions() {
        assertThatThrownBy(() -> Tensor.zeros(3, 4).matmul(Tensor.zeros(5, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matmul: [3, 4] @ [5, 2]: inner dimensions 4 and 5 differ");
        assertThatThrownBy(() -> Tensor.zeros(2, 3, 4).matmul(Tensor.zeros(3, 4, 2)))
                .hasMessageContaining("matmul").hasMessageContaining("[2]").hasMessageContaining("[3]");
    }

    @Test
    void convolutionAndPoolingShapes() {
        assertThatThrownBy(() -> Tensor.zeros(2, 5, 5, 3).conv2d(Tensor.zeros(3, 3, 2, 4), 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conv2d: input [2, 5, 5, 3] and kernel [3, 3, 2, 4] (need [N, H, W, C] and [kh, kw, C, O])");
        assertThatThrownBy(() -> Tensor.zeros(5, 5, 3).conv2d(Tensor.zeros(3, 3, 3, 4), 1, 1))
                .hasMessageContaining("conv2d: input [5, 5, 3]");
        assertThatThrownBy(() -> Tensor.zeros(1, 2, 2, 1).conv2d(Tensor.zeros(3, 3, 1, 1), 1, 0))
                .hasMessageContaining("conv2d: input [1, 2, 2, 1]").hasMessageContaining("does not fit");
        assertThatThrownBy(() -> Tensor.zeros(1, 4, 4, 1).conv2d(Tensor.zeros(3, 3, 1, 1), 0, 0))
                .hasMessageContaining("conv2d").hasMessageContaining("stride 0");
        assertThatThrownBy(() -> Tensor.zeros(4, 4, 3).maxPool2d(2, 2, 0))
                .hasMessage("maxPool2d: input of shape [4, 4, 3], expected [N, H, W, C]");
        assertThatThrownBy(() -> Tensor.zeros(1, 4, 4, 3).avgPool2d(2, 2, 2))
                .hasMessageContaining("avgPool2d: padding 2 for a window of size 2");
        assertThatThrownBy(() -> Tensor.zeros(1, 2, 2, 3).maxPool2d(3, 1, 0))
                .hasMessageContaining("maxPool2d: input [1, 2, 2, 3]").hasMessageContaining("does not fit");
    }

    @Test
    void broadcasting() {
        assertThatThrownBy(() -> Tensor.zeros(3).add(Tensor.zeros(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("add: shapes [3] and [4] cannot be broadcast");
        assertThatThrownBy(() -> Tensor.zeros(2, 3).mul(Tensor.zeros(2)))
                .hasMessageContaining("mul: shapes [2, 3] and [2]");
        assertThatThrownBy(() -> Tensor.zeros(2, 3).broadcastTo(4, 3))
                .hasMessageContaining("broadcastTo: [2, 3] cannot be broadcast to [4, 3]");
    }

    @Test
    void shapeOperations() {
        assertThatThrownBy(() -> Tensor.zeros(2, 3).reshape(4, 2))
                .hasMessageContaining("reshape: [2, 3] to [4, 2]");
        assertThatThrownBy(() -> Tensor.zeros(2, 3).reshape(4, -1))
                .hasMessageContaining("reshape: [2, 3]");
        assertThatThrownBy(() -> Tensor.concat(0, Tensor.zeros(2, 3), Tensor.zeros(2, 4)))
                .hasMessageContaining("concat: shapes [2, 3] and [2, 4]");
        assertThatThrownBy(() -> Tensor.zeros(2, 3).squeeze(0)).hasMessageContaining("squeeze: axis 0 of [2, 3]");
        assertThatThrownBy(() -> Tensor.zeros(2, 3).sum(2)).hasMessageContaining("sum: axis 2 out of range for shape [2, 3]");
        assertThatThrownBy(() -> Tensor.zeros(2, 3).permute(0, 0)).hasMessageContaining("transpose: [0, 0]");
        assertThatThrownBy(() -> Tensor.zeros(3).index(3)).hasMessageContaining("index: 3 out of range");
        assertThatThrownBy(() -> Tensor.zeros(3).gather(0, Tensor.of(5)))
                .hasMessageContaining("gather: index 5.0 out of range");
        assertThatThrownBy(() -> Tensor.zeros(4).split(0, 1, 2)).hasMessageContaining("split: sizes [1, 2]");
        assertThatThrownBy(() -> Tensor.zeros(2, 2).pad(1, 1)).hasMessageContaining("pad: 2 widths for shape [2, 2]");
        assertThatThrownBy(() -> Tensor.stack(0, Tensor.zeros(2), Tensor.zeros(3)))
                .hasMessageContaining("stack: shapes [2] and [3]");
    }

    @Test
    void transformMisuse() {
        assertThatThrownBy(() -> Ad.grad((Tensor x) -> x.mul(2)).apply(Tensor.zeros(3)))
                .hasMessageContaining("grad: the function must return a scalar, got shape [3]");
        assertThatThrownBy(() -> Ad.jvp((Tensor x) -> x, Tensor.zeros(3), Tensor.zeros(2)))
                .hasMessageContaining("jvp: tangent shape [2] differs from primal shape [3]");
        assertThatThrownBy(() -> Ad.vjp((Tensor x) -> x, Tensor.zeros(3)).pullback().apply(Tensor.zeros(2)))
                .hasMessageContaining("vjp: cotangent shape [2] differs from output shape [3]");
        assertThatThrownBy(() -> Ad.vmap((Tensor x) -> x, 2, 0).apply(Tensor.zeros(3)))
                .hasMessageContaining("vmap: axis 2 out of range for shape [3]");
        assertThatThrownBy(() -> Tensor.zeros(2, 2).item()).hasMessageContaining("item: array of shape [2, 2]");
        assertThatThrownBy(() -> Ad.vmap((Tensor x) -> Tensor.scalar(x.item())).apply(Tensor.zeros(3)))
                .hasMessageContaining("not available inside vmap");
    }
}
