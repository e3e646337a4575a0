package fr.infocentre.etl.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.io.file.PathUtils;

/**
 * Where Spark reads an extract file from: the file itself or, when it holds oversized records
 * ({@link FileScan}), a copy in which each of them is replaced by a one-field placeholder, so
 * that Spark's CSV reader never holds one in memory nor fails on it. Record numbers stay those of
 * the file, and the records replaced are quarantined from what the scan noted of them.
 *
 * <p>The copies go to a scratch folder the caller names inside the warehouse (a cluster's
 * executors see it, as they see the versions), as a staging folder: readers ignore it and the
 * next load sweeps it if this one is killed. Closing deletes it.
 */
public final class ReadableCopies implements AutoCloseable {

    /** What Spark reads instead of an oversized record: one field, no separator, no quote. */
    static final String PLACEHOLDER = "(enregistrement trop long, non lu)";

    private final Path folder;

    public ReadableCopies(Path folder) {
        this.folder = folder;
    }

    /** The file as Spark may read it. */
    public CheckedFile readable(CheckedFile file) {
        if (file.oversized().isEmpty()) {
            return file;
        }
        Path copy = folder.resolve(file.file().fileName());
        try {
            Files.createDirectories(folder);
            try (FileChannel in = FileChannel.open(file.path());
                 FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                long from = 0;
                for (FileScan.OversizedRecord r : file.oversized()) {
                    transfer(in, from, r.start(), out);
                    out.write(ByteBuffer.wrap(PLACEHOLDER.getBytes(StandardCharsets.UTF_8)));
                    from = r.end();
                }
                transfer(in, from, in.size(), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("copying " + file.path() + " without its oversized records to " + copy, e);
        }
        return file.at(copy);
    }

    private static void transfer(FileChannel in, long from, long to, FileChannel out) throws IOException {
        for (long at = from; at < to; ) {
            at += in.transferTo(at, to - at, out);
        }
    }

    @Override
    public void close() {
        try {
            if (Files.exists(folder)) {
                PathUtils.deleteDirectory(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting the scratch folder " + folder, e);
        }
    }
}
