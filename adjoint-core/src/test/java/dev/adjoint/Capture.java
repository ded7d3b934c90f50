package dev.adjoint;

import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Interpreter;
import dev.adjoint.interpret.Tracer;
import dev.adjoint.primitive.Primitive;
import java.util.ArrayList;
import java.util.List;

/**
 * A test interpreter that notes every primitive application, with its inputs unwrapped to concrete values and its
 * output. Values must be {@link #wrap wrapped} for it to see the operations on them.
 */
public final class Capture extends Interpreter {

    /** One application of a primitive to concrete inputs. */
    public record Application(Primitive p, Tensor[] inputs, Tensor output) {

        /** The primitive's name with its input shapes, e.g. {@code add([2, 3], [3])}. */
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(p.name()).append('(');
            for (int i = 0; i < inputs.length; i++) {
                s.append(i == 0 ? "" : ", ").append(inputs[i].shape());
            }
            return s.append(')').toString();
        }

        /** The primitive's shape rule applied to the input shapes. */
        public Shape predictedShape() {
            Shape[] in = new Shape[inputs.length];
            for (int i = 0; i < in.length; i++) {
                in[i] = inputs[i].shape();
            }
            return p.shape(in);
        }
    }

    /** Every application seen, in order. */
    public final List<Application> seen = new ArrayList<>();

    /** Opens the scope. */
    public Capture() {
        super("capture");
    }

    private final class Box extends Tracer {
        final Tensor value;

        Box(Tensor value) {
            super(Capture.this);
            this.value = value;
        }

        @Override
        public Shape shape() {
            return value.shape();
        }

        @Override
        public Tensor primal() {
            return value;
        }
    }

    /** {@code t} as a value this interpreter sees. */
    public Tensor wrap(Tensor t) {
        return Tensor.traced(new Box(t));
    }

    @Override
    protected Tensor process(Primitive p, Tensor[] args) {
        Tensor[] inner = new Tensor[args.length];
        for (int i = 0; i < args.length; i++) {
            Tracer t = args[i].tracer();
            inner[i] = t != null && t.owner() == this ? ((Box) t).value : args[i];
        }
        Tensor out = Interpreter.bind(p, inner);
        seen.add(new Application(p, inner, out));
        return wrap(out);
    }
}
