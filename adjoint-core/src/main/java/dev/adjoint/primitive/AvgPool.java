package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Pooling;
import dev.adjoint.array.Shape;
import dev.adjoint.array.Window;
import dev.adjoint.interpret.Interpreter;

/**
 * Average pooling, y = (1/kh·kw) Σ over each window of x (padding counts as zero), and its transpose, which
 * spreads each output over its window. Linear: ẏ is the primitive applied to ẋ, x̄ the transpose applied to ȳ.
 */
public record AvgPool(Window window, boolean transpose) implements Windowed {

    @Override
    public String name() {
        return transpose ? "avgPoolTranspose" : "avgPool2d";
    }

    @Override
    public Shape shape(Shape... in) {
        Shape s = in[0];
        if (!(transpose ? window.fitsOutput(s) : window.fitsImage(s))) {
            throw Windowed.mismatch(name(), window, transpose ? "[N, " + window.outHeight() + ", "
                    + window.outWidth() + ", C]" : "[N, " + window.height() + ", " + window.width() + ", C]", s);
        }
        return transpose ? window.image(s.dim(0), s.dim(3)) : window.output(s.dim(0), s.dim(3));
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        shape(x[0].shape());
        return transpose ? Pooling.averageTranspose(x[0], window) : Pooling.average(x[0], window);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        return t[0] == null ? null : Interpreter.bind(this, t[0]);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        return new Tensor[] {Interpreter.bind(new AvgPool(window, !transpose), g)};
    }

    @Override
    public Tensor batch(Tensor[] x, boolean[] batched, int size) {
        return Windowed.fold(this, x, batched, size, new boolean[] {true});
    }
}
