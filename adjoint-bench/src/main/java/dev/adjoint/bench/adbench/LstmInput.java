package dev.adjoint.bench.adbench;

import dev.adjoint.Tensor;
import dev.adjoint.array.Shape;
import java.nio.file.Path;

/**
 * An ADBench LSTM input: header {@code l c b} (layers, characters in the sequence, bits per character), then after a
 * separator line each: 2l lines of 4b main parameters (per layer its weights, then its biases), 3 lines of b extra
 * parameters (input weight, output weight, output bias), 2l lines of b state (per layer hidden, then cell), and c
 * lines of b, the sequence.
 *
 * @param main     [2l, 4b]
 * @param extra    [3, b]
 * @param state    [2l, b]
 * @param sequence [c, b]
 */
public record LstmInput(Tensor main, Tensor extra, Tensor state, Tensor sequence) {

    /** Reads a file. */
    public static LstmInput read(Path file) {
        return read(Lines.of(file));
    }

    /** Reads an input shipped under {@code /adbench/} on the class path, e.g. {@code lstm/lstm_l2_c1024.txt}. */
    public static LstmInput resource(String path) {
        return read(Lines.resource(path, null));
    }

    static LstmInput read(Lines in) {
        int[] h = in.header(1, "l", "c", "b");
        int l = h[0];
        int c = h[1];
        int b = h[2];
        in.skip("the separator line before the main parameters");
        double[] main = GmmInput.rows(in, 2 * l, 4 * b, "main parameters, row");
        in.skip("the separator line before the extra parameters");
        double[] extra = GmmInput.rows(in, 3, b, "extra parameters, row");
        in.skip("the separator line before the state");
        double[] state = GmmInput.rows(in, 2 * l, b, "state, row");
        in.skip("the separator line before the sequence");
        double[] seq = GmmInput.rows(in, c, b, "sequence, character");
        return new LstmInput(Tensor.of(Shape.of(2 * l, 4 * b), main), Tensor.of(Shape.of(3, b), extra),
                Tensor.of(Shape.of(2 * l, b), state), Tensor.of(Shape.of(c, b), seq));
    }

    /** Number of layers. */
    public int layers() {
        return state.dim(0) / 2;
    }
}
