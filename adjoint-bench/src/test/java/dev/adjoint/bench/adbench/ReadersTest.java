package dev.adjoint.bench.adbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers on ADBench's own files, and bad or truncated files naming the line. */
class ReadersTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void gmmFile() {
        GmmInput in = GmmInput.resource("gmm/1k/gmm_d2_K10.txt", false);
        assertThat(in.params().alphas().shape().dims()).containsExactly(10);
        assertThat(in.params().means().shape().dims()).containsExactly(10, 2);
        assertThat(in.params().icf().shape().dims()).containsExactly(10, 3);
        assertThat(in.problem().x().shape().dims()).containsExactly(1000, 2);
        assertThat(in.problem().gamma()).isEqualTo(1.0);
        assertThat(in.problem().m()).isZero();
    }

    @Test
    void gmmReplicatesOnePoint() throws IOException {
        Path p = file("g.txt", "2 1 4\n0.5\n1 2\n0.1 0.2 0.3\n7 8\n1.5 3\n");
        GmmInput in = GmmInput.read(p, true);
        assertThat(in.problem().x().toArray()).containsExactly(7, 8, 7, 8, 7, 8, 7, 8);
        assertThat(in.problem().gamma()).isEqualTo(1.5);
        assertThat(in.problem().m()).isEqualTo(3);
    }

    @Test
    void baFileReplicatesAsAdbench() {
        BaInput in = BaInput.resource("ba/ba1_n49_m7776_p31843.txt");
        assertThat(in.n()).isEqualTo(49);
        assertThat(in.m()).isEqualTo(7776);
        assertThat(in.p()).isEqualTo(31843);
        assertThat(in.cams().shape().dims()).containsExactly(49, 11);
        assertThat(in.cams().index(48).toArray()[6]).isEqualTo(419.194514);
        assertThat(in.camIndex()[50]).isEqualTo(1);
        assertThat(in.ptIndex()[7777]).isEqualTo(1);
        assertThat(in.features().index(31842).toArray()).containsExactly(271.760969, 834.209256);
    }

    @Test
    void lstmFile() {
        LstmInput in = LstmInput.resource("lstm/lstm_l2_c1024.txt");
        assertThat(in.layers()).isEqualTo(2);
        assertThat(in.main().shape().dims()).containsExactly(4, 56);
        assertThat(in.extra().shape().dims()).containsExactly(3, 14);
        assertThat(in.state().shape().dims()).containsExactly(4, 14);
        assertThat(in.sequence().shape().dims()).containsExactly(1024, 14);
    }

    @Test
    void handFiles() {
        HandModel model = HandModel.resource("hand/model");
        assertThat(model.bones()).isEqualTo(22);
        assertThat(model.vertices()).isEqualTo(544);
        assertThat(model.names()[0]).isEqualTo("wrist");
        assertThat(model.parents()[0]).isEqualTo(-1);
        double[] w = model.weights().toArray();
        double row = 0;
        for (int b = 0; b < 22; b++) {
            row += w[b];
        }
        assertThat(row).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        HandInput simple = HandInput.resource(model, "hand/simple_small/hand1_t26_c100.txt", false);
        assertThat(simple.points().shape().dims()).containsExactly(100, 3);
        assertThat(simple.correspondences()[0]).isEqualTo(132);
        assertThat(simple.theta().size()).isEqualTo(26);
        assertThat(simple.complicated()).isFalse();
        HandInput complicated = HandInput.resource(model, "hand/complicated_small/hand1_t26_c100.txt", true);
        assertThat(complicated.us().shape().dims()).containsExactly(100, 2);
    }

    @Test
    void truncatedFilesNameTheLine() throws IOException {
        assertThatThrownBy(() -> BaInput.read(file("ba.txt", "2 3 4\n1 2 3 4 5 6 7 8 9 10 11\n1 2 3\n")))
                .isInstanceOf(InputFormatException.class)
                .hasMessageEndingWith("ba.txt:4: file ends early: expected the weight (the file has 3 lines)")
                .satisfies(e -> assertThat(((InputFormatException) e).line()).isEqualTo(4));
        assertThatThrownBy(() -> GmmInput.read(file("g.txt", "2 2 3\n0.5\n0.25\n1 2\n"), false))
                .hasMessageEndingWith("g.txt:5: file ends early: expected mean 1 (the file has 4 lines)");
        assertThatThrownBy(() -> LstmInput.read(file("l.txt", "1 2 1\n\n1 2 3 4\n")))
                .hasMessageEndingWith("l.txt:4: file ends early: expected main parameters, row 1 (the file has 3 "
                        + "lines)");
    }

    @Test
    void badFieldsNameLineAndField() throws IOException {
        assertThatThrownBy(() -> BaInput.read(file("ba.txt", "2 3 4\n1 2 3 4 5 6 7 8 9 10 11\n1 2 x\n1\n1 2\n")))
                .hasMessageEndingWith("ba.txt:3: 'x' is not a number (the point, field 3)");
        assertThatThrownBy(() -> BaInput.read(file("ba.txt", "2 3 4\n1 2 3\n")))
                .hasMessageEndingWith("ba.txt:2: expected 11 numbers (the camera), found 3");
        assertThatThrownBy(() -> BaInput.read(file("ba.txt", "2 3\n")))
                .hasMessageEndingWith("ba.txt:1: expected the header 'n m p' (3 integers), found 2 fields");
        assertThatThrownBy(() -> BaInput.read(file("ba.txt", "2 0 4\n")))
                .hasMessageEndingWith("ba.txt:1: m 0 is outside [1, 2147483647]");
        assertThatThrownBy(() -> GmmInput.read(file("g.txt", "2 1 1\n0.5\n1 2\n0.1 0.2 0.3\n7 8\n1.5\n"), false))
                .hasMessageEndingWith("g.txt:6: expected the Wishart prior 'gamma m' (2 numbers), found 1 fields");
        Files.writeString(dir.resolve("bones.txt"), "root:-1" + ":1".repeat(32) + "\nchild:1" + ":1".repeat(32)
                + "\n");
        Files.writeString(dir.resolve("vertices.txt"), "0:0:0:0:0:0:0:0:1:0:1\n");
        Files.writeString(dir.resolve("triangles.txt"), "0:0:0\n");
        assertThatThrownBy(() -> HandModel.read(dir))
                .hasMessageEndingWith("bones.txt:2: parent 1 is outside [-1, 0]");
        Files.writeString(dir.resolve("bones.txt"), "root:-1" + ":1".repeat(32) + "\n");
        Files.writeString(dir.resolve("vertices.txt"), "0:0:0:0:0:0:0:0:1:0:1\n0:0:0:0:0:0:0:0:2:0:1\n");
        assertThatThrownBy(() -> HandModel.read(dir))
                .hasMessageEndingWith("vertices.txt:2: weight count 2 is outside [0, 1]");
        Files.writeString(dir.resolve("vertices.txt"), "0:0:0:0:0:0:0:0:1:0:1\n");
        HandModel model = HandModel.read(dir);
        assertThatThrownBy(() -> HandInput.read(model, file("h.txt", "1 1\n3 0 0 0\n0.5\n"), false))
                .hasMessageEndingWith("h.txt:2: vertex index 3 is outside [0, 0]");
    }
}
