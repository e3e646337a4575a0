package fr.infocentre.warehouse.serving;

import fr.infocentre.warehouse.fixtures.ForeignWarehouse;
import fr.infocentre.warehouse.format.WarehouseFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader checks the format version of the warehouse it opens (the contract of warehouse-format). */
class FormatVersionTest {

    @Test
    void aWarehouseOfAnotherFormatVersionIsRefusedNamingItsLoadJson(@TempDir Path dir) {
        Path loadJson = ForeignWarehouse.write(dir, 2);
        WarehouseFormatException e = assertThrows(WarehouseFormatException.class, () -> Warehouses.open(dir));
        assertEquals(loadJson, e.file());
        assertTrue(e.getMessage().contains("format version 2 is not supported"), e.getMessage());
        assertTrue(e.getMessage().contains("version 1"), "names the version supported: " + e.getMessage());
    }

    @Test
    void aFolderWithoutVersionIsRefusedNamingCurrent(@TempDir Path dir) {
        WarehouseFormatException e = assertThrows(WarehouseFormatException.class, () -> Warehouses.open(dir));
        assertEquals(dir.resolve("CURRENT"), e.file());
    }
}
