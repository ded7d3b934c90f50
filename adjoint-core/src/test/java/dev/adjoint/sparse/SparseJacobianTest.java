package dev.adjoint.sparse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.Ad;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.array.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Sparse Jacobians from colourings and from blocks, against the dense {@code Ad.jacobian} on random sparse functions. */
class SparseJacobianTest {

    /**
     * A random sparse function R^n → R^m: y = M sin(x) + x[p] · x[q] + exp(x[r]) / 4 with M a random sparse constant
     * (density about 3/n) and p, q, r random index vectors; its pattern is known by construction.
     */
    record RandomSparse(int m, int n, Tensor matrix, double[] p, double[] q, double[] r, Sparsity pattern)
            implements Function<Tensor, Tensor> {

        static RandomSparse of(long seed, int m, int n) {
            Rng rng = Rng.seed(seed);
            double[] a = new double[m * n];
            List<int[]> entries = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    if (rng.uniform() < 3.0 / n) {
                        a[i * n + j] = rng.normal();
                        entries.add(new int[] {i, j});
                    }
                }
            }
            double[][] idx = new double[3][m];
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < m; i++) {
                    idx[k][i] = (int) (rng.uniform() * n);
                    entries.add(new int[] {i, (int) idx[k][i]});
                }
            }
            int[] ri = entries.stream().mapToInt(e -> e[0]).toArray();
            int[] ci = entries.stream().mapToInt(e -> e[1]).toArray();
            return new RandomSparse(m, n, Tensor.of(Shape.of(m, n), a), idx[0], idx[1], idx[2],
                    Sparsity.of(m, n, ri, ci));
        }

        @Override
        public Tensor apply(Tensor x) {
            Tensor linear = matrix.matmul(x.sin());
            Tensor product = x.take(0, Tensor.of(p)).mul(x.take(0, Tensor.of(q)));
            return linear.add(product).add(x.take(0, Tensor.of(r)).exp().mul(0.25));
        }
    }

    private static void assertEqualsDense(SparseMatrix sparse, Tensor dense, double tol) {
        double[] d = dense.toArray();
        int n = dense.dim(1);
        for (int i = 0; i < dense.dim(0); i++) {
            for (int j = 0; j < n; j++) {
                double expected = d[i * n + j];
                if (!sparse.pattern().contains(i, j)) {
                    assertThat(expected).as("dense J[%d, %d] outside the pattern", i, j).isZero();
                }
                assertThat(sparse.get(i, j)).as("J[%d, %d]", i, j)
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(tol * (1 + Math.abs(expected))));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void colouredJacobianEqualsDense(long seed) {
        RandomSparse f = RandomSparse.of(seed, 40, 60);
        Tensor x = Tensor.randn(Rng.seed(100 + seed), 60);
        SparseMatrix j = SparseJacobian.of(f, x, f.pattern());
        assertEqualsDense(j, Ad.jacobian(f, x), 1e-13);
        Colouring c = f.pattern().colouring();
        assertThat(c.isValidFor(f.pattern())).isTrue();
        assertThat(c.count()).isLessThan(60).isGreaterThanOrEqualTo(f.pattern().maxRowCount());
    }

    @ParameterizedTest
    @ValueSource(longs = {6, 7, 8})
    void detectedPatternIsTheStructuralOne(long seed) {
        RandomSparse f = RandomSparse.of(seed, 30, 25);
        Tensor x = Tensor.randn(Rng.seed(200 + seed), 25);
        SparseMatrix j = SparseJacobian.detect(f, x);
        assertThat(j.rowPointers()).containsExactly(f.pattern().rowPointers());
        assertThat(j.columnIndices()).containsExactly(f.pattern().columnIndices());
        assertEqualsDense(j, Ad.jacobian(f, x), 1e-13);
    }

    @Test
    void tridiagonalNeedsThreeColours() {
        int n = 50;
        Function<Tensor, Tensor> f = x -> {
            Tensor left = Tensor.concat(0, Tensor.zeros(1), x.slice(0, 0, n - 1));
            Tensor right = Tensor.concat(0, x.slice(0, 1, n), Tensor.zeros(1));
            return x.square().mul(left.add(1).sin()).add(right.mul(x).tanh());
        };
        Tensor x = Tensor.randn(Rng.seed(9), n);
        Sparsity p = Sparsity.detect(f, x);
        assertThat(p.nnz()).isEqualTo(3 * n - 2);
        assertThat(p.colouring().count()).isEqualTo(3);
        assertEqualsDense(SparseJacobian.of(f, x, p), Ad.jacobian(f, x), 1e-13);
    }

    @Test
    void blocksFromVmapJacobianEqualDense() {
        // y_b = g(x_b, x_{b+1}, x_{b+2}) ∈ R², overlapping windows: the blocks overlap in columns, not in rows.
        int nb = 12;
        int n = nb + 2;
        Function<Tensor, Tensor> g = w -> Tensor.stack(0, w.index(0).mul(w.index(1)).sin(),
                w.index(2).exp().mul(w.index(0)));
        Function<Tensor, Tensor> f = x -> {
            List<Tensor> parts = new ArrayList<>();
            for (int b = 0; b < nb; b++) {
                parts.add(g.apply(x.slice(0, b, b + 3)));
            }
            return Tensor.concat(0, parts.toArray(new Tensor[0]));
        };
        Tensor x = Tensor.randn(Rng.seed(10), n);
        Tensor windows = Tensor.stack(0, java.util.stream.IntStream.range(0, nb)
                .mapToObj(b -> x.slice(0, b, b + 3)).toArray(Tensor[]::new));
        Tensor blocks = Ad.vmap(Ad.jacobian(g)).apply(windows);
        int[][] rows = new int[nb][];
        int[][] cols = new int[nb][];
        for (int b = 0; b < nb; b++) {
            rows[b] = new int[] {2 * b, 2 * b + 1};
            cols[b] = new int[] {b, b + 1, b + 2};
        }
        SparseMatrix j = SparseJacobian.fromBlocks(2 * nb, n, blocks, rows, cols);
        assertThat(j.nnz()).isEqualTo(6 * nb);
        assertEqualsDense(j, Ad.jacobian(f, x), 1e-14);
    }

    @Test
    void csrAndCooViewsAgree() {
        SparseMatrix a = SparseMatrix.fromCoo(3, 4, new int[] {2, 0, 0, 2, 1}, new int[] {1, 3, 0, 1, 2},
                new double[] {1, 2, 3, 4, 5});
        assertThat(a.nnz()).isEqualTo(4);   // (2, 1) given twice: summed
        assertThat(a.rowPointers()).containsExactly(0, 2, 3, 4);
        assertThat(a.columnIndices()).containsExactly(0, 3, 2, 1);
        assertThat(a.rowIndices()).containsExactly(0, 0, 1, 2);
        assertThat(a.values()).containsExactly(3, 2, 5, 5);
        assertThat(a.get(2, 1)).isEqualTo(5);
        assertThat(a.get(1, 1)).isZero();
        assertThat(a.multiply(new double[] {1, 10, 100, 1000})).containsExactly(2003, 500, 50);
        assertThat(SparseMatrix.fromDense(a.toDense()).values()).containsExactly(a.values());
        SparseMatrix b = SparseMatrix.stackRows(a, SparseMatrix.fromDense(Tensor.of(new double[][] {{0, 7, 0, 8}})));
        assertThat(b.rowPointers()).containsExactly(0, 2, 3, 4, 6);
        assertThat(b.get(3, 3)).isEqualTo(8);
        assertThatThrownBy(() -> SparseMatrix.stackRows(a, SparseMatrix.fromDense(Tensor.eye(2))))
                .hasMessage("SparseMatrix.stackRows: 2 x 2 under a matrix with 4 columns");
    }

    @Test
    void badInputSaysWhatIsWrong() {
        assertThatThrownBy(() -> Sparsity.of(2, 2, new int[] {0, 2}, new int[] {0, 1}))
                .hasMessage("Sparsity.of: entry 1 has row index 2, outside [0, 2)");
        assertThatThrownBy(() -> Sparsity.of(2, 2, new int[] {0}, new int[] {0, 1}))
                .hasMessage("Sparsity.of: 1 row indices but 2 column indices");
        assertThatThrownBy(() -> Sparsity.of(2, 2, new int[] {0}, new int[] {-1}))
                .hasMessage("Sparsity.of: entry 0 has column index -1, outside [0, 2)");
        Sparsity p = Sparsity.of(3, 4, new int[] {0, 1, 2}, new int[] {0, 1, 2});
        assertThatThrownBy(() -> SparseJacobian.of(Tensor::sin, Tensor.zeros(5), p))
                .hasMessage("SparseJacobian: the pattern has 4 columns but x has shape [5] (5 entries)");
        assertThatThrownBy(() -> SparseJacobian.of(Tensor::sin, Tensor.zeros(4), p))
                .hasMessage("SparseJacobian: the pattern has 3 rows but f's output has shape [4] (4 entries)");
        assertThatThrownBy(() -> SparseMatrix.of(p, new double[2]))
                .hasMessage("SparseMatrix.of: 2 values for a pattern with 3 entries");
        assertThatThrownBy(() -> SparseJacobian.fromBlocks(4, 4, Tensor.zeros(2, 2, 2), new int[1][2], new int[1][2]))
                .hasMessage("SparseJacobian.fromBlocks: 2 blocks but 1 row-index and 1 column-index lists");
        assertThatThrownBy(() -> SparseJacobian.fromBlocks(4, 4, Tensor.zeros(1, 2, 2), new int[][] {{0}},
                new int[][] {{0, 1}}))
                .hasMessage("SparseJacobian.fromBlocks: block 0 is 2 x 2 but has 1 row and 2 column indices");
        assertThatThrownBy(() -> SparseJacobian.fromBlocks(4, 4, Tensor.zeros(2, 2), new int[0][], new int[0][]))
                .hasMessage("SparseJacobian.fromBlocks: blocks must be [B, r, c], got shape [2, 2]");
        assertThatThrownBy(() -> SparseMatrix.fromDense(Tensor.zeros(2, 2)).get(2, 0))
                .hasMessage("SparseMatrix.get(2, 0) outside 2 x 2");
        assertThatThrownBy(() -> SparseMatrix.fromDense(Tensor.eye(2)).multiply(new double[3]))
                .hasMessage("SparseMatrix.multiply: vector of length 3 for a 2 x 2 matrix");
    }
}
