package fr.infocentre.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.infocentre.warehouse.format.WarehouseFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50 MiB line — one huge field, or 50 million separators — neither crashes the load (Spark's CSV
 * reader fails on a record of more than 20,480 fields), nor hangs it, nor exhausts the heap: the
 * record is quarantined naming its size, shown cut at 1,000 characters, and the records after it
 * keep their numbers and load, in a file read line by line as in one read whole (a quoted line
 * break). A record long but under the limit is read, and shown cut when quarantined.
 */
class OversizedRecordTest {

    private static final int MIB_50 = 50 << 20;

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void fiftyMegabyteLinesAreQuarantinedAndTheOthersLoad() throws IOException {
        ExtractFixture x = ExtractFixture.copy("tiny", tmp.resolve("extract"))
                .declareRows("guichets.csv", 5).declareRows("evenements.csv", 11);
        x.append("guichets.csv",
                "G003;\"Agence \"\"Sud\"\"\nBâtiment B\";ETAT;06088;2015-01-01;",                 // 3, valid
                "G010;" + "x".repeat(MIB_50) + ";ETAT;06088;2015-01-01;",                          // 4
                "G011;" + "y".repeat(2_000) + ";MAIRIE;06088;2015-01-01;");                         // 5
        x.append("evenements.csv",
                ";".repeat(MIB_50),                                                                // 10
                "0612025000004;2025-11-20;PIECE;;PGP;");                                           // 11, valid

        Path warehouse = tmp.resolve("warehouse");
        LoadReport report = EtlJob.run(SharedSpark.session(), x.dir(), warehouse);

        assertEquals(Map.of("guichets.csv", 2L, "demandes.csv", 0L, "evenements.csv", 1L, "attributions.csv", 0L),
                report.rowsQuarantined());
        assertEquals(3, report.rowsWritten().get("guichets"));
        assertEquals(10, report.rowsWritten().get("evenements"));
        List<Row> rows = Quarantined.rows(warehouse, report);
        String xs = "x".repeat(1_000) + "…";
        assertEquals(new TreeSet<>(List.of(
                // "G010;" + 52,428,800 x + ";ETAT;06088;2015-01-01;" (23 bytes): 52,428,828 bytes in 6 fields
                "guichets.csv 4 libelle = " + xs + ": enregistrement de 52428828 octets (au plus 65536), dont"
                        + " 52428800 pour libelle : non lu",
                "guichets.csv 5 type_guichet = MAIRIE: code inconnu 'MAIRIE' pour type_guichet",
                // 52,428,800 separators: as many bytes, one field more
                "evenements.csv 10 (enregistrement) = null: enregistrement de 52428801 champs (au plus 1000) et de"
                        + " 52428800 octets (au plus 65536) : non lu")),
                Quarantined.lines(rows));
        assertEquals(Map.of(4L, "G010;" + "x".repeat(995) + "…", 5L, "G011;" + "y".repeat(995) + "…",
                        10L, ";".repeat(1_000) + "…"),
                Map.of(4L, enregistrement(rows, "guichets.csv", 4), 5L, enregistrement(rows, "guichets.csv", 5),
                        10L, enregistrement(rows, "evenements.csv", 10)));
        try (Stream<Path> versions = Files.list(WarehouseFormat.versionsDir(warehouse))) {
            assertEquals(List.of(report.version()), versions.map(p -> p.getFileName().toString()).toList(),
                    "the copies Spark read are deleted");
        }
    }

    private static String enregistrement(List<Row> rows, String fichier, long ligne) {
        return rows.stream().filter(r -> fichier.equals(r.getAs("fichier")) && r.<Long>getAs("ligne") == ligne)
                .findFirst().orElseThrow().getAs("enregistrement");
    }
}
