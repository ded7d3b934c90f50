package dev.adjoint.graph.pass;

import dev.adjoint.array.NdArray;
import dev.adjoint.graph.Atom;
import dev.adjoint.graph.Equation;
import dev.adjoint.graph.Graph;
import dev.adjoint.graph.Literal;
import java.util.function.UnaryOperator;

/**
 * Constant folding: an equation whose inputs are all literals is evaluated now, unless its result is larger than
 * its largest input (a broadcast of a constant is cheaper to keep than to store).
 */
public final class ConstantFolding implements UnaryOperator<Graph> {

    @Override
    public Graph apply(Graph g) {
        return new Rewriter() {
            @Override
            void visit(Equation e) {
                int largest = 1;
                NdArray[] in = new NdArray[e.inputs().size()];
                for (int i = 0; i < in.length; i++) {
                    Atom a = e.inputs().get(i);
                    if (!(a instanceof Literal l)) {
                        emit(e);
                        return;
                    }
                    in[i] = l.value();
                    largest = Math.max(largest, l.value().size());
                }
                if (e.output().shape().size() > largest) {
                    emit(e);
                    return;
                }
                replace(e.output(), new Literal(e.op().evaluate(in)));
            }
        }.run(g);
    }
}
