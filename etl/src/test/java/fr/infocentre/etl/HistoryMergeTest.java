package fr.infocentre.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.infocentre.etl.history.ExtractSequence;
import fr.infocentre.warehouse.format.LoadJson;
import fr.infocentre.warehouse.format.ServedVersion;
import fr.infocentre.warehouse.format.Table;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two weekly extracts merged one after the other (docs/warehouse-format.md, "The weekly merge"),
 * every figure worked out by hand from the tiny fixture. Week 1 is tiny as it is (28 December
 * 2025: demandes 1 to 4, 9 events, 1 attribution, 5 periods). Week 2 (4 January 2026), as the SNE
 * would hand it over a week later: demande 2 (radiated for its attribution in June) purged with
 * its 2 events and its attribution; demande 1's household grew from 2 to 3 persons (a MODIFICATION
 * on 2 January); demande 5 created on 3 January; demandes 3 and 4 as they were.
 */
class HistoryMergeTest {

    private static final String D1 = "0612024000001", D2 = "1312024000002", D5 = "0612026000005";

    @TempDir
    static Path tmp;
    private static final SparkSession SPARK = SharedSpark.session();
    private static Path warehouse;
    private static LoadReport week1;
    private static LoadReport week2;

    static ExtractFixture secondWeek(Path dir) {
        ExtractFixture x = ExtractFixture.copy("tiny", dir).dated("2026-01-04");
        x.remove("demandes.csv", D2).remove("evenements.csv", D2).remove("attributions.csv", D2);
        x.set("demandes.csv", D1, "taille_menage", "3").set("demandes.csv", D1, "date_modification", "2026-01-02");
        x.append("evenements.csv", D1 + ";2026-01-02;MODIFICATION;G001;GUICHET;", D5 + ";2026-01-03;CREATION;G001;GUICHET;");
        x.append("demandes.csv", x.lineLike("demandes.csv", Map.of("numero_unique", D5, "date_depot", "2026-01-03",
                "date_enregistrement", "2026-01-03", "date_renouvellement", "", "date_modification", "2026-01-03")));
        return x;
    }

    @BeforeAll
    static void load() {
        warehouse = tmp.resolve("warehouse");
        week1 = EtlJob.run(SPARK, ExtractFixture.copy("tiny", tmp.resolve("week1")).dir(), warehouse);
        // the attribution file goes from 1 row to none: the operator accepts that drop
        week2 = EtlJob.run(SPARK, secondWeek(tmp.resolve("week2")).dir(), warehouse, s -> { },
                new EtlJob.Options(new ExtractSequence.Acceptance(false, true, 0.1), 4, LoadPauses.none()));
    }

    private static List<Row> rows(Table table, String order) {
        return SPARK.read().parquet(ServedVersion.read(warehouse).table(table).toString()).orderBy(order).collectAsList();
    }

    @Test
    void thePurgedDemandeIsKeptWithItsEventsItsAttributionAndItsPeriod() {
        List<Row> demandes = rows(Table.DEMANDES, "numero_unique");
        assertEquals(List.of("0612023000003", D1, "0612025000004", D5, D2),
                demandes.stream().map(r -> (String) r.getAs("numero_unique")).toList());
        Row purged = demandes.stream().filter(r -> D2.equals(r.getAs("numero_unique"))).findFirst().orElseThrow();
        assertEquals(Date.valueOf("2025-12-28"), purged.getAs("date_extraction"), "its row is week 1's");
        assertEquals(2, rows(Table.EVENEMENTS, "date_evenement").stream().filter(r -> D2.equals(r.getAs("numero_unique"))).count());
        assertEquals(List.of(D2), rows(Table.ATTRIBUTIONS, "numero_unique").stream()
                .map(r -> (String) r.getAs("numero_unique")).toList());
        Row period = rows(Table.PERIODES, "debut").stream().filter(r -> D2.equals(r.getAs("numero_unique")))
                .findFirst().orElseThrow();
        assertEquals(Date.valueOf("2024-03-01"), period.getAs("debut"));
        assertEquals(Date.valueOf("2025-06-01"), period.getAs("fin"));
    }

