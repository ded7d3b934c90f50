package dev.adjoint.primitive;

import dev.adjoint.Tensor;
import dev.adjoint.array.Convolution;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.array.Window;
import dev.adjoint.interpret.Batching;
import dev.adjoint.interpret.Interpreter;

/**
 * 2-d convolution and its two adjoints as one primitive: the partial derivative, with respect to the {@code result}
 * slot, of the trilinear form T(x, w, y) = Σ x[n, oy·sh − ph + i·dh, ox·sw − pw + j·dw, c] w[i, j, c, o]
 * y[n, oy, ox, o] over image x {@code [N, H, W, C]}, kernel w {@code [kh, kw, C, O]} and output y
 * {@code [N, OH, OW, O]}; the inputs are the other two slots in slot order. So OUTPUT is the convolution
 * y = x ⋆ w, IMAGE its transpose (x̄ from ȳ and w), KERNEL the kernel gradient (w̄ from x and ȳ). Each is bilinear,
 * ḟ = f(ȧ, b) + f(a, ḃ), and the cotangent of any input slot is the primitive for that slot applied to the other
 * two, the output cotangent standing in its own slot: the three are closed under differentiation to any order.
 */
public record Conv(Window window, Slot result) implements Windowed {

    /** The three arguments of the trilinear form, in the order inputs are passed. */
    public enum Slot {
        /** The image {@code [N, H, W, C]}. */
        IMAGE,
        /** The kernel {@code [kh, kw, C, O]}. */
        KERNEL,
        /** The convolution's output {@code [N, OH, OW, O]}. */
        OUTPUT
    }

    @Override
    public String name() {
        return result == Slot.OUTPUT ? "conv2d" : result == Slot.IMAGE ? "conv2dTranspose" : "conv2dKernel";
    }

    /** The two slots other than {@code s}, in slot order. */
    private static Slot[] others(Slot s) {
        Slot[] o = new Slot[2];
        int k = 0;
        for (Slot t : Slot.values()) {
            if (t != s) {
                o[k++] = t;
            }
        }
        return o;
    }

    @Override
    public Shape shape(Shape... in) {
        Slot[] slots = others(result);
        Shape[] s = new Shape[3];
        s[slots[0].ordinal()] = in[0];
        s[slots[1].ordinal()] = in[1];
        Shape x = s[0];
        Shape w = s[1];
        Shape y = s[2];
        boolean ok = (x == null || window.fitsImage(x)) && (y == null || window.fitsOutput(y));
        ok &= w == null || w.rank() == 4 && w.dim(0) == window.kh() && w.dim(1) == window.kw();
        if (ok && x != null && w != null) {
            ok = x.dim(3) == w.dim(2);
        }
        if (ok && y != null && w != null) {
            ok = y.dim(3) == w.dim(3);
        }
        if (ok && x != null && y != null) {
            ok = x.dim(0) == y.dim(0);
        }
        if (!ok) {
            throw Windowed.mismatch(name(), window, "image [N, " + window.height() + ", " + window.width()
                    + ", C], kernel [" + window.kh() + ", " + window.kw() + ", C, O], output [N, "
                    + window.outHeight() + ", " + window.outWidth() + ", O]", in);
        }
        if (result == Slot.OUTPUT) {
            return window.output(x.dim(0), w.dim(3));
        } else if (result == Slot.IMAGE) {
            return window.image(y.dim(0), w.dim(2));
        }
        return Shape.of(window.kh(), window.kw(), x.dim(3), y.dim(3));
    }

    @Override
    public NdArray evaluate(NdArray... x) {
        shape(x[0].shape(), x[1].shape());
        if (result == Slot.OUTPUT) {
            return Convolution.forward(x[0], x[1], window);
        } else if (result == Slot.IMAGE) {
            return Convolution.image(x[0], x[1], window);
        }
        return Convolution.kernel(x[0], x[1], window);
    }

    @Override
    public Tensor jvp(Tensor[] x, Tensor[] t, Tensor y) {
        Tensor a = t[0] == null ? null : Interpreter.bind(this, t[0], x[1]);
        Tensor b = t[1] == null ? null : Interpreter.bind(this, x[0], t[1]);
        return a == null ? b : b == null ? a : a.add(b);
    }

    @Override
    public Tensor[] vjp(Tensor g, Tensor[] x, Tensor y, boolean[] wanted) {
        Slot[] in = others(result);
        Tensor[] slot = new Tensor[3];
        slot[in[0].ordinal()] = x[0];
        slot[in[1].ordinal()] = x[1];
        slot[result.ordinal()] = g;
        Tensor[] out = new Tensor[2];
        for (int i = 0; i < 2; i++) {
            if (wanted[i]) {
                Slot[] args = others(in[i]);
                out[i] = Interpreter.bind(new Conv(window, in[i]), slot[args[0].ordinal()], slot[args[1].ordinal()]);
            }
        }
        return out;
    }

    @Override
    public Tensor batch(Tensor[] x, boolean[] batched, int size) {
        if (result == Slot.KERNEL) {
            return Batching.loop(this, x, batched, size);      // one kernel per example
        }
        Slot[] in = others(result);
        return Windowed.fold(this, x, batched, size, new boolean[] {in[0] != Slot.KERNEL, in[1] != Slot.KERNEL});
    }
}
