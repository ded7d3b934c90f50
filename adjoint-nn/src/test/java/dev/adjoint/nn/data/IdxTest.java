package dev.adjoint.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.Rng;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The IDX reader on files written by the test: round trips in every type, gzipped or not, and corrupt files. */
class IdxTest {

    @TempDir
    Path dir;

    private static NdArray sample(Idx.Type type) {
        Rng rng = Rng.seed(5);
        double[] d = new double[2 * 3 * 4];
        for (int i = 0; i < d.length; i++) {
            double u = rng.uniform();
            switch (type) {
                case UBYTE:
                    d[i] = Math.floor(u * 256);
                    break;
                case BYTE:
                    d[i] = Math.floor(u * 256) - 128;
                    break;
                case SHORT:
                    d[i] = Math.floor(u * 65536) - 32768;
                    break;
                case INT:
                    d[i] = Math.floor(u * 2e9) - 1e9;
                    break;
                case FLOAT:
                    d[i] = (float) (u * 100 - 50);
                    break;
                default:
                    d[i] = u * 100 - 50;
            }
        }
        return NdArray.of(Shape.of(2, 3, 4), d);
    }

    @ParameterizedTest
    @EnumSource(Idx.Type.class)
    void roundTripsPlainAndGzipped(Idx.Type type) {
        NdArray a = sample(type);
        for (boolean gz : new boolean[] {false, true}) {
            Path f = dir.resolve(type + (gz ? ".idx.gz" : ".idx"));
            Idx.write(f, a, type, gz);
            assertThat(Idx.read(f)).isEqualTo(a);
        }
    }

    @Test
    void gzipIsRecognisedByContentNotName() throws IOException {
        NdArray a = sample(Idx.Type.UBYTE);
        Path f = dir.resolve("images-idx3-ubyte");
        Idx.write(f, a, Idx.Type.UBYTE, true);
        assertThat(Idx.read(f)).isEqualTo(a);
        assertThat(Files.readAllBytes(f)[0] & 0xff).isEqualTo(0x1f);
    }

    @Test
    void missingFileIsNamed() {
        Path f = dir.resolve("nope-idx1-ubyte.gz");
        assertThatThrownBy(() -> Idx.read(f)).isInstanceOf(IdxException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("no such file");
    }

    @Test
    void badMagicSaysWhatWasExpected() throws IOException {
        Path f = dir.resolve("bad");
        Files.write(f, new byte[] {1, 2, 8, 1, 0, 0, 0, 0});
        assertThatThrownBy(() -> Idx.read(f)).isInstanceOf(IdxException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("expected the magic number to start with bytes"
                        + " 00 00, found 01 02");
    }

    @Test
    void unknownTypeCode() throws IOException {
        Path f = dir.resolve("type");
        Files.write(f, new byte[] {0, 0, 0x0A, 1, 0, 0, 0, 0});
        assertThatThrownBy(() -> Idx.read(f)).hasMessageContaining("unknown IDX type code 0x0a");
    }

    @Test
    void truncatedDataSaysHowMuchWasExpectedAndFound() throws IOException {
        NdArray a = sample(Idx.Type.UBYTE);
        Path f = dir.resolve("full");
        Idx.write(f, a, Idx.Type.UBYTE, false);
        byte[] bytes = Files.readAllBytes(f);
        Path cut = dir.resolve("cut");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 5));
        assertThatThrownBy(() -> Idx.read(cut)).isInstanceOf(IdxException.class)
                .hasMessageContaining(cut.toString()).hasMessageContaining("truncated: shape [2, 3, 4] needs 24 bytes"
                        + " of data, found 19");
        Path header = dir.resolve("header");
        Files.write(header, Arrays.copyOf(bytes, 9));
        assertThatThrownBy(() -> Idx.read(header)).hasMessageContaining("announces 3 dimensions but the file ends"
                + " after 1");
        Path tiny = dir.resolve("tiny");
        Files.write(tiny, new byte[] {0, 0});
        assertThatThrownBy(() -> Idx.read(tiny)).hasMessageContaining("4-byte IDX header, found only 2");
    }

    @Test
    void truncatedWideTypes() throws IOException {
        NdArray a = sample(Idx.Type.DOUBLE);
        Path f = dir.resolve("d");
        Idx.write(f, a, Idx.Type.DOUBLE, false);
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(bytes, bytes.length - 3));
        assertThatThrownBy(() -> Idx.read(f)).hasMessageContaining("needs 192 bytes of data, found 184");
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        NdArray a = sample(Idx.Type.UBYTE);
        Path f = dir.resolve("long");
        Idx.write(f, a, Idx.Type.UBYTE, false);
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(bytes, bytes.length + 2));
        assertThatThrownBy(() -> Idx.read(f)).hasMessageContaining("trailing bytes");
    }

    @Test
    void corruptGzip() throws IOException {
        NdArray a = sample(Idx.Type.UBYTE);
        Path f = dir.resolve("z.gz");
        Idx.write(f, a, Idx.Type.UBYTE, true);
        byte[] bytes = Files.readAllBytes(f);
        for (int i = 12; i < bytes.length - 8; i++) {
            bytes[i] ^= 0x55;
        }
        Files.write(f, bytes);
        assertThatThrownBy(() -> Idx.read(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(f.toString());
        // A gzip stream cut short.
        Path g = dir.resolve("cut.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(g))) {
            out.write(new byte[] {0, 0, 8, 1, 0, 0, 0, 100, 1, 2, 3});
        }
        assertThatThrownBy(() -> Idx.read(g)).hasMessageContaining("needs 100 bytes of data, found 3");
    }

    @Test
    void fashionMnistLayoutFromSmallFiles() {
        Rng rng = Rng.seed(2);
        double[] img = new double[5 * 4 * 4];
        for (int i = 0; i < img.length; i++) {
            img[i] = Math.floor(rng.uniform() * 256);
        }
        NdArray images = NdArray.of(Shape.of(5, 4, 4), img);
        NdArray labels = NdArray.of(Shape.of(5), 3, 1, 4, 1, 5);
        Idx.write(dir.resolve("train-images-idx3-ubyte.gz"), images, Idx.Type.UBYTE, true);
        Idx.write(dir.resolve("train-labels-idx1-ubyte.gz"), labels, Idx.Type.UBYTE, true);
        Idx.write(dir.resolve("t10k-images-idx3-ubyte"), images, Idx.Type.UBYTE, false);
        assertThatThrownBy(() -> FashionMnist.load(dir)).isInstanceOf(IdxException.class)
                .hasMessageContaining("missing t10k-labels-idx1-ubyte (or t10k-labels-idx1-ubyte.gz)");
        Idx.write(dir.resolve("t10k-labels-idx1-ubyte"), NdArray.of(Shape.of(4), 1, 2, 3, 4), Idx.Type.UBYTE, false);
        assertThatThrownBy(() -> FashionMnist.load(dir)).hasMessageContaining("expected 5 labels (one per image),"
                + " found shape [4]");
        Idx.write(dir.resolve("t10k-labels-idx1-ubyte"), labels, Idx.Type.UBYTE, false);
        Dataset.Split s = FashionMnist.load(dir);
        assertThat(s.train().x().shape()).isEqualTo(Shape.of(5, 16));
        assertThat(s.train().x().get(2, 7)).isEqualTo(img[2 * 16 + 7] / 255);
        assertThat(s.test().y().toArray()).containsExactly(3, 1, 4, 1, 5);
        assertThatThrownBy(() -> FashionMnist.load(dir.resolve("absent"))).hasMessageContaining("no such directory");
    }
}
