package fr.infocentre.warehouse.publication;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each territory's table lies in a level file: {@code <rapport>/<niveau>.offsets} beside
 * {@code <rapport>/<niveau>.json}, one line per territory, {@code code TAB offset TAB length}
 * (bytes). A server reads one table by reading those bytes, without parsing the level file.
 */
public final class TableOffsets {

    /** The file name's suffix after the level's key. */
    public static final String SUFFIX = ".offsets";

    private TableOffsets() {
    }

    /** A table's bytes in its level file. */
    public record Slice(long offset, int length) {
    }

    /** Reads an offsets file: territory code → slice. */
    public static Map<String, Slice> read(Path file) {
        Map<String, Slice> slices = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line; (line = in.readLine()) != null; ) {
                number++;
                String[] f = line.split("\t", -1);
                if (f.length != 3) {
                    throw new IllegalStateException(file + ", line " + number + ": expected code, offset, length: " + line);
                }
                slices.put(f[0], new Slice(Long.parseLong(f[1]), Integer.parseInt(f[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return slices;
    }

    /** Writes an offsets file as the level file is written. */
    static final class Writer implements AutoCloseable {

        private final BufferedWriter out;

        Writer(Path file) throws IOException {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }

        void add(String code, long offset, long length) throws IOException {
            out.write(code + "\t" + offset + "\t" + length + "\n");
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
