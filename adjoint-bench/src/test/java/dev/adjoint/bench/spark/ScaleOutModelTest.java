package dev.adjoint.bench.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The model's treeAggregate follows Spark's loop: levels and the driver's final fan-in worked out by hand. */
class ScaleOutModelTest {

    @ParameterizedTest(name = "{0} executors, depth {1}: {2} levels of fan-in {3}, driver merges {4}")
    @CsvSource({
        "8, 2, 1, 3, 3",      // scale ⌈√8⌉ = 3: 8 > 3 + 3 → 3 partitions; 3 > 3 + 1 fails
        "64, 2, 1, 8, 8",     // scale 8: 64 → 8
        "64, 3, 2, 4, 4",     // scale 4: 64 → 16 → 4
        "512, 2, 1, 23, 23",  // scale ⌈√512⌉ = 23: 512 → 23
        "512, 3, 2, 8, 8",    // scale 8: 512 → 64 → 8
        "2, 2, 0, 2, 2",      // nothing to reduce: the driver merges both
    })
    void levelsAndFanInsAreSparks(int executors, int depth, int levels, int fanIn, int driver) {
        assertThat(ScaleOutModel.levels(executors, depth)).isEqualTo(levels);
        ScaleOutModel m = new ScaleOutModel(0.01, 0.002, 0.001);
        double expected = levels * (0.01 + fanIn * 0.003) + driver * 0.003;
        assertThat(m.aggregate(executors, depth)).isCloseTo(expected, within(1e-12));
    }

    @ParameterizedTest(name = "{0} executors")
    @CsvSource({"1, 0", "2, 1", "8, 3", "9, 4", "512, 9"})
    void broadcastTakesLogRounds(int executors, int rounds) {
        ScaleOutModel m = new ScaleOutModel(0.01, 0.002, 0.001);
        assertThat(m.broadcast(executors)).isCloseTo(Math.max(rounds, 1) * 0.002, within(1e-12));
    }
}
