package dev.adjoint.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.Ad;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.Tree;
import dev.adjoint.ValueAndGrad;
import dev.adjoint.scalar.Elementary;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The workloads differentiated and checked against finite differences and independent plain-double code. */
class ExamplesTest {

    private static final double H = 1e-5;

    /** Central difference of a scalar function of a structure along a random direction of all its leaves. */
    private static <T> void checkGradient(Function<T, Tensor> f, T x, ValueAndGrad<T> vg, long seed, double tol) {
        Rng rng = Rng.seed(seed);
        List<Tensor> leaves = Tree.leaves(x);
        List<Tensor> dirs = leaves.stream().map(t -> Tensor.uniform(rng, -1, 1, t.shape().dims())).toList();
        T plus = Tree.rebuild(x, zip(leaves, dirs, H));
        T minus = Tree.rebuild(x, zip(leaves, dirs, -H));
        double fd = (f.apply(plus).item() - f.apply(minus).item()) / (2 * H);
        List<Tensor> g = Tree.leaves(vg.grad());
        double dot = 0;
        for (int i = 0; i < g.size(); i++) {
            dot += g.get(i).mul(dirs.get(i)).sum().item();
        }
        assertThat(dot).isCloseTo(fd, within(tol * (1 + Math.abs(fd))));
    }

    private static List<Tensor> zip(List<Tensor> xs, List<Tensor> ds, double h) {
        return java.util.stream.IntStream.range(0, xs.size()).mapToObj(i -> xs.get(i).add(ds.get(i).mul(h))).toList();
    }

    @Test
    void rosenbrockGradientAndHvp() {
        Tensor x = Rosenbrock.point(50, 3);
        double[] v = x.toArray();
        double expected = 0;
        for (int i = 0; i + 1 < v.length; i++) {
            expected += 100 * Math.pow(v[i + 1] - v[i] * v[i], 2) + Math.pow(1 - v[i], 2);
        }
        ValueAndGrad<Tensor> vg = Ad.valueAndGrad(Rosenbrock::value).apply(x);
        assertThat(vg.value().item()).isCloseTo(expected, within(1e-9 * expected));
        // The analytic gradient.
        double[] g = new double[v.length];
        for (int i = 0; i + 1 < v.length; i++) {
            g[i] += -400 * v[i] * (v[i + 1] - v[i] * v[i]) - 2 * (1 - v[i]);
            g[i + 1] += 200 * (v[i + 1] - v[i] * v[i]);
        }
        assertThat(vg.grad().toArray()).containsExactly(g, within(1e-9));
        checkGradient(Rosenbrock::value, x, vg, 1, 1e-7);
        Tensor u = Tensor.uniform(Rng.seed(2), -1, 1, 50);
        Tensor hv = Ad.hvp(Rosenbrock::value, x, u);
        Tensor fd = Ad.grad(Rosenbrock::value).apply(x.add(u.mul(H))).sub(Ad.grad(Rosenbrock::value)
                .apply(x.sub(u.mul(H)))).div(2 * H);
        assertThat(hv.toArray()).containsExactly(fd.toArray(), within(1e-4));
        Tensor hess = Ad.hessian(Rosenbrock::value).apply(x);
        assertThat(hess.matmul(u).toArray()).containsExactly(hv.toArray(), within(1e-9));
    }

    @Test
    void mlpLossGradientMatchesFiniteDifferences() {
        Rng rng = Rng.seed(5);
        Mlp model = Mlp.init(rng, 784, 16, 16, 10);
        Mlp.Data data = Mlp.data(rng, 8, 784, 10);
        Function<Mlp, Tensor> loss = m -> m.loss(data);
        ValueAndGrad<Mlp> vg = Ad.valueAndGrad(loss).apply(model);
        assertThat(vg.grad()).isInstanceOf(Mlp.class);
        assertThat(vg.grad().layers()).hasSize(3);
        assertThat(vg.grad().layers().get(0).weight().shape()).isEqualTo(model.layers().get(0).weight().shape());
        // Independent value: plain loops.
        assertThat(vg.value().item()).isCloseTo(plainLoss(model, data), within(1e-10));
        checkGradient(loss, model, vg, 11, 1e-6);
        checkGradient(loss, model, vg, 12, 1e-6);
    }

