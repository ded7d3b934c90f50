package dev.adjoint.nn.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.adjoint.Ad;
import dev.adjoint.MemoryReport;
import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.nn.GradCheck;
import dev.adjoint.nn.Init;
import dev.adjoint.nn.Layer;
import dev.adjoint.nn.Phase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReversibleTest {

    private static final int H = 3;

    private static Reversible.Block block(Rng r) {
        return new Reversible.Block(Sequential.of(Linear.create(H, H, Init.XAVIER_NORMAL, r), Activation.TANH),
                Sequential.of(Linear.create(H, H, Init.XAVIER_NORMAL, r), Activation.TANH));
    }

    private static Reversible stack(Rng r, int n) {
        List<Reversible.Block> bs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bs.add(block(r));
        }
        return new Reversible(bs);
    }

    /** The same couplings written out plainly: ordinary backprop keeps every activation. */
    private static Tensor plain(Reversible m, Tensor x) {
        Tensor x1 = x.slice(1, 0, H);
        Tensor x2 = x.slice(1, H, 2 * H);
        for (Reversible.Block b : m.blocks()) {
            x1 = x1.add(b.f().apply(x2, Phase.eval()));
            x2 = x2.add(b.g().apply(x1, Phase.eval()));
        }
        return Tensor.concat(1, x1, x2);
    }

    private static Tensor loss(Tensor y) {
        return y.sin().sum();
    }

    record ModelAndInput(Reversible model, Tensor x) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void gradientsMatchFiniteDifferences(long seed) {
        Rng r = Rng.seed(seed);
        ModelAndInput at = new ModelAndInput(stack(r, 3), Tensor.randn(r, 2, 2 * H));
        GradCheck.check((ModelAndInput p) -> loss(p.model().apply(p.x())), at, seed, true);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {4, 5, 6})
    void gradientsEqualPlainBackprop(long seed) {
        Rng r = Rng.seed(seed);
        ModelAndInput at = new ModelAndInput(stack(r, 5), Tensor.randn(r, 4, 2 * H));
        ModelAndInput rev = Ad.gradTree((ModelAndInput p) -> loss(p.model().apply(p.x()))).apply(at);
        ModelAndInput ref = Ad.gradTree((ModelAndInput p) -> loss(plain(p.model(), p.x()))).apply(at);
        List<Tensor> a = dev.adjoint.Tree.leaves(rev);
        List<Tensor> b = dev.adjoint.Tree.leaves(ref);
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).toArray()).containsExactly(b.get(i).toArray(), within(1e-10));
        }
        assertThat(at.model().apply(at.x()).toArray())
                .containsExactly(plain(at.model(), at.x()).toArray(), within(1e-12));
    }

    @Test
    void tapeBytesDoNotGrowWithDepth() {
        Rng r = Rng.seed(9);
        Reversible.Block shared = block(r);
        Tensor x = Tensor.randn(r, 8, 2 * H);
        long[] rev = new long[3];
        long[] pl = new long[3];
        int[] depths = {2, 8, 32};
        for (int i = 0; i < depths.length; i++) {
            Reversible m = new Reversible(Collections.nCopies(depths[i], shared));
            MemoryReport a = Ad.measureGradient(v -> loss(m.apply(v)), x);
            MemoryReport b = Ad.measureGradient(v -> loss(plain(m, v)), x);
            assertThat(a.gradient().toArray()).containsExactly(b.gradient().toArray(), within(1e-10));
            rev[i] = a.peakBytes();
            pl[i] = b.peakBytes();
        }
        System.out.printf("reversible peak bytes %s, plain %s for depths 2, 8, 32%n",
                java.util.Arrays.toString(rev), java.util.Arrays.toString(pl));
        assertThat(rev[1]).isEqualTo(rev[0]);
        assertThat(rev[2]).isEqualTo(rev[0]);
        assertThat(pl[1]).isGreaterThan(2 * pl[0]);
        assertThat(pl[2]).isGreaterThan(2 * pl[1]);
        assertThat(rev[2]).isLessThan(pl[2] / 10);
    }

    @Test
    void anOddWidthIsRejected() {
        Layer m = stack(Rng.seed(1), 1);
        assertThatThrownBy(() -> m.apply(Tensor.zeros(2, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("even").hasMessageContaining("5");
    }
}
