package dev.adjoint.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.Rng;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {

    @TempDir
    Path dir;

    static Map<String, NdArray> arrays() {
        Rng rng = Rng.seed(3);
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("layers.0.weight", NdArray.of(Shape.of(3, 4), rng.normal(12)));
        m.put("layers.0.bias", NdArray.of(Shape.of(4), rng.normal(4)));
        m.put("optimizer/adam/m/layers.0.bias", NdArray.of(Shape.of(4), rng.normal(4)));
        m.put("step", NdArray.scalar(17));
        m.put("empty", NdArray.zeros(Shape.of(0, 2)));
        return m;
    }

    static void assertBitExact(Map<String, NdArray> actual, Map<String, NdArray> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (String k : expected.keySet()) {
            assertThat(actual.get(k).shape()).as(k).isEqualTo(expected.get(k).shape());
            assertThat(NpyTest.bits(actual.get(k))).as(k).containsExactly(NpyTest.bits(expected.get(k)));
        }
    }

    @Test
    void roundTripKeepsNamesOrderAndBits() {
        Path f = dir.resolve("m.npz");
        Npz.write(f, arrays());
        assertBitExact(Npz.read(f), arrays());
    }

    @Test
    void theSameArraysGiveTheSameBytes() throws Exception {
        Npz.write(dir.resolve("a.npz"), arrays());
        Thread.sleep(1100);
        Npz.write(dir.resolve("b.npz"), arrays());
        assertThat(Files.readAllBytes(dir.resolve("a.npz"))).isEqualTo(Files.readAllBytes(dir.resolve("b.npz")));
    }

    @Test
    void compressedArchivesAndDirectoryEntriesAreRead() throws Exception {
        Path f = dir.resolve("c.npz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("sub/"));
            z.closeEntry();
            for (Map.Entry<String, NdArray> e : arrays().entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                z.write(Npy.encode(e.getValue()));
                z.closeEntry();
            }
        }
        assertBitExact(Npz.read(f), arrays());
    }

    @Test
    void truncatedFilesAreRejectedWhole() throws Exception {
        Path f = dir.resolve("m.npz");
        Npz.write(f, arrays());
        byte[] all = Files.readAllBytes(f);
        for (int cut : new int[] {0, 10, all.length / 2, all.length - 1}) {
            Path t = dir.resolve("cut" + cut + ".npz");
            Files.write(t, Arrays.copyOf(all, cut));
            assertThatThrownBy(() -> Npz.read(t)).as("cut at " + cut).isInstanceOf(NpyException.class)
                    .hasMessageContaining(t.toString()).hasMessageContaining("truncated");
        }
    }

    @Test
    void aFlippedBitInTheDataIsCaughtByTheCrc() throws Exception {
        Path f = dir.resolve("m.npz");
        Map<String, NdArray> one = Map.of("w", NdArray.of(Shape.of(64), new double[64]));
        Npz.write(f, one);
        byte[] b = Files.readAllBytes(f);
        int data = indexOf(b, new byte[] {'\n'}) + 1 + 100; // inside the zeros of the data
        b[data] ^= 0x10;
        Files.write(f, b);
        assertThatThrownBy(() -> Npz.read(f)).isInstanceOf(NpyException.class)
                .hasMessageContaining("entry 'w.npy' is corrupt").hasMessageContaining("CRC");
    }

    @Test
    void aCorruptArrayInsideNamesTheEntry() throws Exception {
        Path f = dir.resolve("bad.npz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("good.npy"));
            z.write(Npy.encode(NdArray.scalar(1)));
            z.putNextEntry(new ZipEntry("bad.npy"));
            byte[] enc = Npy.encode(NdArray.of(Shape.of(3), 1, 2, 3));
            z.write(enc, 0, enc.length - 8);
            z.closeEntry();
        }
        assertThatThrownBy(() -> Npz.read(f)).hasMessageContaining(f + ", entry 'bad.npy': truncated: shape (3,)");
    }

    @Test
    void otherFilesAndNonZipsAreRejected() throws Exception {
        Path f = dir.resolve("meta.npz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("meta.json"));
            z.write("{}".getBytes());
        }
        assertThatThrownBy(() -> Npz.read(f)).hasMessageContaining("entry 'meta.json' is not a .npy array");
        Path npy = dir.resolve("plain.npz");
        Files.write(npy, Npy.encode(NdArray.scalar(1)));
        assertThatThrownBy(() -> Npz.read(npy)).hasMessageContaining("is not a valid .npz (zip) file");
        assertThatThrownBy(() -> Npz.read(dir.resolve("none.npz"))).hasMessageContaining("no such file");
        assertThatThrownBy(() -> Npz.read(dir)).hasMessageContaining("is a directory");
    }

    @Test
    void anEmptyArchiveRoundTrips() {
        Path f = dir.resolve("e.npz");
        Npz.write(f, Map.of());
        assertThat(Npz.read(f)).isEmpty();
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path f = dir.resolve("m.npz");
        Npz.write(f, arrays());
        byte[] before = Files.readAllBytes(f);
        Map<String, NdArray> broken = new LinkedHashMap<>(arrays());
        broken.put("x", null);
        assertThatThrownBy(() -> Npz.write(f, broken)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
        assertThatThrownBy(() -> Npz.write(dir.resolve("no/such/dir.npz"), arrays()))
                .hasMessageContaining("cannot write");
    }

    private static int indexOf(byte[] b, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= b.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

}
