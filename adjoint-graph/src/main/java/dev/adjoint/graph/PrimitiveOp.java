package dev.adjoint.graph;

import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.interpret.Interpreter;
import dev.adjoint.primitive.Elementwise;
import dev.adjoint.primitive.Primitive;
import dev.adjoint.scalar.BinaryFunction;
import dev.adjoint.scalar.UnaryFunction;
import java.lang.reflect.RecordComponent;
import java.util.StringJoiner;

/** A core primitive as a graph operation. */
public record PrimitiveOp(Primitive primitive) implements Op {

    @Override
    public String name() {
        return primitive.name();
    }

    @Override
    public String params() {
        if (!(primitive instanceof Record)) {
            return "";
        }
        StringJoiner j = new StringJoiner(", ", "[", "]").setEmptyValue("");
        for (RecordComponent c : primitive.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(primitive);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if ((v instanceof UnaryFunction || v instanceof BinaryFunction) && v instanceof Enum
                    || c.getName().equals("kind")) {
                continue;               // a table row or comparison named by the op's name
            }
            if (v instanceof Record r && (v instanceof UnaryFunction || v instanceof BinaryFunction)) {
                String text = r.toString();                // a parameterised row, e.g. Power[exponent=2.5]
                j.add(text.substring(text.indexOf('[') + 1, text.length() - 1));
                continue;
            }
            j.add(c.getName() + "=" + Format.value(v));
        }
        return j.toString();
    }

    @Override
    public Shape shape(Shape... inputs) {
        return primitive.shape(inputs);
    }

    @Override
    public NdArray evaluate(NdArray... inputs) {
        return primitive.evaluate(inputs);
    }

    @Override
    public Tensor apply(Tensor... inputs) {
        return Interpreter.bind(primitive, inputs);
    }

    @Override
    public boolean elementwise() {
        return primitive instanceof Elementwise;
    }

    @Override
    public String toString() {
        return name() + params();
    }
}
