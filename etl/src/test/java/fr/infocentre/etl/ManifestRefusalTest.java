package fr.infocentre.etl;

import fr.infocentre.etl.extract.ExtractRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An extract whose files do not match its manifest is refused as a whole, with a message naming
 * the file, and the warehouse keeps serving its previous version untouched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManifestRefusalTest {

    private Path tmp;
    private Path warehouse;
    private Map<String, String> before;

    @BeforeAll
    void loadAGoodExtractFirst(@TempDir Path dir) {
        tmp = dir;
        warehouse = tmp.resolve("warehouse");
        EtlJob.run(SharedSpark.session(), ExtractFixture.copy("tiny", tmp.resolve("good")).dir(), warehouse);
        before = snapshot(warehouse);
    }

    @Test
    void wrongRowCountIsRefused() {
        String message = refuse("count", fixture -> fixture.declareRows("demandes.csv", 5));
        assertTrue(message.startsWith("demandes.csv: 4 data rows, manifest says 5"), message);
    }

    @Test
    void wrongChecksumIsRefused() {
        String message = refuse("checksum", fixture -> {
            try {
                Files.writeString(fixture.file("evenements.csv"),
                        Files.readString(fixture.file("evenements.csv")).replace("PGP", "GUICHET"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertTrue(message.startsWith("evenements.csv: sha256"), message);
    }

    @Test
    void truncatedFileIsRefused() {
        String message = refuse("truncated", fixture -> {
            List<List<String>> records = fixture.records("evenements.csv");
            fixture.write("evenements.csv", records.subList(0, records.size() - 1)).declareRows("evenements.csv", 9);
        });
        assertTrue(message.startsWith("evenements.csv: 8 data rows, manifest says 9"), message);
    }

    @Test
    void missingFileIsRefused() {
        String message = refuse("missing", fixture -> {
            try {
                Files.delete(fixture.file("attributions.csv"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertTrue(message.startsWith("attributions.csv: file missing"), message);
    }

    @Test
    void missingRequiredColumnIsRefused() {
        String message = refuse("column", fixture -> {
            List<List<String>> records = fixture.records("guichets.csv").stream()
                    .map(r -> List.of(r.get(0), r.get(1), r.get(3), r.get(4), r.get(5))).toList();
            fixture.write("guichets.csv", records);
        });
        assertTrue(message.contains("guichets.csv") && message.contains("type_guichet"), message);
    }

    @Test
    void malformedManifestIsRefused() {
        String message = refuse("format", fixture -> editManifest(fixture, "sne-extract", "autre-chose"));
        assertTrue(message.startsWith("manifest.json"), message);
    }

    private String refuse(String name, Consumer<ExtractFixture> damage) {
        ExtractFixture fixture = ExtractFixture.copy("tiny", tmp.resolve(name));
        damage.accept(fixture);
        ExtractRefused refused = assertThrows(ExtractRefused.class,
                () -> EtlJob.run(SharedSpark.session(), fixture.dir(), warehouse));
        assertEquals(before, snapshot(warehouse), "CURRENT and the previous version are untouched");
        return refused.getMessage();
    }

    private static void editManifest(ExtractFixture fixture, String from, String to) {
        try {
            Path manifest = fixture.file("manifest.json");
            String text = Files.readString(manifest);
            assertTrue(text.contains(from), text);
            Files.writeString(manifest, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file of the warehouse with its checksum. */
    private static Map<String, String> snapshot(Path warehouse) {
        try (Stream<Path> files = Files.walk(warehouse)) {
            Map<String, String> snapshot = new TreeMap<>();
            files.filter(Files::isRegularFile)
                    .forEach(f -> snapshot.put(warehouse.relativize(f).toString(), ExtractFixture.sha256(f)));
            return snapshot;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
