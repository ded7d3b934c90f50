package dev.adjoint.bench.adbench;

import dev.adjoint.Ad;
import dev.adjoint.Tensor;
import dev.adjoint.ValueAndGrad;

/**
 * ADBench's LSTM in tensor code: l layers of b cells whose gates are elementwise, gates = [x, h, x, h] ⊙ W + β
 * (forget, input and output gates sigmoid, the change tanh), run over the sequence; each step predicts the next
 * character and the loss is −(1 / ((c − 1) b)) Σ_t Σ_j y_{t+1, j} (ŷ_{t, j} − log(2 + Σ_k exp ŷ_{t, k})). The "2 +"
 * is in ADBench's definition (its modules sum with a start value of 2); it is kept so the numbers agree.
 */
public final class Lstm {

    private Lstm() {
    }

    /** The differentiated parameters: main [2l, 4b] (per layer weights, then biases) and extra [3, b]. */
    public record Params(Tensor main, Tensor extra) {
    }

    /** The parameters of an input. */
    public static Params params(LstmInput in) {
        return new Params(in.main(), in.extra());
    }

    /** The sequence loss. */
    public static Tensor objective(Params p, Tensor state, Tensor sequence) {
        int layers = state.dim(0) / 2;
        int b = state.dim(1);
        int c = sequence.dim(0);
        Tensor[] weight = new Tensor[layers];
        Tensor[] bias = new Tensor[layers];
        Tensor[] hidden = new Tensor[layers];
        Tensor[] cell = new Tensor[layers];
        for (int i = 0; i < layers; i++) {
            weight[i] = p.main().index(2 * i);
            bias[i] = p.main().index(2 * i + 1);
            hidden[i] = state.index(2 * i);
            cell[i] = state.index(2 * i + 1);
        }
        Tensor inWeight = p.extra().index(0);
        Tensor outWeight = p.extra().index(1);
        Tensor outBias = p.extra().index(2);
        Tensor total = null;
        Tensor input = sequence.index(0);
        for (int t = 0; t < c - 1; t++) {
            Tensor x = input.mul(inWeight);
            for (int i = 0; i < layers; i++) {
                Tensor gates = Tensor.concat(0, x, hidden[i], x, hidden[i]).mul(weight[i]).add(bias[i]);
                Tensor sig = gates.slice(0, 0, 3 * b).sigmoid();
                Tensor change = gates.slice(0, 3 * b, 4 * b).tanh();
                cell[i] = cell[i].mul(sig.slice(0, 0, b)).add(sig.slice(0, b, 2 * b).mul(change));
                hidden[i] = sig.slice(0, 2 * b, 3 * b).mul(cell[i].tanh());
                x = hidden[i];
            }
            Tensor predicted = x.mul(outWeight).add(outBias);
            Tensor normalised = predicted.sub(predicted.exp().sum().add(2).log());
            Tensor gold = sequence.index(t + 1);
            Tensor term = gold.mul(normalised).sum();
            total = total == null ? term : total.add(term);
            input = gold;
        }
        return total.mul(-1.0 / ((c - 1) * (double) b));
    }

    /** The loss and its gradient with respect to the main and extra parameters. */
    public static ValueAndGrad<Params> valueAndGrad(LstmInput in) {
        return Ad.valueAndGrad((Params q) -> objective(q, in.state(), in.sequence())).apply(params(in));
    }

    /** The main parameters, then the extra ones, each row-major (ADBench's gradient layout). */
    public static double[] flatten(Params p) {
        double[] a = p.main().toArray();
        double[] b = p.extra().toArray();
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
