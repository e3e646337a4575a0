package fr.infocentre.warehouse.opendata;

import fr.infocentre.warehouse.Warehouse;
import fr.infocentre.warehouse.fixtures.GeneratedWarehouse;
import fr.infocentre.warehouse.publication.Publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The open data of a publication of three rapports of {@link GeneratedWarehouse} (every level,
 * communes included), checked against the level JSON files read independently: one record per
 * territory × line, the same values, masked cells empty and flagged, the Parquet equal to the CSV,
 * every record valid against its Table Schema (Frictionless's own validator), sizes and checksums as listed, the same bytes twice.
 */
class OpenDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** With a total and figures of the three types; without a total, with figures that do not exist; a third. */
    private static final List<String> RAPPORTS = List.of("TAB04-01", "TAB02-02", "TAB03-02");

    private static Path publication;
    private static Path out;
    private static Path again;
    private static JsonNode dataPackage;

    @BeforeAll
    static void write() throws IOException {
        Warehouse warehouse = GeneratedWarehouse.warehouse();
        publication = Files.createTempDirectory("opendata-publication-");
        Publication.publish(warehouse, publication, new Publication.Options(GeneratedWarehouse.millesime(),
                RAPPORTS, List.of()), new PrintStream(OutputStream.nullOutputStream()));
        out = Files.createTempDirectory("opendata-").resolve("opendata");
        long start = System.nanoTime();
        OpenData.write(publication, out, Optional.empty());
        System.out.printf("open data of %d rapports written in %.2f s%n", RAPPORTS.size(),
                (System.nanoTime() - start) / 1e9);
        again = Files.createTempDirectory("opendata-again-").resolve("opendata");
        OpenData.write(publication, again, Optional.empty());
        dataPackage = JSON.readTree(out.resolve("datapackage.json").toFile());
    }

    @Test
    void oneRecordPerTerritoryAndLineOfEveryLevelInOrder() throws IOException {
        for (String id : RAPPORTS) {
            List<List<String>> expected = new ArrayList<>();
            for (JsonNode table : tables(id)) {
                for (JsonNode line : lines(table)) {
                    expected.add(List.of(table.get("territoire").get("niveau").asText(),
                            table.get("territoire").get("code").asText(), line.get("cle").asText()));
                }
            }
            List<List<String>> written = records(id).stream()
                    .map(r -> List.of(r.get("niveau"), r.get("code"), r.get("categorie"))).toList();
            assertEquals(expected, written, id);
        }
        assertTrue(records("TAB04-01").stream().anyMatch(r -> r.get("niveau").equals("commune")));
        assertTrue(records("TAB04-01").stream().anyMatch(r -> r.get("categorie").equals("total")));
    }

    @Test
    void theCsvIsUtf8WithoutBomCommaSeparatedWithOneHeaderRow() throws IOException {
        for (String id : RAPPORTS) {
            byte[] bytes = Files.readAllBytes(out.resolve(id + ".csv"));
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertTrue(text.startsWith("niveau,code,libelle,categorie,categorie_libelle,"), id);
            assertFalse(text.contains(";"), id + ": no French-spreadsheet separator");
            assertFalse(text.matches("(?s).*[0-9],[0-9]{1,2}\"\\r?\\n.*"), id + ": no decimal comma");
        }
        String header = Files.readAllLines(out.resolve("TAB04-01.csv")).get(0);
        assertEquals("niveau,code,libelle,categorie,categorie_libelle,effectif,effectif_secret,part,part_secret,"
                + "delai_moyen,delai_moyen_secret,delai_median,delai_median_secret", header);
    }

    @Test
    void theValuesOfSomeTerritoriesAreThoseOfTheJson() throws IOException {
        int checked = 0;
        int masked = 0;
        int absent = 0;
        for (String id : RAPPORTS) {
            Map<List<String>, CSVRecord> byKey = new HashMap<>();
            records(id).forEach(r -> byKey.put(List.of(r.get("niveau"), r.get("code"), r.get("categorie")), r));
            List<JsonNode> tables = tables(id);
            for (int i = 0; i < tables.size(); i += 3) {
                JsonNode table = tables.get(i);
                JsonNode territoire = table.get("territoire");
                Set<String> masks = new TreeSet<>();
                table.get("masques").forEach(m -> masks.add(m.get("ligne").asText() + "/" + m.get("colonne").asText()));
                for (JsonNode line : lines(table)) {
                    String cle = line.get("cle").asText();
                    CSVRecord record = byKey.get(List.of(territoire.get("niveau").asText(),
                            territoire.get("code").asText(), cle));
                    String where = id + " " + territoire + " " + cle;
                    assertEquals(territoire.get("nom").asText(), record.get("libelle"), where);
                    for (JsonNode c : table.get("colonnes")) {
                        String key = c.get("cle").asText();
                        JsonNode value = line.get(key);
                        if (c.get("type").asText().equals("LIBELLE")) {
                            assertEquals(value.asText(), record.get("categorie_libelle"), where);
                        } else if (masks.contains(cle + "/" + key)) {
                            assertTrue(value.isNull(), where + " " + key + " masked in the JSON");
                            assertEquals("", record.get(key), where + " " + key);
                            assertEquals("true", record.get(key + "_secret"), where + " " + key);
                            masked++;
                        } else if (value.isNull()) {
                            assertEquals("", record.get(key), where + " " + key);
                            assertEquals("false", record.get(key + "_secret"), where + " " + key);
                            absent++;
                        } else {
                            if (c.get("type").asText().equals("EFFECTIF")) {
                                assertEquals(value.asText(), record.get(key), where + " " + key);
                            }
                            assertEquals(value.asDouble(), Double.parseDouble(record.get(key)), where + " " + key);
                            assertEquals("false", record.get(key + "_secret"), where + " " + key);
                        }
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 1000, checked + " cells checked");
        assertTrue(masked > 0, "some checked cells are masked");
        assertTrue(absent > 0, "some checked figures do not exist");
    }

    @Test
    void noMaskedCellHasAValueAndEveryMaskIsFlagged() throws IOException {
        for (String id : RAPPORTS) {
            long masques = tables(id).stream().mapToLong(t -> t.get("masques").size()).sum();
            long flagged = 0;
            for (CSVRecord r : records(id)) {
                for (Map.Entry<String, String> cell : r.toMap().entrySet()) {
                    if (cell.getKey().endsWith("_secret")) {
                        assertTrue(Set.of("true", "false").contains(cell.getValue()), id + " " + cell);
                        String figure = cell.getKey().substring(0, cell.getKey().length() - "_secret".length());
                        if (cell.getValue().equals("true")) {
                            assertEquals("", r.get(figure), id + " " + r);
                            flagged++;
                        }
                    }
                }
            }
            assertEquals(masques, flagged, id);
        }
    }

    @Test
    void theParquetHoldsTheRowsOfTheCsvTyped() throws IOException, SQLException {
        int summed = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = c.createStatement()) {
            for (String id : RAPPORTS) {
                String parquet = "read_parquet('" + out.resolve(id + ".parquet") + "')";
                JsonNode colonnes = tables(id).get(0).get("colonnes");
                Map<String, String> expected = new LinkedHashMap<>();
                List.of("niveau", "code", "libelle", "categorie", "categorie_libelle").forEach(n -> expected.put(n, "VARCHAR"));
                for (JsonNode col : colonnes) {
                    String type = col.get("type").asText();
                    if (!type.equals("LIBELLE")) {
                        expected.put(col.get("cle").asText(), type.equals("EFFECTIF") ? "BIGINT" : "DOUBLE");
                        expected.put(col.get("cle").asText() + "_secret", "BOOLEAN");
                    }
                }
                Map<String, String> types = new LinkedHashMap<>();
                try (ResultSet rs = sql.executeQuery("DESCRIBE SELECT * FROM " + parquet)) {
                    while (rs.next()) {
                        types.put(rs.getString("column_name"), rs.getString("column_type"));
                    }
                }
                assertEquals(expected, types, id);
                List<CSVRecord> records = records(id);
                for (String column : expected.keySet()) {
                    if (!expected.get(column).equals("BIGINT") && !expected.get(column).equals("DOUBLE")) {
                        continue;
                    }
                    try (ResultSet rs = sql.executeQuery("SELECT count(*), count(" + column + "), sum(" + column
                            + "), count(*) FILTER (WHERE " + column + "_secret) FROM " + parquet)) {
                        rs.next();
                        List<String> values = records.stream().map(r -> r.get(column)).filter(v -> !v.isEmpty()).toList();
                        String where = id + " " + column;
                        assertEquals(records.size(), rs.getLong(1), where);
                        assertEquals(values.size(), rs.getLong(2), where);
                        Object sum = rs.getObject(3);
                        summed += values.isEmpty() ? 0 : 1;
                        if (values.isEmpty()) {
                            assertEquals(null, sum, where);
                        } else if (expected.get(column).equals("BIGINT")) {
                            assertEquals(values.stream().mapToLong(Long::parseLong).sum(), ((Number) sum).longValue(),
                                    where);
                        } else {
                            double expectedSum = values.stream().mapToDouble(Double::parseDouble).sum();
                            assertEquals(expectedSum, ((Number) sum).doubleValue(),
                                    1e-9 * Math.max(1, Math.abs(expectedSum)), where);
                        }
                        assertEquals(records.stream().filter(r -> r.get(column + "_secret").equals("true")).count(),
                                rs.getLong(4), where);
                    }
                }
            }
        }
        assertTrue(summed > 3, summed + " figure columns summed");
    }

    @Test
    void everyCsvRecordValidatesAgainstItsTableSchema() throws IOException, InterruptedException {
        assumeTrue(Frictionless.available(), "Frictionless validator not installed (.ci/install-test-tools)");
        assertEquals(List.of(), Frictionless.errors(out.resolve("datapackage.json")));
        JsonNode fields = dataPackage.get("resources").get(0).get("schema").get("fields");
        assertEquals("integer", fieldType(fields, "effectif"));
        assertEquals("number", fieldType(fields, "part"));
        assertEquals("boolean", fieldType(fields, "effectif_secret"));
        assertEquals("string", fieldType(fields, "code"));
    }

    @Test
    void theValidatorCatchesCastEnumAndKeyErrors() throws IOException, InterruptedException {
        assumeTrue(Frictionless.available(), "Frictionless validator not installed (.ci/install-test-tools)");
        Path broken = Files.createTempDirectory("opendata-broken-");
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                Files.copy(f, broken.resolve(f.getFileName()));
            }
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(out.resolve("TAB04-01.csv")));
        String[] cells = lines.get(1).split(",", -1);
        cells[5] = "1.5";   // a count that is not an integer
        cells[6] = "oui";   // a flag that is not a boolean
        cells[0] = "pays";  // a niveau out of the enum
        lines.set(1, String.join(",", cells));
        lines.add(lines.get(2)); // a primary key twice
        Files.write(broken.resolve("TAB04-01.csv"), lines);
        List<String> errors = Frictionless.errors(broken.resolve("datapackage.json"));
        assertEquals(4, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("TAB04-01.csv row 2 field "), errors.get(0));
        assertTrue(errors.stream().anyMatch(e -> e.contains("row " + lines.size() + ":") && e.contains("unique")),
                errors.toString());
    }

    @Test
    void theDataPackageListsEveryFileWithItsBytesAndSha256() throws IOException, NoSuchAlgorithmException {
        Set<String> listed = new TreeSet<>(Set.of("datapackage.json"));
        for (JsonNode resource : dataPackage.get("resources")) {
            Path file = out.resolve(resource.get("path").asText());
            byte[] bytes = Files.readAllBytes(file);
            assertEquals(bytes.length, resource.get("bytes").asLong(), file.toString());
            assertEquals("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                    resource.get("hash").asText(), file.toString());
            listed.add(resource.get("path").asText());
        }
        Set<String> expected = new TreeSet<>(Set.of("datapackage.json"));
        RAPPORTS.forEach(id -> expected.addAll(List.of(id + ".csv", id + ".parquet")));
        assertEquals(expected, listed);
        assertEquals(expected, files(out));
        assertEquals("etalab-2.0", dataPackage.get("licenses").get(0).get("name").asText());
        assertEquals(GeneratedWarehouse.millesime(), dataPackage.get("millesime").asInt());
        assertFalse(dataPackage.has("created"), "no date given, no date");
        assertTrue(dataPackage.get("resources").get(0).get("description").asText()
                .startsWith("Ancienneté de la demande à l'attribution. "));
    }

    @Test
    void theSamePublicationGivesTheSameBytes() throws IOException {
        assertEquals(files(out), files(again));
        for (String name : files(out)) {
            assertArrayEquals(Files.readAllBytes(out.resolve(name)), Files.readAllBytes(again.resolve(name)), name);
        }
    }

    @Test
    void theCreationDateIsTheDateGiven() throws IOException {
        Path dated = Files.createTempDirectory("opendata-dated-").resolve("opendata");
        OpenData.write(publication, dated, Optional.of("2026-02-02T09:30:00Z"));
        assertEquals("2026-02-02T09:30:00Z", JSON.readTree(dated.resolve("datapackage.json").toFile())
                .get("created").asText());
        for (String id : RAPPORTS) {
            assertArrayEquals(Files.readAllBytes(out.resolve(id + ".csv")), Files.readAllBytes(dated.resolve(id + ".csv")));
        }
        assertNotEquals(Files.readString(out.resolve("datapackage.json")), Files.readString(dated.resolve("datapackage.json")));
    }

    @Test
    void aFolderAlreadyWrittenIsRefused() {
        assertThrows(IllegalStateException.class, () -> OpenData.write(publication, out, Optional.empty()));
    }

    private static String fieldType(JsonNode fields, String name) {
        for (JsonNode f : fields) {
            if (f.get("name").asText().equals(name)) {
                return f.get("type").asText();
            }
        }
        throw new AssertionError("no field " + name);
    }

    /** Every table of the rapport, level after level, read whole (the fixture's files are small). */
    private static List<JsonNode> tables(String id) throws IOException {
        List<JsonNode> tables = new ArrayList<>();
        for (JsonNode r : JSON.readTree(publication.resolve("index.json").toFile()).get("rapports")) {
            if (r.get("id").asText().equals(id)) {
                for (JsonNode n : r.get("niveaux")) {
                    JSON.readTree(publication.resolve(n.get("json").asText()).toFile()).get("tables").forEach(tables::add);
                }
            }
        }
        return tables;
    }

    private static List<JsonNode> lines(JsonNode table) {
        List<JsonNode> lines = new ArrayList<>();
        table.get("lignes").forEach(lines::add);
        if (!table.get("total").isNull()) {
            lines.add(table.get("total"));
        }
        return lines;
    }

    private static List<CSVRecord> records(String id) throws IOException {
        try (Reader reader = Files.newBufferedReader(out.resolve(id + ".csv"), StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.parse(reader, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return csv.getRecords();
        }
    }

    private static Set<String> files(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return new TreeSet<>(children.map(p -> p.getFileName().toString()).toList());
        }
    }
}