    @Test
    void aChangedAttributeClosesTheOldVersionAndOpensANewOne() {
        Map<String, List<Row>> versions = new TreeMap<>();
        for (Row r : rows(Table.DEMANDES_VERSIONS, "valide_du")) {
            versions.computeIfAbsent(r.getAs("numero_unique"), k -> new java.util.ArrayList<>()).add(r);
        }
        assertEquals(6, versions.values().stream().mapToInt(List::size).sum());
        List<Row> d1 = versions.get(D1);
        assertEquals(2, d1.size());
        assertEquals(2, (int) d1.get(0).getAs("taille_menage"));
        assertEquals(Date.valueOf("2025-12-28"), d1.get(0).getAs("valide_du"));
        assertEquals(Date.valueOf("2026-01-04"), d1.get(0).getAs("valide_au"));
        assertTrue((boolean) d1.get(0).getAs("premiere_version"));
        assertEquals(3, (int) d1.get(1).getAs("taille_menage"));
        assertEquals(Date.valueOf("2026-01-04"), d1.get(1).getAs("valide_du"));
        assertNull(d1.get(1).getAs("valide_au"));
        assertEquals(false, d1.get(1).getAs("premiere_version"));
        for (String unchanged : List.of(D2, "0612023000003", "0612025000004")) {
            assertEquals(1, versions.get(unchanged).size(), unchanged);
            assertEquals(Date.valueOf("2025-12-28"), versions.get(unchanged).get(0).getAs("valide_du"), unchanged);
            assertNull(versions.get(unchanged).get(0).getAs("valide_au"), unchanged + " stays open");
        }
        assertEquals(Date.valueOf("2026-01-04"), versions.get(D5).get(0).getAs("valide_du"));
        assertTrue((boolean) versions.get(D5).get(0).getAs("premiere_version"));
    }

    @Test
    void theLoadReconcilesEveryRowReadWithTheHistory() {
        LoadJson load = ServedVersion.read(warehouse).load();
        assertEquals(week2.merge(), load.merge());
        assertEquals(Map.of("lues", 4L, "quarantaine", 0L, "nouvelles", 1L, "modifiees", 1L, "inchangees", 2L,
                "conservees", 1L), load.merge().get("demandes.csv"));
        // week 2's 9 events (7 of week 1 and 2 new), demande 2's 2 kept; week 1's 9 − 2 replaced
        assertEquals(Map.of("lues", 9L, "quarantaine", 0L, "ecrites", 9L, "conservees", 2L, "remplacees", 7L),
                load.merge().get("evenements.csv"));
        assertEquals(Map.of("lues", 0L, "quarantaine", 0L, "ecrites", 0L, "conservees", 1L, "remplacees", 0L),
                load.merge().get("attributions.csv"));
        assertEquals(Map.of("lues", 2L, "quarantaine", 0L, "ecrites", 2L, "conservees", 0L, "remplacees", 2L),
                load.merge().get("guichets.csv"));
        assertEquals(5L, load.rowsWritten().get("demandes"));
        assertEquals(6L, load.rowsWritten().get("demandes_versions"));
        assertEquals(11L, load.rowsWritten().get("evenements"));
        assertEquals(1L, load.rowsWritten().get("attributions"));
        // demandes 1, 4, 5: one period each; 3: two (created, radiated, reactivated); 2: kept
        assertEquals(6L, load.rowsWritten().get("periodes"));
        assertEquals(4L, load.extractFiles().get("demandes.csv").lignes());
        assertEquals(java.time.LocalDate.of(2026, 1, 4), load.dateExtraction());
        assertTrue(!week1.version().equals(week2.version()));
    }

    @Test
    void theReferenceTablesOfTheSameReferenceCopyAreLinkedNotWrittenAgain() throws java.io.IOException {
        Path before = fr.infocentre.warehouse.format.WarehouseFormat.versionDir(warehouse, week1.version());
        Path after = fr.infocentre.warehouse.format.WarehouseFormat.versionDir(warehouse, week2.version());
        assertEquals(LoadJson.read(before.resolve("load.json")).referenceSha256(), ServedVersion.read(warehouse).load()
                .referenceSha256());
        assertEquals(64, ServedVersion.read(warehouse).load().referenceSha256().orElseThrow().length());
        for (Table t : List.of(Table.COMMUNES, Table.EPCI, Table.DEPARTEMENTS, Table.REGIONS, Table.PLAFONDS,
                Table.ZONES_PLAFONDS)) {
            List<Path> files;
            try (var list = java.nio.file.Files.list(t.in(before))) {
                files = list.filter(f -> f.toString().endsWith(".parquet")).toList();
            }
            assertTrue(!files.isEmpty(), t.tableName());
            for (Path f : files) {
                Path linked = t.in(after).resolve(f.getFileName().toString());
                assertEquals(java.nio.file.Files.getAttribute(f, "unix:ino"), java.nio.file.Files.getAttribute(linked, "unix:ino"),
                        t.tableName() + ": the same file");
            }
            assertEquals(week1.rowsWritten().get(t.tableName()), week2.rowsWritten().get(t.tableName()), t.tableName());
        }
    }
}
