package fr.infocentre.warehouse.release;

import fr.infocentre.etl.EtlJob;
import fr.infocentre.etl.SharedSpark;
import fr.infocentre.etl.generator.Generator;
import fr.infocentre.etl.generator.GeneratorOptions;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.publication.Publication;
import fr.infocentre.warehouse.serving.DuckDbWarehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A release does not move: after a later weekly load that changes the warehouse's figures, a
 * new run of {@code publier --tous-les-millesimes} and a reopened server (a restart), every file
 * of the release still has the bytes and the SHA-256 its manifest lists, and the tables served
 * are those of the release, not of the new load.
 */
class ReleaseImmutabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> RAPPORTS = List.of("TAB03-02");
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void aReleaseKeepsItsBytesAfterALaterLoadAndARestart() throws IOException {
        Path work = Files.createTempDirectory("immutability-");
        Path warehouseDir = work.resolve("warehouse");
        Path releases = work.resolve("releases");
        load(work, warehouseDir, LocalDate.of(2025, 12, 28));
        int millesime;
        String servedBefore;
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(warehouseDir)) {
            millesime = warehouse.millesimes().get(warehouse.millesimes().size() - 1);
            ReleasePublisher.publish(warehouse, releases, new Publication.Options(millesime, RAPPORTS, List.of()),
                    Optional.empty(), QUIET);
        }
        try (ReleaseStore store = ReleaseStore.open(releases)) {
            servedBefore = JSON.writeValueAsString(store.table("TAB03-02", Level.NATIONAL, "FR", millesime).document());
        }
        Path folder = releases.resolve(millesime + "/1");
        assertEquals(ReleaseFiles.listedInManifest(folder), ReleaseFiles.sha256OfEveryFileBut(folder, "release.json"), "as released");

        load(work, warehouseDir, LocalDate.of(2026, 3, 1)); // a later extract: the same year, other figures
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(warehouseDir)) {
            String recomputed = JSON.writeValueAsString(warehouse.compute("TAB03-02", Level.NATIONAL, "FR", millesime)
                    .document());
            assertNotEquals(servedBefore, recomputed, "the later load changes the warehouse's figures of " + millesime);
            for (int m : warehouse.millesimes()) {
                if (ReleaseLayout.current(releases, m).isEmpty()) {
                    ReleasePublisher.publish(warehouse, releases, new Publication.Options(m, RAPPORTS, List.of()),
                            Optional.empty(), QUIET);
                }
            }
        }
        assertEquals(ReleaseFiles.listedInManifest(folder), ReleaseFiles.sha256OfEveryFileBut(folder, "release.json"), "after a later load and publier --tous-les-millesimes");
        try (ReleaseStore restarted = ReleaseStore.open(releases)) {
            assertEquals(servedBefore, JSON.writeValueAsString(
                    restarted.table("TAB03-02", Level.NATIONAL, "FR", millesime).document()), "served after a restart");
            assertTrue(restarted.millesimes().contains(millesime + 1), "the later load's new millésime released beside it");
        }
    }

    private static void load(Path work, Path warehouseDir, LocalDate until) throws IOException {
        Path extract = work.resolve("extract-" + until);
        new Generator(new GeneratorOptions(0.05, 17, until, List.of("48"), GeneratorOptions.DEFAULT_HISTORY_FROM))
                .writeTo(extract);
        EtlJob.run(SharedSpark.session(), extract, warehouseDir);
    }
}