    private static double plainLoss(Mlp model, Mlp.Data data) {
        double[][] h = rows(data.inputs());
        for (int l = 0; l < model.layers().size(); l++) {
            double[][] w = rows(model.layers().get(l).weight());
            double[] b = model.layers().get(l).bias().toArray();
            double[][] out = new double[h.length][b.length];
            for (int i = 0; i < h.length; i++) {
                for (int j = 0; j < b.length; j++) {
                    double s = b[j];
                    for (int k = 0; k < w.length; k++) {
                        s += h[i][k] * w[k][j];
                    }
                    out[i][j] = l + 1 < model.layers().size() ? Math.tanh(s) : s;
                }
            }
            h = out;
        }
        double[] labels = data.labels().toArray();
        double total = 0;
        for (int i = 0; i < h.length; i++) {
            double m = Double.NEGATIVE_INFINITY;
            for (double v : h[i]) {
                m = Math.max(m, v);
            }
            double s = 0;
            for (double v : h[i]) {
                s += Math.exp(v - m);
            }
            total -= h[i][(int) labels[i]] - m - Math.log(s);
        }
        return total / h.length;
    }

    private static double[][] rows(Tensor t) {
        double[][] r = new double[t.dim(0)][t.dim(1)];
        for (int i = 0; i < r.length; i++) {
            for (int j = 0; j < r[i].length; j++) {
                r[i][j] = t.get(i, j);
            }
        }
        return r;
    }

    @Test
    void gmmObjectiveMatchesPlainLoopsAndFiniteDifferences() {
        Rng rng = Rng.seed(9);
        int n = 20;
        int d = 3;
        int k = 4;
        Gmm.Problem prob = new Gmm.Problem(Tensor.randn(rng, n, d), 1.3, 2);
        Gmm.Params p = Gmm.params(rng, k, d);
        Function<Gmm.Params, Tensor> f = q -> Gmm.objective(q, prob);
        ValueAndGrad<Gmm.Params> vg = Ad.valueAndGrad(f).apply(p);
        assertThat(vg.value().item()).isCloseTo(plainGmm(p, prob), within(1e-9));
        checkGradient(f, p, vg, 21, 1e-6);
        checkGradient(f, p, vg, 22, 1e-6);
        assertThat(vg.grad().icf().shape()).isEqualTo(p.icf().shape());
    }

    /** ADBench's gmm_objective, transcribed loop by loop on doubles. */
    private static double plainGmm(Gmm.Params p, Gmm.Problem prob) {
        double[] alphas = p.alphas().toArray();
        double[][] means = rows(p.means());
        double[][] icf = rows(p.icf());
        double[][] x = rows(prob.x());
        int n = x.length;
        int d = x[0].length;
        int k = alphas.length;
        double[] sumQs = new double[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                sumQs[c] += icf[c][j];
            }
        }
        double slse = 0;
        for (int i = 0; i < n; i++) {
            double[] main = new double[k];
            for (int c = 0; c < k; c++) {
                double[] xc = new double[d];
                for (int j = 0; j < d; j++) {
                    xc[j] = x[i][j] - means[c][j];
                }
                double[] qx = new double[d];
                for (int j = 0; j < d; j++) {
                    qx[j] = Math.exp(icf[c][j]) * xc[j];
                }
                int idx = d;
                for (int a = 0; a < d; a++) {
                    for (int b = a + 1; b < d; b++) {
                        qx[b] += icf[c][idx++] * xc[a];
                    }
                }
                double sq = 0;
                for (double v : qx) {
                    sq += v * v;
                }
                main[c] = alphas[c] + sumQs[c] - 0.5 * sq;
            }
            slse += lse(main);
        }
        double constant = -n * d * 0.5 * Math.log(2 * Math.PI);
        double gamma = prob.gamma();
        int m = prob.m();
        int nn = d + m + 1;
        double prior = 0;
        for (int c = 0; c < k; c++) {
            double fro = 0;
            for (int j = 0; j < d; j++) {
                fro += Math.exp(2 * icf[c][j]);
            }
            for (int j = d; j < icf[c].length; j++) {
                fro += icf[c][j] * icf[c][j];
            }
            prior += 0.5 * gamma * gamma * fro - m * sumQs[c];
        }
        double lgd = 0.25 * d * (d - 1) * Math.log(Math.PI);
        for (int j = 1; j <= d; j++) {
            lgd += Elementary.LGAMMA.value(0.5 * nn + 0.5 * (1 - j));
        }
        double cst = nn * d * (Math.log(gamma) - 0.5 * Math.log(2)) - lgd;
        prior -= k * cst;
        return constant + slse - n * lse(alphas) + prior;
    }

    private static double lse(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double a : v) {
            m = Math.max(m, a);
        }
        double s = 0;
        for (double a : v) {
            s += Math.exp(a - m);
        }
        return m + Math.log(s);
    }
}
