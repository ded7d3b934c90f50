package dev.adjoint.spark;

import dev.adjoint.nn.data.IdxException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A range of rows of an unsigned-byte IDX file (the MNIST type), read without decoding the rest: each executor
 * reads only its partition's examples. Gzip is recognised by its magic bytes, as adjoint-nn's {@code Idx} does.
 */
final class IdxRows {

    /** The dimensions of an IDX file, from its header. */
    static int[] dims(Path file) {
        try (DataInputStream in = open(file)) {
            return header(in, file);
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    /** Rows {@code from} … {@code to − 1} (along the first axis) divided by {@code divisor}, row-major. */
    static double[] read(Path file, int from, int to, double divisor) {
        try (DataInputStream in = open(file)) {
            int[] dims = header(in, file);
            if (from < 0 || to > dims[0] || from > to) {
                throw new IdxException(file + ": rows [" + from + ", " + to + ") asked, the file has " + dims[0]);
            }
            long row = 1;
            for (int i = 1; i < dims.length; i++) {
                row *= dims[i];
            }
            in.skipNBytes(from * row);
            byte[] bytes = new byte[(int) ((to - from) * row)];
            try {
                in.readFully(bytes);
            } catch (EOFException e) {
                throw new IdxException(file + ": truncated: rows up to " + to + " need " + to * row
                        + " bytes of data", e);
            }
            double[] out = new double[bytes.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (bytes[i] & 0xff) / divisor;
            }
            return out;
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        boolean gz = b0 == 0x1f && b1 == 0x8b;
        return new DataInputStream(gz ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw);
    }

    private static int[] header(DataInputStream in, Path file) throws IOException {
        byte[] h = new byte[4];
        if (in.readNBytes(h, 0, 4) < 4 || h[0] != 0 || h[1] != 0) {
            throw new IdxException(file + ": not an IDX file (expected the magic number 00 00 TYPE RANK)");
        }
        if ((h[2] & 0xff) != 0x08) {
            throw new IdxException(String.format("%s: IDX type 0x%02x; SparkData.fromIdx reads unsigned-byte files"
                    + " (0x08, as MNIST) only: load other types with Idx.read and distribute with SparkData.of",
                    file, h[2] & 0xff));
        }
        int rank = h[3] & 0xff;
        if (rank < 1) {
            throw new IdxException(file + ": rank 0, expected examples along a first axis");
        }
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            try {
                dims[i] = in.readInt();
            } catch (EOFException e) {
                throw new IdxException(file + ": header announces " + rank + " dimensions but the file ends after "
                        + i, e);
            }
        }
        return dims;
    }

    private static RuntimeException failure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new IdxException(file + ": no such file (expected an IDX file)", e);
        }
        return new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }

    private IdxRows() {
    }
}
