package dev.adjoint.nn.optim;

import dev.adjoint.Ad;
import dev.adjoint.Tensor;
import dev.adjoint.ValueAndGrad;
import dev.adjoint.nn.Flat;
import java.util.function.Function;

/** An objective of a structure seen as a function of one vector, with its value and gradient. */
final class FlatObjective<T> {

    /** A value and gradient at a point. */
    record Eval(double value, double[] grad) {
    }

    final Flat<T> flat;
    final Function<T, Tensor> objective;
    int evaluations;

    FlatObjective(Function<T, Tensor> objective, T template) {
        this.flat = Flat.of(template);
        this.objective = objective;
    }

    Eval eval(double[] x) {
        evaluations++;
        ValueAndGrad<T> vg = Ad.valueAndGrad(objective).apply(flat.unpack(x));
        return new Eval(vg.value().item(), flat.pack(vg.grad()));
    }

    double value(double[] x) {
        evaluations++;
        return objective.apply(flat.unpack(x)).item();
    }

    /** The objective as a differentiable function of a vector tensor. */
    Function<Tensor, Tensor> asTensorFunction() {
        return v -> objective.apply(flat.unflatten(v));
    }
}
