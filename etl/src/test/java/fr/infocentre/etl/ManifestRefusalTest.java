package fr.infocentre.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.infocentre.etl.extract.ExtractRefused;
import fr.infocentre.warehouse.format.ServedVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An extract whose files do not match its manifest, or cannot be read as the contract says, is
 * refused as a whole, with a message naming the file (and the line and the column where there is
 * one), and the warehouse keeps serving its previous version untouched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManifestRefusalTest {

    private static final String NOTHING = " — nothing loaded";

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
        assertEquals("demandes.csv: 4 data rows, manifest says 5 — truncated or altered extract; nothing loaded",
                refuse("count", fixture -> fixture.declareRows("demandes.csv", 5)));
    }

    @Test
    void wrongChecksumIsRefused() {
        String[] sha = new String[2];
        String message = refuse("checksum", fixture -> {
            sha[0] = ExtractFixture.sha256(fixture.file("evenements.csv"));
            rewrite(fixture.file("evenements.csv"), text -> text.replace("PGP", "GUICHET"));
            sha[1] = ExtractFixture.sha256(fixture.file("evenements.csv"));
        });
        assertEquals("evenements.csv: sha256 " + sha[1] + ", manifest says " + sha[0]
                + " — truncated or altered extract; nothing loaded", message);
    }

    @Test
    void truncatedFileIsRefused() {
        String message = refuse("truncated", fixture -> {
            List<List<String>> records = fixture.records("evenements.csv");
            fixture.write("evenements.csv", records.subList(0, records.size() - 1)).declareRows("evenements.csv", 9);
        });
        assertEquals("evenements.csv: 8 data rows, manifest says 9 — truncated or altered extract; nothing loaded",
                message);
    }

    @Test
    void fileCutInsideAQuotedFieldIsRefused() {
        String message = refuse("cut", fixture -> fixture.declareRows("guichets.csv", 1)
                .write("guichets.csv", List.of()).appendBytes("guichets.csv", bytes(
                        "code_guichet;libelle;type_guichet;code_commune;date_ouverture;date_fermeture\n"
                                + "G001;\"Mairie de Nice; serv")));
        assertEquals("guichets.csv: ends inside a quoted field (unbalanced \")" + NOTHING, message);
    }

    @Test
    void missingFileIsRefused() {
        String message = refuse("missing", fixture -> delete(fixture.file("attributions.csv")));
        assertEquals("attributions.csv: file missing from the extract, manifest lists it" + NOTHING, message);
    }

    @Test
    void renamedHeaderColumnIsRefusedNamingIt() {
        String message = refuse("renamed", fixture -> editCsv(fixture, "demandes.csv",
                text -> text.replaceFirst(";date_depot;", ";date_dépôt;")));
        assertEquals("demandes.csv: line 1 (header): required column date_depot is missing (columns not in the"
                + " contract: date_dépôt)" + NOTHING, message);
    }

    @Test
    void missingRequiredColumnIsRefused() {
        String message = refuse("column", fixture -> {
            List<List<String>> records = fixture.records("guichets.csv").stream()
                    .map(r -> List.of(r.get(0), r.get(1), r.get(3), r.get(4), r.get(5))).toList();
            fixture.write("guichets.csv", records);
        });
        assertEquals("guichets.csv: line 1 (header): required column type_guichet is missing" + NOTHING, message);
    }

    @Test
    void emptyFileIsRefused() {
        String message = refuse("empty", fixture -> fixture.declareRows("demandes.csv", 0)
                .write("demandes.csv", List.of()));
        assertEquals("demandes.csv: empty file, no header line" + NOTHING, message);
    }

    @Test
    void headerNotInUtf8IsRefused() {
        String message = refuse("header-latin1", fixture -> fixture.write("guichets.csv", List.of())
                .appendBytes("guichets.csv", latin1(
                        "code_guichet;libellé;type_guichet;code_commune;date_ouverture;date_fermeture\n"
                                + "G001;Mairie;COMMUNE;06088;2010-01-01;\nG002;Bailleur Sud;BAILLEUR;13201;2012-03-01;\n")));
        // "code_guichet;libell" is 19 bytes: the Latin-1 é is byte 19 of the file
        assertEquals("guichets.csv: line 1 (header), column 2: invalid UTF-8 at byte 19 — the extract's files must"
                + " be UTF-8; nothing loaded", message);
    }

    @Test
    void fileMostlyNotInUtf8IsRefused() {
        String message = refuse("latin1", fixture -> fixture.write("guichets.csv", List.of())
                .appendBytes("guichets.csv", latin1(
                        "code_guichet;libelle;type_guichet;code_commune;date_ouverture;date_fermeture\n"
                                + "G001;Société d'HLM;COMMUNE;06088;2010-01-01;\n"
                                + "G002;Bailleur du Midi à Marseille;BAILLEUR;13201;2012-03-01;\n")));
        // the header line is 77 bytes, "G001;Soci" 9 more: the first é is byte 86
        assertEquals("guichets.csv: 2 of its 2 data records hold invalid UTF-8 or are oversized, the first line 2"
                + " (record 1), field libelle: invalid UTF-8 at byte 86 — not an extract file in UTF-8, or a damaged"
                + " one; nothing loaded", message);
    }

    @Test
    void oversizedHeaderIsRefused() {
        String message = refuse("wide-header", fixture -> editCsv(fixture, "guichets.csv",
                text -> text.replaceFirst("date_fermeture", "date_fermeture;" + "x".repeat(70_000))));
        // 76 bytes of header, then ";" and 70,000 x: 70,077 bytes in 7 fields
        assertEquals("guichets.csv: line 1 (header): 70,077 bytes and 7 fields, more than a record may hold"
                + " (65,536 bytes, 1,000 fields)" + NOTHING, message);
    }

    @Test
    void malformedManifestIsRefused() {
        String message = refuse("format", fixture -> rewrite(fixture.file("manifest.json"),
                text -> text.replace("\"sne-extract\"", "\"autre-chose\"")));
        assertEquals("manifest.json: format must be \"sne-extract\", found \"autre-chose\"" + NOTHING, message);
    }

    @Test
    void manifestOfAnotherFormatVersionIsRefusedSayingWhichIsSupported() {
        String message = refuse("version-2", fixture -> rewrite(fixture.file("manifest.json"),
                text -> text.replace("\"version\" : 1,", "\"version\" : 2,")));
        assertEquals("manifest.json: version 2 of the extract format is not supported: this ETL reads sne-extract"
                + " version 1 only (docs/extract-format.md)" + NOTHING, message);
    }

    private String refuse(String name, Consumer<ExtractFixture> damage) {
        ExtractFixture fixture = ExtractFixture.copy("tiny", tmp.resolve(name));
        damage.accept(fixture);
        String served = ServedVersion.read(warehouse).name();
        ExtractRefused refused = assertThrows(ExtractRefused.class,
                () -> EtlJob.run(SharedSpark.session(), fixture.dir(), warehouse));
        assertEquals(served, ServedVersion.read(warehouse).name(), "the version served is unchanged");
        assertEquals(before, snapshot(warehouse), "CURRENT and the previous version are untouched");
        return refused.getMessage();
    }

    /** Edits a CSV file as text, then writes the manifest of the edited extract. */
    private static void editCsv(ExtractFixture fixture, String file, UnaryOperator<String> edit) {
        rewrite(fixture.file(file), edit);
        fixture.writeManifest();
    }

    /** Edits a file as text, leaving the manifest as it is. */
    private static void rewrite(Path file, UnaryOperator<String> edit) {
        try {
            String text = Files.readString(file);
            String edited = edit.apply(text);
            assertTrue(!edited.equals(text), "the edit changes " + file);
            Files.writeString(file, edited);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
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
