package dev.adjoint.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adjoint.symbolic.SwellStudy.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SwellStudyTest {

    /*
     * Hand counts. The program builds l(k+1) = MUL(A, B) with A = MUL(l(k), 4) and B = SUB(1, l(k)), fresh constants
     * each step. l(1) = x.
     *   l tree:  T(1) = 1, T(k+1) = 1 + (1 + T + 1) + (1 + 1 + T) = 5 + 2T      → 1, 7, 19, 43, 91
     *   l DAG:   each step adds MUL, 4, SUB, 1, MUL                             → 1, 6, 11, 16, 21
     *   tape:    the variable only: every step depends on x alone, so it is folded into a scale  → 1, 1, 1, 1, 1
     * Derivative by the chain rule (partials from the table: ∂(a·b)/∂a = b, ∂(a·b)/∂b = a, ∂(a − b)/∂b = −1):
     *   d(l1) = 1.
     *   d(l2) = ADD(MUL(B, 4), MUL(A, −1)): dl = 1 so dA = ∂A/∂l = the shared constant 4, dB = the constant −1.
     *           tree 1 + (1 + 3 + 1) + (1 + 3 + 1) = 11;
     *           DAG: ADD, MUL, B, 1, x, 4, MUL, A, −1 = 9.
     *   d(l(k+1)) for k ≥ 2 = ADD(MUL(B, MUL(4, dl)), MUL(A, NEG(dl))):
     *           tree T'(k+1) = 1 + (1 + |B| + 1 + 1 + T') + (1 + |A| + 1 + T') with |A| = |B| = T + 2,
     *                        = 10 + 2T(k) + 2T'(k)                              → 11, 46, 140, 376
     *           DAG: the five new nodes ADD, MUL, MUL(4, dl), MUL, NEG, plus A, B, their constants 4 and 1,
     *                and l(k) itself (d(l(k)) reaches A(k−1), B(k−1) but not their product): +10 per step → 9, 19, 29, 39
     */
    static final long[] L_TREE = {1, 7, 19, 43, 91};
    static final long[] L_DAG = {1, 6, 11, 16, 21};
    static final int[] TAPE = {1, 1, 1, 1, 1};
    static final long[] D_TREE = {1, 11, 46, 140, 376};
    static final long[] D_DAG = {1, 9, 19, 29, 39};

    @Test
    void sizesForSmallNMatchTheHandCounts() {
        List<Row> rows = new ArrayList<>();
        SwellStudy.run(5, 0.3, 1e-4, rows::add);
        assertThat(rows).hasSize(5);
        for (int i = 0; i < 5; i++) {
            Row r = rows.get(i);
            assertThat(r.n()).isEqualTo(i + 1);
            assertThat(r.expressionTree()).as("tree of l%d", i + 1).isEqualTo(L_TREE[i]);
            assertThat(r.expressionDag()).as("DAG of l%d", i + 1).isEqualTo(L_DAG[i]);
            assertThat(r.tapeOperations()).as("tape of l%d", i + 1).isEqualTo(TAPE[i]);
            assertThat(r.derivativeTree()).as("tree of dl%d", i + 1).isEqualTo(D_TREE[i]);
            assertThat(r.derivativeDag()).as("DAG of dl%d", i + 1).isEqualTo(D_DAG[i]);
            assertThat(r.simplifiedTree()).isPositive().isLessThanOrEqualTo(r.derivativeTree());
            assertThat(Math.abs(r.symbolicValue() - r.adValue())).isLessThanOrEqualTo(1e-12 * (1 + Math.abs(r.adValue())));
            assertThat(r.treeSeconds()).isPositive();
            assertThat(r.format()).startsWith(String.format("%3d", i + 1));
        }
        // d(l2) simplified is 4(1 − x) − 4x: 4, 1, x, SUB, MUL, MUL(4, x), SUB = 7 distinct nodes, 9 as a tree.
        assertThat(rows.get(1).simplifiedDag()).isEqualTo(7);
        assertThat(rows.get(1).simplifiedTree()).isEqualTo(9);
    }

    @Test
    void treesGrowExponentiallyWhileDagsAndTapesGrowLinearly() {
        Row r20 = SwellStudy.row(20, 0.3, 1e-4);
        Row r40 = SwellStudy.row(40, 0.3, 1e-4);
        // T(n) = 6·2^(n−1) − 5 solves the recurrence above.
        assertThat(r20.expressionTree()).isEqualTo(6L * (1L << 19) - 5);
        assertThat(r40.expressionTree()).isEqualTo(6L * (1L << 39) - 5);
        assertThat(r40.derivativeTree()).isGreaterThan(r20.derivativeTree() * (1L << 20));
        assertThat(r40.derivativeDag()).isEqualTo(9 + 10 * 38);
        assertThat(r40.tapeOperations()).isEqualTo(1);
        assertThat(r40.treeSeconds()).isNaN(); // far too large to evaluate as a tree
        assertThat(r40.simplifiedDag()).isLessThan(600);
        assertThat(Math.abs(r40.symbolicValue() - r40.adValue())).isLessThanOrEqualTo(1e-9 * Math.abs(r40.adValue()));
    }

    @Test
    void sizesPastLongRangeAreReportedAsUnknown() {
        Row r = SwellStudy.row(70, 0.3, 1e-5);
        assertThat(r.expressionTree()).isEqualTo(-1);
        assertThat(r.format()).contains("—");
        assertThat(SwellStudy.header()).contains("tree").contains("DAG").contains("tape");
    }
}
