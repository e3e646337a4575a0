package fr.infocentre.warehouse.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void theTablesOfDocsWarehouseFormat() {
        assertEquals(List.of("demandes", "demandes_versions", "evenements", "periodes", "attributions", "guichets",
                        "communes", "epci", "departements", "regions", "quarantaine", "plafonds", "zones_plafonds"),
                Arrays.stream(Table.values()).map(Table::tableName).toList());
        for (Table t : Table.values()) {
            assertEquals(t, Table.named(t.tableName()));
        }
        assertThrows(IllegalArgumentException.class, () -> Table.named("Demandes"));
    }

    @Test
    void layoutNames() {
        Path w = Path.of("/data/warehouse");
        assertEquals(Path.of("/data/warehouse/CURRENT"), WarehouseFormat.currentFile(w));
        assertEquals(Path.of("/data/warehouse/versions/v1/load.json"),
                WarehouseFormat.loadJsonFile(WarehouseFormat.versionDir(w, "v1")));
        assertEquals(Path.of("/data/warehouse/versions/.staging-v1"), WarehouseFormat.stagingDir(w, "v1"));
        assertTrue(WarehouseFormat.isStaging(".staging-v1"));
        assertEquals(Path.of("/data/warehouse/versions/v1/zones_plafonds"),
                Table.ZONES_PLAFONDS.in(WarehouseFormat.versionDir(w, "v1")));
        assertEquals("infocentre-warehouse version 1", WarehouseFormat.supported());
    }
}
