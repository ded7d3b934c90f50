package dev.adjoint.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.nn.Flat;
import dev.adjoint.nn.Models;
import dev.adjoint.nn.layer.Activation;
import dev.adjoint.nn.layer.BatchNorm;
import dev.adjoint.nn.layer.Sequential;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/**
 * What crosses the wire is compact: Java serialization (Spark's default serializer) of a block, a gradient share
 * and a model's skeleton costs the doubles' 8 bytes each plus a small fixed header.
 */
class SerializationTest {

    private static byte[] bytes(Object o) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream s = new ObjectOutputStream(out)) {
            s.writeObject(o);
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T o) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes(o)))) {
            return (T) in.readObject();
        }
    }

    @Test
    void aBlockIsItsNumbersAndAHeader() throws Exception {
        Batch b = Batch.of(Sessions.classes(1, 100, 10, 3));
        int numbers = 8 * (100 * 10 + 100);
        assertThat(bytes(b).length).isBetween(numbers, numbers + 300);
        Batch back = roundTrip(b);
        assertThat(back.x().toArray()).containsExactly(b.x().toArray());
        assertThat(back.y().shape()).isEqualTo(b.y().shape());
    }

    @Test
    void aGradientShareIsOneArrayAndTheZeroValueIsTiny() throws Exception {
        Partial zero = new Partial();
        assertThat(bytes(zero).length).isLessThan(200);
        Partial p = new Partial();
        p.addBlock(0.5, new double[10_000], 10, 3);
        assertThat(bytes(p).length).isBetween(80_000, 80_000 + 200);
        Partial back = roundTrip(p);
        assertThat(back.examples).isEqualTo(10);
        assertThat(back.correct).isEqualTo(3);
    }

    @Test
    void aModelTravelsAsItsSkeletonAndOneVector() throws Exception {
        Sequential mlp = Models.mlp(Rng.seed(0), Activation.RELU, 20, 16, 16, 8, 3);
        Skeleton<Sequential> s = Skeleton.of(mlp);
        assertThat(bytes(s).length).isLessThan(4_000);   // whatever the sizes: shapes, not values
        double[] params = Flat.of(mlp).pack(mlp);
        Sequential rebuilt = roundTrip(s).build(params);
        assertThat(rebuilt.layers()).hasSameSizeAs(mlp.layers());
        assertThat(rebuilt.layers().get(1)).isEqualTo(Activation.RELU);
        assertThat(Flat.of(mlp).pack(rebuilt)).containsExactly(params);
        Tensor x = Tensor.of(Rng.seed(1).normal(20)).reshape(1, 20);
        assertThat(rebuilt.apply(x).toArray()).containsExactly(mlp.apply(x).toArray());
    }

    @Test
    void stateThatCannotTravelIsNamed() {
        Sequential withBuffer = Sequential.of(BatchNorm.create(3));
        assertThatThrownBy(() -> Skeleton.of(withBuffer))
                .hasMessageContaining("model.layers.0.runningMean is a dev.adjoint.nn.Buffer, which is neither a"
                        + " tensor");
    }
}
