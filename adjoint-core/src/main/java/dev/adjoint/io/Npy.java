package dev.adjoint.io;

import dev.adjoint.Tensor;
import dev.adjoint.array.DType;
import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One array in NumPy's {@code .npy} format (version 1.0 to 3.0): a magic string, a header that is a Python dict
 * literal ({@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }}) padded to 64 bytes, then the
 * elements. Written as little-endian float64 in C order, bit for bit; read from float64 and float32, signed and
 * unsigned integers of 1 to 8 bytes and booleans, in either byte order and in C or Fortran order, converted to
 * float64. A 64-bit integer beyond ±2⁵³ (which a double cannot hold exactly), complex, half-precision, string,
 * object and structured dtypes are rejected with a message naming the dtype or the element.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final long EXACT = 1L << 53;

    private Npy() {
    }

    /** The array in a {@code .npy} file, as a tensor. */
    public static Tensor read(Path file) {
        return Tensor.of(readArray(file));
    }

    /** The array in a {@code .npy} file. */
    public static NdArray readArray(Path file) {
        return decode(bytes(file, "Npy.read"), file.toString());
    }

    /** Writes a tensor's values to a {@code .npy} file (its dtype, C order), replacing the file atomically. */
    public static void write(Path file, Tensor t) {
        write(file, t.array());
    }

    /**
     * Writes an array to a {@code .npy} file ({@code <f8}, or {@code <f4} for float32; C order), replacing the file
     * atomically.
     */
    public static void write(Path file, NdArray a) {
        byte[] b = encode(a);
        AtomicFile.write(file, "Npy.write", out -> out.write(b));
    }

    /** The bytes of a {@code .npy} file holding {@code a}: version 1.0, {@code <f8} or {@code <f4}, C order. */
    public static byte[] encode(NdArray a) {
        DType t = a.dtype();
        StringBuilder h = new StringBuilder("{'descr': '" + t.npyDescr() + "', 'fortran_order': False, 'shape': (");
        int[] dims = a.shape().dims();
        for (int i = 0; i < dims.length; i++) {
            h.append(i > 0 ? ", " : "").append(dims[i]);
        }
        h.append(dims.length == 1 ? ",), }" : "), }");
        int unpadded = MAGIC.length + 2 + 2 + h.length() + 1;
        h.append(" ".repeat((ALIGN - unpadded % ALIGN) % ALIGN)).append('\n');
        byte[] header = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + header.length + t.bytes() * a.size())
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length).put(header);
        if (t == DType.FLOAT32) {
            for (float v : a.floatBuffer()) {
                out.putFloat(v);
            }
        } else {
            for (double v : a.buffer()) {
                out.putDouble(v);
            }
        }
        return out.array();
    }

    /**
     * The array held by the bytes of a {@code .npy} file; {@code source} names the file (and zip entry) in error
     * messages. The header and the data length are checked before any element is converted.
     */
    public static NdArray decode(byte[] bytes, String source) {
        for (int i = 0; i < Math.min(MAGIC.length, bytes.length); i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new NpyException(source + ": not a .npy file (starts with " + hex(bytes, 6)
                        + ", expected 93 4e 55 4d 50 59, \"\\x93NUMPY\")");
            }
        }
        if (bytes.length < MAGIC.length + 4) {
            throw new NpyException(source + ": truncated: " + bytes.length + " bytes, a .npy header needs at least "
                    + (MAGIC.length + 4));
        }
        int major = bytes[6];
        int minor = bytes[7];
        if (major < 1 || major > 3 || minor != 0) {
            throw new NpyException(source + ": .npy format version " + major + "." + minor
                    + " is not supported (1.0, 2.0 and 3.0 are)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int start = major == 1 ? 10 : 12;
        if (bytes.length < start) {
            throw new NpyException(source + ": truncated in the header length");
        }
        long headerLength = major == 1 ? Short.toUnsignedInt(in.getShort(8)) : Integer.toUnsignedLong(in.getInt(8));
        if (start + headerLength > bytes.length) {
            throw new NpyException(source + ": truncated: the header needs " + headerLength + " bytes, found "
                    + (bytes.length - start));
        }
        String text = new String(bytes, start, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader header = NpyHeader.parse(text, source);
        Dtype dtype = Dtype.parse(header.descr(), source);
        long size = 1;
        for (int d : header.shape()) {
            size *= d;
            if (size > Integer.MAX_VALUE - 8) {
                throw new NpyException(source + ": shape " + header.shapeText() + " has more than 2³¹ − 9 elements,"
                        + " more than one array can hold");
            }
        }
        int dataStart = start + (int) headerLength;
        long needed = size * dtype.size;
        long found = bytes.length - dataStart;
        if (found < needed) {
            throw new NpyException(source + ": truncated: shape " + header.shapeText() + " of " + header.descr()
                    + " needs " + needed + " bytes of data, found " + found);
        }
        if (found > needed) {
            throw new NpyException(source + ": " + (found - needed) + " bytes after the data of shape "
                    + header.shapeText() + " of " + header.descr() + " (corrupt file?)");
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, (int) needed).slice().order(dtype.order);
        double[] values = new double[(int) size];
        if (header.fortranOrder() && header.shape().length > 1) {
            readFortran(data, dtype, header.shape(), values, source);
        } else {
            for (int i = 0; i < values.length; i++) {
                values[i] = dtype.read(data, i, source);
            }
        }
        NdArray a = NdArray.adopt(Shape.of(header.shape()), values);
        // A float32 file stays float32 (exactly: its values came from floats); everything else is read as float64.
        return dtype.kind == 'f' && dtype.size == 4 ? a.astype(DType.FLOAT32) : a;
    }

    /** Column-major elements (first axis fastest) into row-major order. */
    private static void readFortran(ByteBuffer data, Dtype dtype, int[] dims, double[] out, String source) {
        int rank = dims.length;
        int[] cStride = new int[rank];
        int s = 1;
        for (int a = rank - 1; a >= 0; a--) {
            cStride[a] = s;
            s *= dims[a];
        }
        int[] idx = new int[rank];
        int c = 0;
        for (int k = 0; k < out.length; k++) {
            out[c] = dtype.read(data, k, source);
            for (int a = 0; a < rank; a++) {
                if (++idx[a] < dims[a]) {
                    c += cStride[a];
                    break;
                }
                c -= (dims[a] - 1) * cStride[a];
                idx[a] = 0;
            }
        }
    }

    static byte[] bytes(Path file, String op) {
        try {
            if (Files.isDirectory(file)) {
                throw new NpyException(op + ": " + file + " is a directory");
            }
            if (Files.size(file) > Integer.MAX_VALUE - 8) {
                throw new NpyException(op + ": " + file + " is larger than 2 GB, the most one read holds");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NpyException(op + ": no such file " + file, e);
        } catch (IOException e) {
            throw new NpyException(op + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, b.length); i++) {
            sb.append(i > 0 ? " " : "").append(String.format(Locale.ROOT, "%02x", b[i] & 0xff));
        }
        return sb.toString();
    }

    /** An element type: kind (f, i, u, b), size in bytes and byte order. */
    private static final class Dtype {
        final char kind;
        final int size;
        final ByteOrder order;

        private Dtype(char kind, int size, ByteOrder order) {
            this.kind = kind;
            this.size = size;
            this.order = order;
        }

        static Dtype parse(String descr, String source) {
            if (descr.length() >= 3) {
                char o = descr.charAt(0);
                char kind = descr.charAt(1);
                String digits = descr.substring(2);
                int size = digits.matches("[1-8]") ? Integer.parseInt(digits) : -1;
                boolean known = kind == 'f' && (size == 4 || size == 8)
                        || (kind == 'i' || kind == 'u') && (size == 1 || size == 2 || size == 4 || size == 8)
                        || kind == 'b' && size == 1;
                boolean orderOk = o == '<' || o == '>' || o == '=' || o == '|' && size == 1;
                if (known && orderOk) {
                    ByteOrder order = o == '>' ? ByteOrder.BIG_ENDIAN
                            : o == '=' ? ByteOrder.nativeOrder() : ByteOrder.LITTLE_ENDIAN;
                    return new Dtype(kind, size, order);
                }
            }
            throw new NpyException(source + ": dtype '" + descr + "' is not supported (float64 and float32, signed"
                    + " and unsigned integers of 1, 2, 4 or 8 bytes, and bool are)");
        }

        double read(ByteBuffer b, int i, String source) {
            int at = i * size;
            switch (kind) {
                case 'f':
                    return size == 8 ? b.getDouble(at) : b.getFloat(at);
                case 'b':
                    return b.get(at) != 0 ? 1 : 0;
                case 'i':
                    switch (size) {
                        case 1:
                            return b.get(at);
                        case 2:
                            return b.getShort(at);
                        case 4:
                            return b.getInt(at);
                        default:
                            return exact(b.getLong(at), false, i, source);
                    }
                default:
                    switch (size) {
                        case 1:
                            return Byte.toUnsignedInt(b.get(at));
                        case 2:
                            return Short.toUnsignedInt(b.getShort(at));
                        case 4:
                            return Integer.toUnsignedLong(b.getInt(at));
                        default:
                            return exact(b.getLong(at), true, i, source);
                    }
            }
        }

        private static double exact(long v, boolean unsigned, int i, String source) {
            if (unsigned ? v < 0 || v > EXACT : v > EXACT || v < -EXACT) {
                throw new NpyException(source + ": element " + i + " is "
                        + (unsigned ? Long.toUnsignedString(v) : Long.toString(v))
                        + ", which a float64 cannot hold exactly (|v| ≤ 2⁵³)");
            }
            return v;
        }
    }
}
