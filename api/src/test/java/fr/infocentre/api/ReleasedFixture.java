package fr.infocentre.api;

import fr.infocentre.warehouse.publication.Publication;
import fr.infocentre.warehouse.release.ReleasePublisher;
import fr.infocentre.warehouse.serving.DuckDbWarehouse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** The test servers' releases: every millésime of a loaded warehouse released, as {@code ./infocentre demo} does. */
final class ReleasedFixture {

    private ReleasedFixture() {
    }

    /** Releases every millésime the warehouse covers, oldest first, into {@code releases}. */
    static void releaseEveryMillesime(Path warehouseDir, Path releases) {
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(warehouseDir)) {
            for (int millesime : warehouse.millesimes()) {
                ReleasePublisher.publish(warehouse, releases, Publication.Options.all(millesime), Optional.empty(),
                        new PrintStream(OutputStream.nullOutputStream()));
            }
        }
    }

    /** Deletes a folder holding read-only releases (their folders made writable first). */
    static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
                }
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
