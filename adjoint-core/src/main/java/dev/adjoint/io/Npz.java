package dev.adjoint.io;

import dev.adjoint.array.NdArray;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Named arrays in NumPy's {@code .npz} format: a zip archive with one {@code .npy} file per array, the name being
 * the entry's name without {@code .npy} ({@code np.load(f)["layers.0.weight"]}). Written uncompressed, as
 * {@code np.savez} does, with a fixed timestamp so the same arrays give the same bytes; read uncompressed or
 * compressed ({@code np.savez_compressed}). Reading checks every entry (zip structure, CRC, header, data length)
 * before it returns, so a corrupt or truncated file never yields part of its arrays.
 */
public final class Npz {

    private static final String SUFFIX = ".npy";
    private static final long EPOCH_1980 = 315532800000L;

    private Npz() {
    }

    /** The arrays in a {@code .npz} file by name, in the archive's order. */
    public static Map<String, NdArray> read(Path file) {
        Map<String, NdArray> out = new LinkedHashMap<>();
        if (Files.isDirectory(file)) {
            throw new NpyException("Npz.read: " + file + " is a directory");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.isDirectory()) {
                    continue;
                }
                String entry = e.getName();
                String where = file + ", entry '" + entry + "'";
                if (!entry.endsWith(SUFFIX)) {
                    throw new NpyException("Npz.read: " + where + " is not a .npy array (a .npz holds only .npy"
                            + " files)");
                }
                if (e.getSize() > Integer.MAX_VALUE - 8) {
                    throw new NpyException("Npz.read: " + where + " is larger than 2 GB, the most one array holds");
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readAllBytes();
                } catch (ZipException | EOFException ex) {
                    throw new NpyException("Npz.read: " + where + " is corrupt or truncated: " + ex.getMessage(), ex);
                }
                CRC32 crc = new CRC32();
                crc.update(bytes);
                if (e.getCrc() != -1 && crc.getValue() != e.getCrc()) {
                    throw new NpyException(String.format(Locale.ROOT, "Npz.read: %s is corrupt: its bytes have CRC"
                            + " %08x, the zip directory says %08x", where, crc.getValue(), e.getCrc()));
                }
                if (e.getSize() != -1 && bytes.length != e.getSize()) {
                    throw new NpyException("Npz.read: " + where + " is truncated: " + bytes.length + " bytes of "
                            + e.getSize());
                }
                String name = entry.substring(0, entry.length() - SUFFIX.length());
                if (out.containsKey(name)) {
                    throw new NpyException("Npz.read: " + file + " holds the array '" + name + "' twice");
                }
                out.put(name, Npy.decode(bytes, "Npz.read: " + where));
            }
        } catch (NoSuchFileException | FileNotFoundException e) {
            throw new NpyException("Npz.read: no such file " + file, e);
        } catch (ZipException e) {
            throw new NpyException("Npz.read: " + file + " is not a valid .npz (zip) file, or it is truncated or"
                    + " corrupt: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new NpyException("Npz.read: cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Writes named arrays to a {@code .npz} file (float64, uncompressed), replacing the file atomically. */
    public static void write(Path file, Map<String, NdArray> arrays) {
        for (Map.Entry<String, NdArray> a : arrays.entrySet()) {
            if (a.getKey() == null || a.getValue() == null) {
                throw new IllegalArgumentException("Npz.write: null name or array (" + a.getKey() + ")");
            }
        }
        AtomicFile.write(file, "Npz.write", raw -> {
            ZipOutputStream zip = new ZipOutputStream(raw);
            for (Map.Entry<String, NdArray> a : arrays.entrySet()) {
                byte[] bytes = Npy.encode(a.getValue());
                ZipEntry e = new ZipEntry(a.getKey() + SUFFIX);
                CRC32 crc = new CRC32();
                crc.update(bytes);
                e.setMethod(ZipEntry.STORED);
                e.setSize(bytes.length);
                e.setCompressedSize(bytes.length);
                e.setCrc(crc.getValue());
                e.setTime(EPOCH_1980);
                zip.putNextEntry(e);
                zip.write(bytes);
                zip.closeEntry();
            }
            zip.finish();
        });
    }
}
