package fr.infocentre.warehouse.publication;

import fr.infocentre.warehouse.Column;
import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.Warehouse;
import fr.infocentre.warehouse.catalogue.CatalogueCompleteTest;
import fr.infocentre.warehouse.fixtures.GeneratedWarehouse;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The publication of a whole millésime ({@code ./infocentre publish}) on the generated extract
 * {@link GeneratedWarehouse}: one JSON and one CSV file per rapport and level, one table per
 * territory, protected as the API serves them, an index that counts them, the same bytes
 * whichever way the tables are computed.
 */
class PublicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Warehouse warehouse;
    private static int millesime;
    private static Path output;
    private static Publication.Summary summary;
    private static String progress;

    @BeforeAll
    static void publish() throws IOException {
        warehouse = GeneratedWarehouse.warehouse();
        millesime = GeneratedWarehouse.millesime();
        output = Files.createTempDirectory("publication-");
        ByteArrayOutputStream progressOut = new ByteArrayOutputStream();
        summary = Publication.publish(warehouse, output, Publication.Options.all(millesime),
                new PrintStream(progressOut, true, StandardCharsets.UTF_8));
        progress = progressOut.toString(StandardCharsets.UTF_8);
    }

    private static Path folder() {
        return output;
    }

    @Test
    void theIndexCountsOneTablePerTerritoryOfEveryLevelOfEveryRapport() throws IOException {
        JsonNode index = JSON.readTree(folder().resolve("index.json").toFile());
        assertEquals(millesime, index.get("annee").asInt());
        assertEquals(warehouse.catalogue().stream().map(Rapport::id).toList(), ids(index.get("rapports")));
        long expected = 0;
        for (JsonNode r : index.get("rapports")) {
            Rapport rapport = warehouse.rapport(r.get("id").asText()).orElseThrow();
            List<String> levels = new ArrayList<>();
            long rapportTables = 0;
            for (JsonNode n : r.get("niveaux")) {
                Level level = Level.byKey(n.get("niveau").asText()).orElseThrow();
                levels.add(level.key());
                int territoires = warehouse.territoires(level).size();
                assertEquals(territoires, n.get("tables").asInt(), rapport.id() + " " + level);
                assertEquals(territoires, n.get("territoires").asInt());
                assertTrue(Files.isRegularFile(folder().resolve(n.get("json").asText())));
                assertTrue(Files.isRegularFile(folder().resolve(n.get("csv").asText())));
                rapportTables += territoires;
            }
            assertEquals(rapport.levels().stream().map(Level::key).toList(), levels);
            assertEquals(rapportTables, r.get("tables").asLong());
            expected += rapportTables;
        }
        assertEquals(expected, index.get("tables").asLong());
        assertEquals(expected, summary.tables());
        assertEquals(40, summary.rapports());
        assertFalse(index.toString().matches(".*20\\d\\d-\\d\\d-\\d\\dT.*"), "no timestamp in the index");
    }

    @Test
    void eachJsonFileHoldsTheLevelsTablesAsTheApiServesThem() throws IOException {
        for (Rapport r : warehouse.catalogue()) {
            for (Level level : r.levels()) {
                JsonNode doc = JSON.readTree(file(r, level, "json").toFile());
                assertEquals(r.id(), doc.get("rapport").asText());
                assertEquals(level.key(), doc.get("niveau").asText());
                assertEquals(millesime, doc.get("annee").asInt());
                List<Territoire> territoires = warehouse.territoires(level);
                JsonNode tables = doc.get("tables");
                assertEquals(territoires.size(), tables.size(), r.id() + " " + level);
                for (int i = 0; i < territoires.size(); i++) {
                    JsonNode t = tables.get(i);
                    assertEquals(List.of("rapport", "titre", "territoire", "annee", "colonnes", "lignes", "total",
                            "masques", "notes"), fields(t));
                    assertEquals(territoires.get(i).code(), t.get("territoire").get("code").asText());
                    assertEquals(level.key(), t.get("territoire").get("niveau").asText());
                }
            }
        }
    }

    @Test
    void publishedTablesAreTheProtectedTablesOfTheWarehouse() throws IOException {
        for (String id : List.of("TAB03-02", "TAB04-01", "TAB02-05")) {
            Rapport r = warehouse.rapport(id).orElseThrow();
            for (Level level : r.levels()) {
                JsonNode tables = JSON.readTree(file(r, level, "json").toFile()).get("tables");
                List<Territoire> territoires = warehouse.territoires(level);
                for (int i = 0; i < territoires.size(); i += Math.max(1, territoires.size() / 7)) {
                    RapportTable expected = warehouse.compute(id, level, territoires.get(i).code(), millesime);
                    JsonNode t = tables.get(i);
                    assertEquals(expected.masks().size(), t.get("masques").size(), id + " " + territoires.get(i));
                    for (int l = 0; l < expected.lines().size(); l++) {
                        for (Column c : expected.columns()) {
                            Object v = expected.lines().get(l).get(c.key());
                            JsonNode published = t.get("lignes").get(l).get(c.key());
                            String or = id + " " + territoires.get(i) + " line " + l + " " + c.key();
                            if (v == null) {
                                assertTrue(published.isNull(), or);
                            } else if (v instanceof Number n) {
                                assertEquals(n.doubleValue(), published.asDouble(), 1e-9, or);
                            } else {
                                assertEquals(v.toString(), published.asText(), or);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void eachCsvHasOneRecordPerTerritoryAndCategoryWithMaskedCellsMarkedS() throws IOException {
        long communeMasks = 0;
        for (Rapport r : warehouse.catalogue()) {
            for (Level level : r.levels()) {
                JsonNode tables = JSON.readTree(file(r, level, "json").toFile()).get("tables");
                String text = Files.readString(file(r, level, "csv"), StandardCharsets.UTF_8);
                assertTrue(text.startsWith("\uFEFFCode territoire;Territoire;"), r.id() + " " + level);
                List<CSVRecord> lines;
                try (CSVParser csv = CSVParser.parse(new StringReader(text.substring(1)),
                        CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
                    lines = csv.getRecords();
                }
                assertEquals(tables.get(0).get("colonnes").size() + 2, lines.get(0).size(), "header");
                lines = lines.subList(1, lines.size());
                int expected = 0;
                long masks = 0;
                for (JsonNode t : tables) {
                    expected += t.get("lignes").size() + (t.get("total").isNull() ? 0 : 1);
                    masks += t.get("masques").size();
                }
                assertEquals(expected, lines.size(), r.id() + " " + level + ": territory × category");
                long s = lines.stream().flatMap(rec -> rec.toList().stream()).filter("s"::equals).count();
                assertEquals(masks, s, r.id() + " " + level + ": masked cells");
                assertEquals(tables.get(0).get("territoire").get("code").asText(), lines.get(0).get(0));
                if (level == Level.COMMUNE) {
                    communeMasks += s;
                }
            }
        }
        assertTrue(communeMasks > 0, "a small extract has small counts to mask at commune level");
    }

    @Test
    void progressNamesEachRapportAndLevel() {
        assertTrue(progress.contains("[ 1/40] TAB01-01 "), progress);
        assertTrue(progress.lines().anyMatch(l -> l.startsWith("[40/40] TAB04-16 ") && l.contains("commune ")),
                progress);
    }

    @Test
    void aYearTheDataDoesNotCoverIsRefused() {
        InvalidRequest e = assertThrows(InvalidRequest.class, () -> Publication.publish(warehouse,
                output, Publication.Options.all(1990), new PrintStream(new ByteArrayOutputStream())));
        assertEquals(InvalidRequest.Cause.YEAR_NOT_COVERED, e.motif());
    }

    private static Path file(Rapport r, Level level, String extension) {
        return folder().resolve(r.id()).resolve(level.key() + "." + extension);
    }

    private static List<String> ids(JsonNode rapports) {
        List<String> ids = new ArrayList<>();
        rapports.forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    private static List<String> fields(JsonNode object) {
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        return fields;
    }
}
