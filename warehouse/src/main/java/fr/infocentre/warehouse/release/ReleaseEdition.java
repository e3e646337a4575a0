package fr.infocentre.warehouse.release;

import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.publication.TableOffsets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One edition of one millésime, open for reading: its catalogue, and per rapport and level the
 * offsets of its tables (read on first use) and its level file (one channel, read at positions,
 * shared by every request).
 */
final class ReleaseEdition implements AutoCloseable {

    private final Path folder;
    private final int millesime;
    private final int edition;
    private final ReleaseCatalogue catalogue;
    private final Map<String, LevelFile> files = new ConcurrentHashMap<>();

    private ReleaseEdition(Path folder, int millesime, int edition, ReleaseCatalogue catalogue) {
        this.folder = folder;
        this.millesime = millesime;
        this.edition = edition;
        this.catalogue = catalogue;
    }

    static ReleaseEdition open(Path folder, int millesime, int edition) {
        return new ReleaseEdition(folder, millesime, edition, ReleaseCatalogue.read(folder));
    }

    Path folder() {
        return folder;
    }

    int edition() {
        return edition;
    }

    ReleaseCatalogue catalogue() {
        return catalogue;
    }

    Optional<Rapport> rapport(String id) {
        return catalogue.rapports().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The territory's table, empty when the release has none for that code. */
    Optional<RapportTable> table(Rapport rapport, Level level, String code) {
        LevelFile file = files.computeIfAbsent(rapport.id() + "/" + level.key(),
                key -> LevelFile.open(folder.resolve(rapport.id()), level));
        TableOffsets.Slice slice = file.offsets.get(code);
        if (slice == null) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.allocate(slice.length());
        try {
            while (buffer.hasRemaining()) {
                if (file.channel.read(buffer, slice.offset() + buffer.position()) < 0) {
                    throw new IOException("unexpected end of file");
                }
            }
            return Optional.of(TableDocument.read(buffer.array(), rapport));
        } catch (IOException e) {
            throw new UncheckedIOException("Release " + millesime + " (" + folder + "): cannot read the table of "
                    + rapport.id() + " " + level.key() + " " + code, e);
        }
    }

    @Override
    public void close() {
        files.values().forEach(LevelFile::close);
    }

    /** A level file and where its tables are. */
    private record LevelFile(FileChannel channel, Map<String, TableOffsets.Slice> offsets) {

        static LevelFile open(Path rapportFolder, Level level) {
            Map<String, TableOffsets.Slice> offsets = TableOffsets.read(rapportFolder.resolve(level.key() + TableOffsets.SUFFIX));
            try {
                return new LevelFile(FileChannel.open(rapportFolder.resolve(level.key() + ".json"), StandardOpenOption.READ),
                        offsets);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open " + rapportFolder.resolve(level.key() + ".json"), e);
            }
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
