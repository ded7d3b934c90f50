package dev.adjoint.nn.data;

import dev.adjoint.array.NdArray;
import dev.adjoint.array.Shape;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * The IDX format (LeCun's MNIST files): two zero bytes, a type code, the rank, the dimensions as big-endian ints,
 * then the values big-endian, row-major. Gzipped files are recognised by their content, not their name. Errors name
 * the file and say what was expected and what was found.
 */
public final class Idx {

    /** The element types the format defines. */
    public enum Type {
        /** 0x08: unsigned byte. */
        UBYTE(0x08, 1),
        /** 0x09: signed byte. */
        BYTE(0x09, 1),
        /** 0x0B: 16-bit integer. */
        SHORT(0x0B, 2),
        /** 0x0C: 32-bit integer. */
        INT(0x0C, 4),
        /** 0x0D: 32-bit float. */
        FLOAT(0x0D, 4),
        /** 0x0E: 64-bit float. */
        DOUBLE(0x0E, 8);

        final int code;
        final int bytes;

        Type(int code, int bytes) {
            this.code = code;
            this.bytes = bytes;
        }

        static Type of(int code) {
            for (Type t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return null;
        }
    }

    private Idx() {
    }

    /** {@code dir/name}, or {@code dir/name.gz} when only that exists; an {@link IdxException} naming both if neither does. */
    public static Path find(Path dir, String name) {
        Path plain = dir.resolve(name);
        Path gz = dir.resolve(name + ".gz");
        if (Files.exists(plain)) {
            return plain;
        }
        if (Files.exists(gz)) {
            return gz;
        }
        throw new IdxException(dir + ": missing " + name + " (or " + name + ".gz)");
    }

    /** The array stored in an IDX file (gzipped or not), as doubles. */
    public static NdArray read(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            boolean gz = b0 == 0x1f && b1 == 0x8b;
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(gz ? new GZIPInputStream(raw, 1 << 16)
                    : raw, 1 << 16))) {
                return read(in, file, gz);
            }
        } catch (NoSuchFileException e) {
            throw new IdxException(file + ": no such file (expected an IDX file"
                    + (file.getFileName().toString().endsWith(".gz") ? ", gzipped" : "") + ")", e);
        } catch (ZipException e) {
            throw new IdxException(file + ": corrupt gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static NdArray read(DataInputStream in, Path file, boolean gz) throws IOException {
        byte[] header = new byte[4];
        int got = in.readNBytes(header, 0, 4);
        if (got < 4) {
            throw new IdxException(file + ": expected a 4-byte IDX header, found only " + got + " bytes");
        }
        if (header[0] != 0 || header[1] != 0) {
            throw new IdxException(String.format("%s: not an IDX file: expected the magic number to start with"
                    + " bytes 00 00, found %02x %02x%s", file, header[0] & 0xff, header[1] & 0xff,
                    gz ? "" : " (if the file is compressed, only gzip is supported)"));
        }
        Type type = Type.of(header[2] & 0xff);
        if (type == null) {
            throw new IdxException(String.format("%s: unknown IDX type code 0x%02x (expected 08 ubyte, 09 byte,"
                    + " 0b short, 0c int, 0d float or 0e double)", file, header[2] & 0xff));
        }
        int rank = header[3] & 0xff;
        int[] dims = new int[rank];
        long size = 1;
        for (int i = 0; i < rank; i++) {
            try {
                dims[i] = in.readInt();
            } catch (EOFException e) {
                throw new IdxException(file + ": header announces " + rank + " dimensions but the file ends after "
                        + i, e);
            }
            if (dims[i] < 0) {
                throw new IdxException(file + ": dimension " + i + " is negative (" + dims[i] + ")");
            }
            size *= dims[i];
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IdxException(file + ": " + size + " elements are too many for one array");
        }
        double[] data = new double[(int) size];
        long bytes = size * type.bytes;
        if (type == Type.UBYTE || type == Type.BYTE) {
            byte[] buf = new byte[(int) size];
            int n = in.readNBytes(buf, 0, buf.length);
            if (n < buf.length) {
                throw truncated(file, dims, bytes, n);
            }
            for (int i = 0; i < buf.length; i++) {
                data[i] = type == Type.UBYTE ? buf[i] & 0xff : buf[i];
            }
        } else {
            for (int i = 0; i < data.length; i++) {
                try {
                    switch (type) {
                        case SHORT:
                            data[i] = in.readShort();
                            break;
                        case INT:
                            data[i] = in.readInt();
                            break;
                        case FLOAT:
                            data[i] = in.readFloat();
                            break;
                        default:
                            data[i] = in.readDouble();
                    }
                } catch (EOFException e) {
                    throw truncated(file, dims, bytes, (long) i * type.bytes);
                }
            }
        }
        if (in.read() >= 0) {
            throw new IdxException(file + ": data continues after the " + bytes + " bytes that shape "
                    + Shape.of(dims) + " of " + type.name().toLowerCase() + " needs (trailing bytes)");
        }
        return NdArray.adopt(Shape.of(dims), data);
    }

    private static IdxException truncated(Path file, int[] dims, long expected, long found) {
        return new IdxException(file + ": truncated: shape " + Shape.of(dims) + " needs " + expected
                + " bytes of data, found " + found);
    }

    /** Writes an array as an IDX file of the given type, gzipped when asked (values are cast to the type). */
    public static void write(Path file, NdArray a, Type type, boolean gzip) {
        int rank = a.shape().rank();
        if (rank > 255) {
            throw new IllegalArgumentException("Idx.write: rank " + rank + " exceeds 255");
        }
        try (OutputStream raw = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gzip ? new GZIPOutputStream(raw)
                     : raw))) {
            out.write(new byte[] {0, 0, (byte) type.code, (byte) rank});
            for (int d : a.shape().dims()) {
                out.writeInt(d);
            }
            for (int i = 0; i < a.size(); i++) {
                double v = a.at(i);
                switch (type) {
                    case UBYTE:
                    case BYTE:
                        out.writeByte((int) v);
                        break;
                    case SHORT:
                        out.writeShort((int) v);
                        break;
                    case INT:
                        out.writeInt((int) v);
                        break;
                    case FLOAT:
                        out.writeFloat((float) v);
                        break;
                    default:
                        out.writeDouble(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write: " + e.getMessage(), e);
        }
    }
}
