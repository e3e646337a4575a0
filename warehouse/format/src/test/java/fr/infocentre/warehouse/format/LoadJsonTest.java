package fr.infocentre.warehouse.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadJsonTest {

    /** A load.json exactly as the ETL has written it since format v1 (docs/warehouse-format.md). */
    private static final String V1 = "{\"format\":\"infocentre-warehouse\",\"version\":1,"
            + "\"date_extraction\":\"2025-12-28\",\"perimetre\":[\"06\",\"13\"],\"charge_le\":\"2025-12-28T15:30:12Z\","
            + "\"lignes\":{\"guichets\":2,\"demandes\":4,\"demandes_versions\":4,\"quarantaine\":0},"
            + "\"quarantaine\":{\"guichets.csv\":0,\"demandes.csv\":3}}";

    private static LoadJson sample() {
        Map<String, Long> lignes = new LinkedHashMap<>();
        lignes.put("guichets", 2L);
        lignes.put("demandes", 4L);
        lignes.put("demandes_versions", 4L);
        lignes.put("quarantaine", 0L);
        Map<String, Long> quarantaine = new LinkedHashMap<>();
        quarantaine.put("guichets.csv", 0L);
        quarantaine.put("demandes.csv", 3L);
        return LoadJson.of(LocalDate.of(2025, 12, 28), Optional.of(List.of("06", "13")),
                Instant.parse("2025-12-28T15:30:12Z"), lignes, quarantaine);
    }

    @Test
    void writesTheKeysOfFormatV1InTheirOrder(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve(WarehouseFormat.LOAD_JSON);
        sample().write(file);
        assertEquals(V1, Files.readString(file));
    }

    @Test
    void roundTrip(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("load.json");
        LoadJson written = sample();
        written.write(file);
        LoadJson read = LoadJson.read(file);
        assertEquals(written, read);
        assertEquals(List.of("guichets", "demandes", "demandes_versions", "quarantaine"),
                List.copyOf(read.rowsWritten().keySet()), "order of lignes kept");
        assertTrue(read.supported());
        assertTrue(read.covers("06"));
        assertFalse(read.covers("75"));
    }

    @Test
    void perimetreIsAbsentForAllOfFrance(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("load.json");
        LoadJson national = LoadJson.of(LocalDate.of(2025, 12, 28), Optional.empty(),
                Instant.parse("2025-12-28T15:30:12Z"), Map.of("demandes", 1L), Map.of("demandes.csv", 0L));
        national.write(file);
        assertFalse(Files.readString(file).contains("perimetre"));
        LoadJson read = LoadJson.read(file);
        assertEquals(Optional.empty(), read.perimetre());
        assertTrue(read.covers("2A"));
        assertEquals(national, read);
    }

    @Test
    void readsAnExistingV1File(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("load.json"), V1);
        LoadJson read = LoadJson.read(file);
        assertEquals(sample(), read);
        assertEquals(3L, read.rowsQuarantined().get("demandes.csv"));
    }

    @Test
    void theExtractsFilesAndTheMergeCountsRoundTripAfterTheKeysOfFormatV1(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("load.json");
        Map<String, LoadJson.FileDigest> extrait = new LinkedHashMap<>();
        extrait.put("demandes.csv", new LoadJson.FileDigest(4, "ab".repeat(32)));
        Map<String, Long> demandes = new LinkedHashMap<>();
        demandes.put("lues", 4L);
        demandes.put("nouvelles", 1L);
        LoadJson written = sample().withExtractFiles(extrait).withMerge(Map.of("demandes.csv", demandes));
        written.write(file);
        assertEquals(V1.substring(0, V1.length() - 1) + ",\"extrait\":{\"demandes.csv\":{\"lignes\":4,\"sha256\":\""
                + "ab".repeat(32) + "\"}},\"fusion\":{\"demandes.csv\":{\"lues\":4,\"nouvelles\":1}}}", Files.readString(file));
        assertEquals(written, LoadJson.read(file));
        assertEquals(Map.of(), LoadJson.read(Files.writeString(tmp.resolve("v1.json"), V1)).extractFiles(),
                "a version written before the merge has none");
    }

    @Test
    void refusesAnotherFormatVersionNamingTheFileAndBothVersions(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("load.json"), V1.replace("\"version\":1", "\"version\":2"));
        WarehouseFormatException e = assertThrows(WarehouseFormatException.class, () -> LoadJson.read(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("format version 2 is not supported"), e.getMessage());
        assertTrue(e.getMessage().contains("infocentre-warehouse version 1"), e.getMessage());
    }

    @Test
    void refusesAMissingVersion(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("load.json"), V1.replace("\"version\":1,", ""));
        WarehouseFormatException e = assertThrows(WarehouseFormatException.class, () -> LoadJson.read(file));
        assertTrue(e.getMessage().contains("format version (absent) is not supported"), e.getMessage());
    }

    @Test
    void refusesAnotherFormatName(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("load.json"), V1.replace("infocentre-warehouse", "sne-extract"));
        WarehouseFormatException e = assertThrows(WarehouseFormatException.class, () -> LoadJson.read(file));
        assertTrue(e.getMessage().startsWith(file + ": format \"sne-extract\" is not supported"), e.getMessage());
        assertTrue(e.getMessage().contains("infocentre-warehouse version 1"), e.getMessage());
    }

    @Test
    void refusesAMissingFile(@TempDir Path tmp) {
        Path file = tmp.resolve("load.json");
        WarehouseFormatException e = assertThrows(WarehouseFormatException.class, () -> LoadJson.read(file));
        assertEquals(file, e.file());
        assertEquals(file + " is missing: the version has no load.json", e.getMessage());
    }

    @Test
    void refusesGarbledJson(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("load.json"), V1.substring(0, 40));
        WarehouseFormatException e = assertThrows(WarehouseFormatException.class, () -> LoadJson.read(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file + " is not valid JSON"), e.getMessage());
    }

    @Test
    void refusesMissingOrMalformedFields(@TempDir Path tmp) throws IOException {
        Map<String, String> cases = Map.of(
                V1.replace("\"2025-12-28\"", "\"28/12/2025\""), "date_extraction must be a yyyy-MM-dd date",
                V1.replace("\"charge_le\":\"2025-12-28T15:30:12Z\",", ""), "charge_le is missing",
                V1.replace("[\"06\",\"13\"]", "\"06\""), "perimetre must be an array",
                V1.replace("\"demandes\":4", "\"demandes\":-4"), "lignes.demandes must be a non-negative integer",
                V1.replace(",\"quarantaine\":{\"guichets.csv\":0,\"demandes.csv\":3}", ""), "quarantaine must be an object",
                "[1,2]", "is not a JSON object",
                V1.replace("}}", "},\"extrait\":{\"demandes.csv\":{\"lignes\":\"4\"}}}"),
                "extrait.demandes.csv must hold lignes (a non-negative integer) and sha256");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path file = Files.writeString(tmp.resolve("load.json"), c.getKey());
            WarehouseFormatException e = assertThrows(WarehouseFormatException.class, () -> LoadJson.read(file),
                    c.getValue());
            assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains(c.getValue()), e.getMessage());
        }
    }
}
