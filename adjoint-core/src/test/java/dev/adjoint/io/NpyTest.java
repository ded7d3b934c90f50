package dev.adjoint.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adjoint.Rng;
import dev.adjoint.Tensor;
import dev.adjoint.array.DType;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpyTest {

    @TempDir
    Path dir;

    /** A .npy file as the format specification lays it out, with any header text and data. */
    static byte[] npy(int major, String header, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        byte[] h = header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        ByteBuffer len = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
        if (major == 1) {
            len.putShort((short) h.length);
        } else {
            len.putInt(h.length);
        }
        out.writeBytes(len.array());
        out.writeBytes(h);
        out.writeBytes(data);
        return out.toByteArray();
    }

    static String header(String descr, boolean fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape
                + ", }\n";
    }

    static byte[] doubles(ByteOrder order, double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(order);
        for (double d : v) {
            b.putDouble(d);
        }
        return b.array();
    }

    static NdArray decode(byte[] bytes) {
        return Npy.decode(bytes, "test.npy");
    }

    static long[] bits(NdArray a) {
        return Arrays.stream(a.toArray()).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    static Stream<Shape> shapes() {
        return Stream.of(Shape.scalar(), Shape.of(0), Shape.of(1), Shape.of(7), Shape.of(3, 4), Shape.of(2, 0, 3),
                Shape.of(2, 3, 4, 5));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void roundTripIsBitExact(Shape shape) throws Exception {
        double[] v = Rng.seed(shape.size()).normal(shape.size());
        double[] special = {Double.NaN, Double.longBitsToDouble(0x7ff0_0000_dead_beefL), -0.0,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE};
        for (int i = 0; i < Math.min(v.length, special.length); i++) {
            v[i] = special[i];
        }
        NdArray a = NdArray.of(shape, v);
        Path f = dir.resolve("a.npy");
        Npy.write(f, Tensor.of(a));
        Tensor back = Npy.read(f);
        assertThat(back.shape()).isEqualTo(shape);
        assertThat(bits(back.array())).containsExactly(bits(a));
    }

    @Test
    void headerIsTheSpecificationsAndTheDataIs64ByteAligned() {
        byte[] b = Npy.encode(NdArray.of(Shape.of(3, 4), new double[12]));
        int len = ByteBuffer.wrap(b, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        String h = new String(b, 10, len, StandardCharsets.ISO_8859_1);
        assertThat(h).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }").endsWith(" \n");
        assertThat((10 + len) % 64).isZero();
        assertThat(b.length).isEqualTo(10 + len + 12 * 8);
        assertThat(new String(Npy.encode(NdArray.of(Shape.of(5), new double[5])), StandardCharsets.ISO_8859_1))
                .contains("'shape': (5,), }");
        assertThat(new String(Npy.encode(NdArray.scalar(1)), StandardCharsets.ISO_8859_1)).contains("'shape': (), }");
    }

    @Test
    void littleAndBigEndianFloat64AndFloat32() {
        double[] v = {1.5, -2.25, 1e300};
        assertThat(decode(npy(1, header("<f8", false, "(3,)"), doubles(ByteOrder.LITTLE_ENDIAN, v))).toArray())
                .containsExactly(v);
        assertThat(decode(npy(1, header(">f8", false, "(3,)"), doubles(ByteOrder.BIG_ENDIAN, v))).toArray())
                .containsExactly(v);
        ByteBuffer f = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putFloat(0.1f).putFloat(-3f);
        NdArray a = decode(npy(1, header(">f4", false, "(2,)"), f.array()));
        assertThat(a.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(a.toArray()).containsExactly((double) 0.1f, -3.0);
    }

    @Test
    void float32RoundTripsAsFloat32BitForBit() {
        NdArray a = NdArray.ofFloats(Shape.of(2, 3), 0.1f, -2.5f, Float.MIN_VALUE, Float.MAX_VALUE, 1e-30f, 7f);
        byte[] b = Npy.encode(a);
        assertThat(new String(b, StandardCharsets.ISO_8859_1)).contains("'descr': '<f4'");
        assertThat(b.length % 64).isEqualTo(6 * 4 % 64);
        NdArray back = decode(b);
        assertThat(back.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(back.shape()).isEqualTo(a.shape());
        assertThat(back.floatBuffer()).containsExactly(a.floatBuffer());
    }

    static Stream<Arguments> integers() {
        return Stream.of(
                Arguments.of("|i1", new byte[] {-128, 127, 0, 5}, new double[] {-128, 127, 0, 5}),
                Arguments.of("|u1", new byte[] {-1, 0, (byte) 200, 1}, new double[] {255, 0, 200, 1}),
                Arguments.of("<i2", le().putShort((short) -300).putShort((short) 7).array(), new double[] {-300, 7}),
                Arguments.of(">u2", be().putShort((short) 0xffff).putShort((short) 1).array(), new double[] {65535, 1}),
                Arguments.of("<i4", le().putInt(Integer.MIN_VALUE).array(), new double[] {Integer.MIN_VALUE}),
                Arguments.of(">u4", be().putInt(-1).array(), new double[] {4294967295.0}),
                Arguments.of("<i8", le().putLong(-(1L << 53)).putLong(42).array(), new double[] {-(1L << 53), 42}),
                Arguments.of("<u8", le().putLong(1L << 53).array(), new double[] {1L << 53}),
                Arguments.of("|b1", new byte[] {0, 1, 1, 0}, new double[] {0, 1, 1, 0}));
    }

    private static ByteBuffer le() {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer be() {
        return ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
    }

    @ParameterizedTest
    @MethodSource("integers")
    void integersAndBoolsAreConvertedExactly(String descr, byte[] data, double[] expected) {
        int size = Integer.parseInt(descr.substring(2));
        byte[] used = Arrays.copyOf(data, expected.length * size);
        NdArray a = decode(npy(1, header(descr, false, "(" + expected.length + ",)"), used));
        assertThat(a.toArray()).containsExactly(expected);
    }

    @Test
    void int64BeyondTwoToThe53IsRejectedNamingTheElement() {
        byte[] d = le().putLong(1).putLong((1L << 53) + 1).array();
        assertThatThrownBy(() -> decode(npy(1, header("<i8", false, "(2,)"), d))).isInstanceOf(NpyException.class)
                .hasMessageContaining("test.npy").hasMessageContaining("element 1 is 9007199254740993")
                .hasMessageContaining("cannot hold exactly");
        byte[] u = le().putLong(-1).array();
        assertThatThrownBy(() -> decode(npy(1, header("<u8", false, "(1,)"), Arrays.copyOf(u, 8))))
                .hasMessageContaining("element 0 is 18446744073709551615");
    }

    @Test
    void fortranOrderIsReadIntoRowMajor() {
        // The 2×3 matrix [[0, 1, 2], [3, 4, 5]] stored column by column: 0 3 1 4 2 5.
        NdArray m = decode(npy(1, header("<f8", true, "(2, 3)"), doubles(ByteOrder.LITTLE_ENDIAN, 0, 3, 1, 4, 2, 5)));
        assertThat(m.shape()).isEqualTo(Shape.of(2, 3));
        assertThat(m.toArray()).containsExactly(0, 1, 2, 3, 4, 5);
        // 2×3×2: element (i, j, k) = 100i + 10j + k, stored with i fastest, then j, then k.
        double[] col = new double[12];
        int n = 0;
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 2; i++) {
                    col[n++] = 100 * i + 10 * j + k;
                }
            }
        }
        NdArray t = decode(npy(1, header("<f8", true, "(2, 3, 2)"), doubles(ByteOrder.LITTLE_ENDIAN, col)));
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 2; k++) {
                    assertThat(t.get(i, j, k)).isEqualTo(100 * i + 10 * j + k);
                }
            }
        }
    }

    @Test
    void versionsTwoAndThreeHaveFourByteHeaderLengths() {
        byte[] d = doubles(ByteOrder.LITTLE_ENDIAN, 7);
        assertThat(decode(npy(2, header("<f8", false, "(1,)"), d)).toArray()).containsExactly(7);
        assertThat(decode(npy(3, "{\"descr\": \"<f8\", \"shape\": (1,), \"fortran_order\": False}  \n", d)).toArray())
                .containsExactly(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<c16", "<f2", "<U5", "|O", "|S3", "<m8", "|f8", "<i3", "f8"})
    void unsupportedDtypesAreNamed(String descr) {
        assertThatThrownBy(() -> decode(npy(1, header(descr, false, "(1,)"), new byte[16])))
                .isInstanceOf(NpyException.class).hasMessageContaining("test.npy")
                .hasMessageContaining("dtype '" + descr + "' is not supported");
    }

    static Stream<Arguments> malformedHeaders() {
        return Stream.of(
                Arguments.of("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }",
                        "structured dtypes are not supported"),
                Arguments.of("{'descr': '<f8', 'shape': (1,), }", "has no 'fortran_order'"),
                Arguments.of("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'extra': 1}", "unknown key 'extra'"),
                Arguments.of("{'descr': '<f8', 'fortran_order': 0, 'shape': (1,), }", "True or False"),
                Arguments.of("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }", "non-negative integers"),
                Arguments.of("{'descr': '<f8', 'fortran_order': False, 'shape': (1), }", "(n,)"),
                Arguments.of("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999,), }", "too large"),
                Arguments.of("{'descr': '<f8', 'fortran_order': False, 'shape': (1 2), }", "expected ',' or ')'"),
                Arguments.of("{'descr': '<f8' 'fortran_order': False}", "expected ',' or '}'"),
                Arguments.of("{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': ()}", "given twice"),
                Arguments.of("{'descr': '<f8', 'fortran_order': False, 'shape': ()} junk", "after the header"),
                Arguments.of("{'descr': '<f8, 'fortran_order'", "expected ',' or '}'"),
                Arguments.of("{'descr': '<f8', 'fortran_order': False, 'shape': (1,", "ends early"),
                Arguments.of("{descr: '<f8'}", "expected a quoted string"),
                Arguments.of("{'descr': '<f8", "unterminated string"),
                Arguments.of("descr", "expected '{'"));
    }

    @ParameterizedTest
    @MethodSource("malformedHeaders")
    void malformedHeadersGiveTheColumn(String header, String message) {
        assertThatThrownBy(() -> decode(npy(1, header, new byte[8]))).isInstanceOf(NpyException.class)
                .hasMessageContaining("test.npy").hasMessageContaining(message);
        if (!message.startsWith("has no")) {
            assertThatThrownBy(() -> decode(npy(1, header, new byte[8]))).hasMessageContaining("column");
        }
    }

    @Test
    void shapesTooLargeForOneArrayAreRejected() {
        assertThatThrownBy(() -> decode(npy(1, header("<f8", false, "(100000, 100000)"), new byte[0])))
                .hasMessageContaining("more than 2³¹ − 9 elements");
    }

    @Test
    void badMagicVersionsAndTruncationAreNamed() {
        byte[] good = Npy.encode(NdArray.of(Shape.of(2, 2), 1, 2, 3, 4));
        byte[] bad = good.clone();
        bad[1] = 'X';
        assertThatThrownBy(() -> decode(bad)).hasMessageContaining("not a .npy file (starts with 93 58 55 4d 50 59");
        byte[] v4 = good.clone();
        v4[6] = 4;
        assertThatThrownBy(() -> decode(v4)).hasMessageContaining("version 4.0 is not supported");
        assertThatThrownBy(() -> decode(Arrays.copyOf(good, 5))).hasMessageContaining("truncated: 5 bytes");
        byte[] v2 = npy(2, header("<f8", false, "(1,)"), new byte[8]);
        assertThatThrownBy(() -> decode(Arrays.copyOf(v2, 11))).hasMessageContaining("truncated in the header length");
        assertThatThrownBy(() -> decode(Arrays.copyOf(good, 40))).hasMessageContaining("truncated: the header needs");
        assertThatThrownBy(() -> decode(Arrays.copyOf(good, good.length - 3)))
                .hasMessageContaining("truncated: shape (2, 2) of <f8 needs 32 bytes of data, found 29");
        assertThatThrownBy(() -> decode(Arrays.copyOf(good, good.length + 8)))
                .hasMessageContaining("8 bytes after the data");
    }

    @Test
    void missingFilesAndDirectoriesAreNamed() throws Exception {
        Path none = dir.resolve("none.npy");
        assertThatThrownBy(() -> Npy.read(none)).isInstanceOf(NpyException.class)
                .hasMessageContaining("no such file " + none);
        assertThatThrownBy(() -> Npy.read(dir)).hasMessageContaining("is a directory");
        assertThatThrownBy(() -> Npy.write(dir.resolve("absent/a.npy"), Tensor.zeros(2)))
                .isInstanceOf(NpyException.class).hasMessageContaining("cannot write");
        Path f = dir.resolve("text.npy");
        Files.writeString(f, "x,y\n1,2\n");
        assertThatThrownBy(() -> Npy.read(f)).hasMessageContaining(f + ": not a .npy file");
    }

    @Test
    void writingReplacesTheFileAndLeavesNoTemporaryFiles() throws Exception {
        Path f = dir.resolve("a.npy");
        Npy.write(f, Tensor.of(1, 2, 3));
        Npy.write(f, Tensor.of(4, 5));
        assertThat(Npy.read(f).array().toArray()).containsExactly(4, 5);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }
}
