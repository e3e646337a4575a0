package fr.infocentre.warehouse.release;

import fr.infocentre.etl.EtlJob;
import fr.infocentre.etl.SharedSpark;
import fr.infocentre.etl.generator.Generator;
import fr.infocentre.etl.generator.GeneratorOptions;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.publication.Publication;
import fr.infocentre.warehouse.serving.DuckDbWarehouse;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Millésime M released from a first load, then a later load (an extract of another seed, as if
 * the SNE had revised the past) that changes M's figures, and {@code publier --tous-les-millesimes} run on it:
 * M is left as released, M+1 is released from the later load. Built once per JVM for the tests
 * of the release package.
 */
final class ReleasedBeforeALaterLoad {

    /** TAB03-02 and TAB03-04 share their total figure (the demandes at 31 December): protected together. */
    static final List<String> RAPPORTS = List.of("TAB03-02", "TAB03-04", "TAB02-02", "TAB02-05");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    private static ReleasedBeforeALaterLoad built;

    /** The warehouse after the later load, and the releases folder. */
    final Path warehouse;
    final Path releases;
    /** M: the last millésime of the first load. */
    final int millesime;
    /** Release M's national TAB03-02, as served before the later load (JSON). */
    final String servedBefore;
    /** M's national TAB03-02 as the warehouse computes it after the later load (JSON). */
    final String recomputedAfter;
    /** Release M's folder, and its files' SHA-256 read right after it was released. */
    final Path folder;
    final Map<String, String> sha256AsReleased;

    private ReleasedBeforeALaterLoad(Path work) throws IOException {
        warehouse = work.resolve("warehouse");
        releases = work.resolve("releases");
        load(work, LocalDate.of(2025, 11, 15), 17);
        try (DuckDbWarehouse w = DuckDbWarehouse.open(warehouse)) {
            millesime = w.millesimes().get(w.millesimes().size() - 1);
            ReleasePublisher.publish(w, releases, new Publication.Options(millesime, RAPPORTS, List.of()),
                    Optional.empty(), QUIET);
        }
        try (ReleaseStore store = ReleaseStore.open(releases)) {
            servedBefore = JSON.writeValueAsString(store.table("TAB03-02", Level.NATIONAL, "FR", millesime).document());
        }
        folder = releases.resolve(millesime + "/1");
        sha256AsReleased = ReleaseFiles.sha256OfEveryFileBut(folder, "release.json");

        load(work, LocalDate.of(2026, 3, 1), 18); // a later extract revising the past: other figures for M
        try (DuckDbWarehouse w = DuckDbWarehouse.open(warehouse)) {
            recomputedAfter = JSON.writeValueAsString(w.compute("TAB03-02", Level.NATIONAL, "FR", millesime).document());
            for (int m : w.millesimes()) {
                if (ReleaseLayout.current(releases, m).isEmpty()) {
                    ReleasePublisher.publish(w, releases, new Publication.Options(m, RAPPORTS, List.of()),
                            Optional.empty(), QUIET);
                }
            }
        }
    }

    static synchronized ReleasedBeforeALaterLoad get() {
        if (built == null) {
            try {
                built = new ReleasedBeforeALaterLoad(Files.createTempDirectory("released-before-a-later-load-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return built;
    }

    private void load(Path work, LocalDate until, long seed) throws IOException {
        Path extract = work.resolve("extract-" + until);
        new Generator(new GeneratorOptions(0.05, seed, until, List.of("48"), GeneratorOptions.DEFAULT_HISTORY_FROM))
                .writeTo(extract);
        EtlJob.run(SharedSpark.session(), extract, warehouse);
    }
}
