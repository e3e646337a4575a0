package fr.infocentre.warehouse.release;

import fr.infocentre.warehouse.fixtures.GeneratedWarehouse;
import fr.infocentre.warehouse.publication.Publication;
import fr.infocentre.warehouse.serving.DuckDbWarehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Releases of the generated millésime: audited, checksummed, read-only, switched by CURRENT;
 * never overwritten — publishing again is refused without a reason and changes nothing, a
 * republication adds an edition and keeps the previous one.
 */
class ReleasePublisherTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> RAPPORTS = List.of("TAB04-01", "TAB02-02");

    private static DuckDbWarehouse warehouse;
    private static int millesime;

    @BeforeAll
    static void open() {
        warehouse = (DuckDbWarehouse) GeneratedWarehouse.warehouse();
        millesime = GeneratedWarehouse.millesime();
    }

    private static ReleasePublisher.Released release(Path releases, Optional<String> reason) {
        return ReleasePublisher.publish(warehouse, releases, new Publication.Options(millesime, RAPPORTS, List.of()),
                reason, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void aReleaseIsItsFilesTheirChecksumsAndCurrent() throws IOException {
        Path releases = Files.createTempDirectory("releases-");
        ReleasePublisher.Released r = release(releases, Optional.empty());
        Path year = releases.resolve(String.valueOf(millesime));
        assertEquals(year.resolve("1"), r.folder());
        assertEquals("1", Files.readString(year.resolve("CURRENT")).strip());
        assertEquals(Optional.of(r.folder()), ReleaseLayout.served(releases, millesime));

        JsonNode manifest = JSON.readTree(r.folder().resolve("release.json").toFile());
        assertEquals(millesime, manifest.get("millesime").asInt());
        assertEquals(warehouse.version().load().dateExtraction().toString(), manifest.get("date_extraction").asText());
        assertEquals("PASS", manifest.at("/secret_statistique/audit").asText());
        JsonNode byRapport = manifest.at("/secret_statistique/par_rapport");
        assertEquals(RAPPORTS, List.copyOf(iterable(byRapport.fieldNames())));
        for (String level : iterable(manifest.at("/secret_statistique/par_niveau").fieldNames())) {
            for (String count : List.of("cases_publiees", "masquees_primaires", "masquees_secondaires")) {
                long sum = 0;
                for (String rapport : RAPPORTS) {
                    sum += byRapport.path(rapport).path(level).path(count).asLong();
                }
                assertEquals(manifest.at("/secret_statistique/par_niveau/" + level + "/" + count).asLong(), sum,
                        "the rapports' " + count + " at level " + level + " add up to the level's");
            }
        }
        Map<String, String> listed = ReleaseFiles.listedInManifest(r.folder());
        Map<String, String> onDisk = ReleaseFiles.sha256OfEveryFileBut(r.folder(), "release.json");
        assertEquals(onDisk, listed, "the manifest lists every file with its SHA-256");
        assertTrue(listed.containsKey("index.json") && listed.containsKey("TAB04-01/commune.csv"), listed.keySet().toString());
        try (Stream<Path> paths = Files.walk(r.folder())) {
            for (Path p : paths.toList()) {
                assertTrue(Files.getPosixFilePermissions(p).stream().noneMatch(m -> m.name().endsWith("WRITE")),
                        p + " is read-only: " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            }
        }
        try (Stream<Path> children = Files.list(year)) {
            assertEquals(List.of("1", "CURRENT"), children.map(p -> p.getFileName().toString()).sorted().toList(),
                    "nothing left aside");
        }
    }

    @Test
    void publishingAgainIsRefusedAndChangesNothing() throws IOException {
        Path releases = Files.createTempDirectory("releases-");
        ReleasePublisher.Released first = release(releases, Optional.empty());
        Map<String, String> before = ReleaseFiles.sha256OfEveryFileBut(releases, "");
        ReleaseRefused refused = assertThrows(ReleaseRefused.class, () -> release(releases, Optional.empty()));
        assertTrue(refused.getMessage().contains("déjà publié") && refused.getMessage().contains("--republier"),
                refused.getMessage());
        assertEquals(before, ReleaseFiles.sha256OfEveryFileBut(releases, ""), "not one byte changed");
        assertEquals(Optional.of(first.folder()), ReleaseLayout.served(releases, millesime));
    }

    @Test
    void aRepublicationAddsAnEditionKeepsThePreviousOneAndRecordsItsReason() throws IOException {
        Path releases = Files.createTempDirectory("releases-");
        ReleasePublisher.Released first = release(releases, Optional.empty());
        Map<String, String> firstFiles = ReleaseFiles.sha256OfEveryFileBut(first.folder(), "");
        ReleasePublisher.Released second = release(releases, Optional.of("correction du libellé d'une commune"));
        assertEquals(2, second.edition());
        assertEquals(Optional.of(second.folder()), ReleaseLayout.served(releases, millesime));
        assertEquals(firstFiles, ReleaseFiles.sha256OfEveryFileBut(first.folder(), ""), "edition 1 kept as it was");
        JsonNode manifest = JSON.readTree(second.folder().resolve("release.json").toFile());
        assertEquals(1, manifest.at("/republication/remplace").asInt());
        assertEquals("correction du libellé d'une commune", manifest.at("/republication/motif").asText());
    }

    @Test
    void aReasonForAMillesimeNeverReleasedIsRefused() throws IOException {
        Path releases = Files.createTempDirectory("releases-");
        assertThrows(ReleaseRefused.class, () -> release(releases, Optional.of("motif")));
        try (Stream<Path> children = Files.list(releases)) {
            assertEquals(0, children.count(), "nothing written");
        }
    }

    @Test
    void whatAnInterruptedReleaseLeftIsSweptAndNeverServed() throws IOException {
        Path releases = Files.createTempDirectory("releases-");
        Path partial = releases.resolve(millesime + "/.1.partial/TAB04-01");
        Files.createDirectories(partial);
        Files.writeString(partial.resolve("national.json"), "{ interrupted");
        assertEquals(Optional.empty(), ReleaseLayout.served(releases, millesime), "a partial release is not served");
        ReleasePublisher.Released r = release(releases, Optional.empty());
        assertTrue(JSON.readTree(r.folder().resolve("TAB04-01/national.json").toFile()).has("tables"));
        assertFalse(Files.exists(releases.resolve(millesime + "/.1.partial")));
    }
}
