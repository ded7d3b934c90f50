package dev.adjoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TreeTest {

    record Layer(Tensor weight, Tensor bias, String name) {
    }

    record Model(List<Layer> layers, Map<String, Tensor> extra, Tensor[] more) {
    }

    private static Model model() {
        Map<String, Tensor> extra = new LinkedHashMap<>();
        extra.put("scale", Tensor.of(7));
        return new Model(List.of(new Layer(Tensor.of(1, 2), Tensor.of(3), "a"), new Layer(Tensor.of(4), Tensor.of(5),
                "b")), extra, new Tensor[] {Tensor.of(8)});
    }

    @Test
    void walkNamesEveryLeafByItsPathInTheOrderOfLeaves() {
        List<String> paths = new ArrayList<>();
        List<Object> nodes = new ArrayList<>();
        Tree.walk(model(), Tensor.class::isInstance, (path, node) -> {
            paths.add(path);
            nodes.add(node);
        });
        assertThat(paths).containsExactly("layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias",
                "extra.scale", "more.0");
        double[] values = nodes.stream().flatMapToDouble(t -> java.util.Arrays.stream(((Tensor) t).toArray()))
                .toArray();
        assertThat(values).containsExactly(1, 2, 3, 4, 5, 7, 8);
        List<String> strings = new ArrayList<>();
        Tree.walk(model(), String.class::isInstance, (path, node) -> strings.add(path + "=" + node));
        assertThat(strings).containsExactly("layers.0.name=a", "layers.1.name=b");
    }

    @Test
    void rebuildPutsNewLeavesInTheSameShapeAndRejectsTheWrongCount() {
        Model m = model();
        List<Tensor> doubled = new ArrayList<>();
        for (Tensor t : Tree.leaves(m)) {
            doubled.add(t.mul(2));
        }
        Model r = Tree.rebuild(m, doubled);
        assertThat(r.layers().get(0).weight().toArray()).containsExactly(2, 4);
        assertThat(r.layers().get(1).name()).isEqualTo("b");
        assertThat(r.extra().get("scale").toArray()).containsExactly(14);
        assertThat(r.more()[0].toArray()).containsExactly(16);
        assertThatThrownBy(() -> Tree.rebuild(m, doubled.subList(0, 5))).hasMessageContaining("fewer leaves");
    }
}
