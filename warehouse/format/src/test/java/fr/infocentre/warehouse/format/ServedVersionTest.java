package fr.infocentre.warehouse.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServedVersionTest {

    private static final String NAME = "v20251228T153012Z";

    private static Path version(Path warehouse, String name) throws IOException {
        Path dir = Files.createDirectories(warehouse.resolve("versions").resolve(name));
        Files.writeString(warehouse.resolve("CURRENT"), name + "\n");
        return dir;
    }

    @Test
    void readsTheVersionNamedByCurrent(@TempDir Path warehouse) throws IOException {
        Path dir = version(warehouse, NAME);
        Files.createDirectories(warehouse.resolve("versions").resolve(".staging-v20251229T000000Z"));
        LoadJson load = LoadJson.of(LocalDate.of(2025, 12, 28), Optional.of(List.of("48")),
                Instant.parse("2025-12-28T15:30:12Z"), Map.of("demandes", 10L), Map.of("demandes.csv", 1L));
        load.write(dir.resolve("load.json"));

        ServedVersion served = ServedVersion.read(warehouse);
        assertEquals(NAME, served.name());
        assertEquals(dir, served.directory());
        assertEquals(load, served.load());
        assertEquals(dir.resolve("demandes_versions"), served.table(Table.DEMANDES_VERSIONS));
    }

    @Test
    void refusesAWarehouseWithoutCurrent(@TempDir Path warehouse) {
        WarehouseFormatException e = assertThrows(WarehouseFormatException.class, () -> ServedVersion.read(warehouse));
        assertEquals(warehouse.resolve("CURRENT"), e.file());
        assertEquals("No version to serve: " + warehouse.resolve("CURRENT") + " is missing", e.getMessage());
    }

    @Test
    void refusesACurrentNamingNoVersionFolder(@TempDir Path warehouse) throws IOException {
        Files.writeString(warehouse.resolve("CURRENT"), NAME + "\n");
        WarehouseFormatException e = assertThrows(WarehouseFormatException.class, () -> ServedVersion.read(warehouse));
        assertEquals(warehouse.resolve("CURRENT"), e.file());
        assertTrue(e.getMessage().contains("names version " + NAME), e.getMessage());
        assertTrue(e.getMessage().contains(warehouse.resolve("versions").resolve(NAME) + " does not exist"),
                e.getMessage());
        Files.writeString(warehouse.resolve("CURRENT"), "../elsewhere\n");
        assertThrows(WarehouseFormatException.class, () -> ServedVersion.read(warehouse));
    }

    @Test
    void refusesAVersionWithoutLoadJsonNamingIt(@TempDir Path warehouse) throws IOException {
        Path dir = version(warehouse, NAME);
        WarehouseFormatException e = assertThrows(WarehouseFormatException.class, () -> ServedVersion.read(warehouse));
        assertEquals(dir.resolve("load.json"), e.file());
        assertTrue(e.getMessage().contains(dir.resolve("load.json") + " is missing"), e.getMessage());
    }

    @Test
    void refusesAVersionOfFormatVersion2(@TempDir Path warehouse) throws IOException {
        Path dir = version(warehouse, NAME);
        Path file = Files.writeString(dir.resolve("load.json"), "{\"format\":\"infocentre-warehouse\",\"version\":2,"
                + "\"date_extraction\":\"2027-01-03\",\"charge_le\":\"2027-01-03T10:00:00Z\",\"lignes\":{},\"quarantaine\":{}}");
        WarehouseFormatException e = assertThrows(WarehouseFormatException.class, () -> ServedVersion.read(warehouse));
        assertEquals(file, e.file());
        assertEquals(file + ": format version 2 is not supported: this code reads infocentre-warehouse version 1 only",
                e.getMessage());
    }

    @Test
    void refusesAGarbledLoadJson(@TempDir Path warehouse) throws IOException {
        Path dir = version(warehouse, NAME);
        Path file = Files.writeString(dir.resolve("load.json"), "{\"format\":\"infocentre-warehouse\",\"vers");
        WarehouseFormatException e = assertThrows(WarehouseFormatException.class, () -> ServedVersion.read(warehouse));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file + " is not valid JSON"), e.getMessage());
    }
}
