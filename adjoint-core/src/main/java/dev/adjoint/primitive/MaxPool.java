package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Pooling;
import dev.adjoint.array.Shape;
import dev.adjoint.array.Window;
import dev.adjoint.interpret.Interpreter;

/**
 * Max pooling and the two linear maps through its maxima, as one primitive: VALUE is y = max over each window of
 * x (padding never wins; the first largest element of a window is its maximum); SELECT(x, t) reads t where x has
 * its window maxima, so ẏ = SELECT(x, ẋ); SCATTER(x, u) adds u back there, so x̄ = SCATTER(x, ȳ). SELECT and
 * SCATTER are each other's adjoints in their second argument and constant in x (the maxima move only at ties).
 */
public record MaxPool(Window window, Role role) implements Windowed {

    /** Which of the three maps. */
    public enum Role {
        /** y = window maxima of x. */
        VALUE,
        /** t read at the maxima of x (shaped like y). */
        SELECT,
        /** u added at the maxima of x (shaped like x). */
        SCATTER
    }

    @Override
    public String name() {
        return role == Role.VALUE ? "maxPool2d" : role == Role.SELECT ? "maxPoolSelect" : "maxPoolScatter";
    }

    @Override
    public Shape shape(Shape... in) {
        boolean ok = window.fitsImage(in[0]);
        if (role == Role.SELECT) {
            ok &= in[1].equals(in[0]);
        } else if (role == Role.SCATTER) {
            ok &= ok && in[1].equals(window.output(in[0].dim(0), in[0].dim(3)));
        }
        if (!ok) {
            throw Windowed.mismatch(name(), window, "image [N, " + window.height() + ", " + window.width()
                    + ", C]" + (role == Role.VALUE ? "" : role == Role.SELECT ? " twice" : " and its pooled shape"),
                    in);
        }
        Shape x = in[0];
        return role == Role.SCATTER ? x : window.output(x.dim(0), x.dim(3));
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        shape(role == Role.VALUE ? new Shape[] {x[0].shape()} : new Shape[] {x[0].shape(), x[1].shape()});
        if (role == Role.VALUE) {
            return Pooling.max(x[0], window);
        }
        return role == Role.SELECT ? Pooling.select(x[0], x[1], window) : Pooling.scatter(x[0], x[1], window);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        if (role == Role.VALUE) {
            return t[0] == null ? null : Interpreter.bind(new MaxPool(window, Role.SELECT), x[0], t[0]);
        }
        return t[1] == null ? null : Interpreter.bind(this, x[0], t[1]);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        if (role == Role.VALUE) {
            return new Tensor[] {Interpreter.bind(new MaxPool(window, Role.SCATTER), x[0], g)};
        }
        Role adjoint = role == Role.SELECT ? Role.SCATTER : Role.SELECT;
        return new Tensor[] {null, wanted[1] ? Interpreter.bind(new MaxPool(window, adjoint), x[0], g) : null};
    }

    @Override
    public Tensor batch(Tensor[] x, boolean[] batched, int size) {
        boolean[] images = new boolean[x.length];
        java.util.Arrays.fill(images, true);
        return Windowed.fold(this, x, batched, size, images);
    }
}
