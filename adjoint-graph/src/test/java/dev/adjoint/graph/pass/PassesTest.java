package dev.adjoint.graph.pass;

import dev.adjoint.examples.Rosenbrock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import dev.adjoint.graph.Equation;
import dev.adjoint.graph.Fused;
import dev.adjoint.graph.Graph;
import dev.adjoint.graph.Literal;
import dev.adjoint.graph.PrimitiveOp;
import dev.adjoint.graph.Var;
import dev.adjoint.graph.Workloads;
import dev.adjoint.primitive.Add;
import dev.adjoint.primitive.Mul;
import dev.adjoint.graph.Atom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PassesTest {

    private static final Tensor X = Tensor.randn(Rng.seed(3), 4, 3);

    /** Applies a pass and checks that the graph still computes the same outputs. */
    private static Graph check(UnaryOperator<Graph> pass, Graph g) {
        Graph h = pass.apply(g);
        for (int i = 0; i < g.outputs().size(); i++) {
            assertThat(h.run(X).get(i).toArray()).containsExactly(g.run(X).get(i).toArray());
        }
        return h;
    }

    private static long count(Graph g, String op) {
        return g.equations().stream().filter(e -> e.op().name().equals(op)).count();
    }

    @Test
    void deadCodeDropsUnusedEquations() {
        Graph g = Graph.trace(x -> {
            x.exp().sum();                               // computed, never used
            return x.sin();
        }, X);
        assertThat(g.size()).isEqualTo(3);
        Graph h = check(new DeadCode(), g);
        assertThat(h.size()).isEqualTo(1);
        assertThat(count(h, "exp")).isZero();
    }

    @Test
    void commonSubexpressionsAreComputedOnce() {
        Graph g = Graph.trace(x -> x.sin().mul(x.sin()).add(x.sin()), X);
        assertThat(count(g, "sin")).isEqualTo(3);
        Graph h = check(new CommonSubexpressions(), g);
        assertThat(count(h, "sin")).isEqualTo(1);
        assertThat(h.size()).isEqualTo(3);
    }

    @Test
    void commonSubexpressionsTellParameterisedRowsApart() {
        Graph g = Graph.trace(x -> x.pow(3.5).add(x.pow(2.5)), X);
        assertThat(check(new CommonSubexpressions(), g).size()).isEqualTo(3);
    }

    @Test
    void constantFoldingEvaluatesLiteralOnlyEquations() {
        Var out = Var.fresh(Shape.of(2));
        Var y = Var.fresh(Shape.of(2));
        Var x = Var.fresh(Shape.of(2));
        Literal a = new Literal(NdArray.of(Shape.of(2), 1, 2));
        Literal b = new Literal(NdArray.of(Shape.of(2), 10, 20));
        Graph g = new Graph(List.of(x), List.of(
                new Equation(new PrimitiveOp(new Mul()), List.of(a, b), y),
                new Equation(new PrimitiveOp(new Add()), List.of(x, y), out)), List.of(out));
        Graph h = new ConstantFolding().apply(g);
        assertThat(h.size()).isEqualTo(1);
        assertThat(h.equations().get(0).inputs().get(1)).isEqualTo(new Literal(NdArray.of(Shape.of(2), 10, 40)));
        assertThat(h.run(Tensor.of(1, 1)).get(0).toArray()).containsExactly(11, 41);
    }

    @Test
    void constantFoldingKeepsExpandingBroadcasts() {
        Graph g = new UniformLiterals().apply(Graph.trace(x -> x.add(Tensor.scalar(2)), X));
        assertThat(count(g, "broadcastTo")).isEqualTo(1);
        assertThat(new ConstantFolding().apply(g).size()).isEqualTo(g.size());
    }

    @Test
    void algebraicIdentitiesDisappear() {
        UnaryOperator<Graph> s = g -> new DeadCode().apply(new AlgebraicSimplification()
                .apply(new UniformLiterals().apply(g)));
        assertThat(check(s, Graph.trace(x -> x.mul(1).sin(), X)).size()).isEqualTo(1);
        Tensor zero = Tensor.scalar(0);
        Tensor one = Tensor.scalar(1);
        assertThat(check(s, Graph.trace(x -> x.mul(one).sin(), X)).size()).isEqualTo(1);
        assertThat(check(s, Graph.trace(x -> one.mul(x).add(zero).sin(), X)).size()).isEqualTo(1);
        assertThat(check(s, Graph.trace(x -> zero.add(x).sub(zero).div(one).sin(), X)).size()).isEqualTo(1);
        assertThat(check(s, Graph.trace(x -> x.mul(Tensor.scalar(-1)), X)).toString()).contains("= neg a");
        assertThat(check(s, Graph.trace(x -> zero.sub(x), X)).toString()).contains("= neg a");
        assertThat(check(s, Graph.trace(x -> x.add(0).sin(), X)).size()).isEqualTo(1);
        assertThat(check(s, Graph.trace(x -> x.sub(0).div(1).sin(), X)).size()).isEqualTo(1);
        assertThat(check(s, Graph.trace(x -> x.neg().neg().sin(), X)).size()).isEqualTo(1);
        assertThat(check(s, Graph.trace(x -> x.transpose().transpose().sin(), X)).size()).isEqualTo(1);
        assertThat(check(s, Graph.trace(x -> x.reshape(3, 4).reshape(4, 3).sin(), X)).size()).isEqualTo(1);
        Graph negated = check(s, Graph.trace(x -> x.mul(-1), X));
        assertThat(negated.toString()).contains("= neg a");
        Graph sub = check(s, Graph.trace(x -> x.sin().add(x.cos().neg()), X));
        assertThat(count(sub, "sub")).isEqualTo(1);
        assertThat(count(sub, "neg")).isZero();
    }

    @Test
    void chainRuleProductsWithASeedOfOneDisappear() {
        // staged reverse mode multiplies the seed 1 into each local derivative with safeMul
        Tensor at = Tensor.scalar(0.7);
        Graph raw = Graph.trace(dev.adjoint.Ad.grad((Tensor x) -> x.mul(x.sin())), at);
        assertThat(raw.toString()).contains("safeMul 1");
        Graph simplified = new DeadCode().apply(new AlgebraicSimplification().apply(new UniformLiterals().apply(raw)));
        assertThat(simplified.toString()).doesNotContain("safeMul 1");
        assertThat(simplified.size()).isLessThan(raw.size());
        assertThat(simplified.run(at).get(0).toArray()[0]).isEqualTo(raw.run(at).get(0).toArray()[0])
                .isCloseTo(Math.sin(0.7) + 0.7 * Math.cos(0.7), org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void timesZeroIsKeptBecauseInfinityTimesZeroIsNaN() {
        Graph g = Passes.simplify().apply(Graph.trace(x -> x.mul(Tensor.scalar(0)), X));
        assertThat(count(g, "mul")).isEqualTo(1);
        Graph h = Passes.simplify().apply(Graph.trace(x -> x.mul(0), X));
        assertThat(h.size()).isEqualTo(1);
        assertThat(h.run(Tensor.full(Double.POSITIVE_INFINITY, 4, 3)).get(0).toArray()[0]).isNaN();
        Tensor inf = Tensor.full(Double.POSITIVE_INFINITY, 4, 3);
        assertThat(g.run(inf).get(0).toArray()[0]).isNaN();
    }

    @Test
    void fusionMakesOneLoopOfAnElementwiseChain() {
        Graph g = Graph.trace(x -> x.sin().mul(2).add(x.cos()).exp().sum(), X);
        Graph h = check(Passes.optimize(), g);
        List<Equation> fused = h.equations().stream().filter(e -> e.op() instanceof Fused).toList();
        assertThat(fused).hasSize(1);
        assertThat(((Fused) fused.get(0).op()).body().size()).isGreaterThanOrEqualTo(6);
        assertThat(h.size()).isEqualTo(1);                    // one loop, accumulating the sum
    }

    @Test
    void fusionKeepsValuesUsedTwiceAcrossLoops() {
        // t is used by two different consumers and is also an output: it must be stored.
        Graph g = Graph.trace(x -> {
            Tensor t = x.sin().mul(x);
            return List.of(t, t.exp().add(1), t.cos().mul(3));
        }, X);
        Graph h = check(Passes.optimize(), g);
        assertThat(h.outputs()).hasSize(3);
    }

    @Test
    void fusionLeavesNoViewMaterialisedForALoopAndNoReductionOfALoneProducer() {
        List<Function<Tensor, Tensor>> fs = List.of(Rosenbrock::value, Workloads.mlpLoss(), Workloads.gmmLoss());
        List<Tensor> xs = List.of(Tensor.zeros(100), Tensor.zeros(4, 8), Tensor.zeros(3, 2));
        for (int i = 0; i < fs.size(); i++) {
            Graph g = Passes.optimize().apply(Graph.trace(dev.adjoint.Ad.valueAndGrad(fs.get(i)), xs.get(i)));
            Map<Var, List<Equation>> consumers = new HashMap<>();
            Map<Var, Equation> defs = new HashMap<>();
            for (Equation e : g.equations()) {
                defs.put(e.output(), e);
                for (Atom a : e.inputs()) {
                    if (a instanceof Var v) {
                        consumers.computeIfAbsent(v, k -> new ArrayList<>()).add(e);
                    }
                }
            }
            for (Equation e : g.equations()) {
                String op = e.op().name();
                if ((op.equals("broadcastTo") || op.equals("slice")) && e.output().shape().size() > 1) {
                    assertThat(consumers.getOrDefault(e.output(), List.of()))
                            .as("a broadcast or slice read only by loops is read in place")
                            .anyMatch(c -> !(c.op() instanceof Fused) && !c.op().elementwise());
                }
                if ((op.equals("sum") || op.equals("max")) && e.inputs().get(0) instanceof Var v && defs.containsKey(v)
                        && e.inputs().get(0).shape().size() > 1) {
                    boolean alone = consumers.get(v).size() == 1 && !g.outputs().contains(v);
                    assertThat(alone && defs.get(v).op().elementwise())
                            .as("an elementwise step read only by a reduction is part of its loop").isFalse();
                }
            }
        }
    }

    @Test
    void passesShrinkTheWorkloadGradientGraphs() {
        List<Function<Tensor, Tensor>> fs = List.of(Rosenbrock::value, Workloads.mlpLoss(), Workloads.gmmLoss());
        List<Tensor> xs = List.of(Tensor.zeros(100), Tensor.zeros(4, 8), Tensor.zeros(3, 2));
        int tracedWork = 0;
        int simpleWork = 0;
        for (int i = 0; i < fs.size(); i++) {
            Graph g = Graph.trace(dev.adjoint.Ad.valueAndGrad(fs.get(i)), xs.get(i));
            Graph simple = Passes.simplify().apply(g);
            Graph opt = Passes.optimize().apply(g);
            assertThat(simple.work()).isLessThanOrEqualTo(g.work());
            tracedWork += g.work();
            simpleWork += simple.work();
            assertThat(simple.literalElements()).isLessThan(g.literalElements());
            assertThat(opt.size()).isLessThan(simple.size());
            Tensor x = Tensor.randn(Rng.seed(i), xs.get(i).shape().dims());
            for (int k = 0; k < 2; k++) {
                double[] a = opt.run(x).get(k).toArray();
                double[] b = g.run(x).get(k).toArray();
                for (int j = 0; j < a.length; j++) {
                    assertThat(a[j]).isCloseTo(b[j], org.assertj.core.data.Offset.offset(1e-12 * (1 + Math.abs(b[j]))));
                }
            }
        }
        assertThat(simpleWork).isLessThan(tracedWork);
    }
}
