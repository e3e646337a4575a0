package fr.infocentre.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.infocentre.warehouse.format.ServedVersion;
import fr.infocentre.warehouse.format.Table;
import fr.infocentre.warehouse.format.WarehouseFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;

/** The quarantaine table a load wrote, checked against the counts of its report and of its load.json. */
final class Quarantined {

    private Quarantined() {
    }

    /** The rows of the load's quarantaine table, once checked that every row counted is there and only those. */
    static List<Row> rows(Path warehouse, LoadReport report) {
        Path table = Table.QUARANTAINE.in(WarehouseFormat.versionDir(warehouse, report.version()));
        List<Row> rows = SharedSpark.session().read().parquet(table.toString()).collectAsList();
        long counted = report.rowsQuarantined().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(counted, rows.size(), "every row quarantined is counted, and only those");
        assertEquals(counted, report.rowsWritten().get("quarantaine"));
        assertEquals(report.rowsQuarantined(), ServedVersion.read(warehouse).load().rowsQuarantined(),
                "load.json counts them as the report does");
        for (String file : report.rowsQuarantined().keySet()) {
            assertEquals(report.rowsQuarantined().get(file), rows.stream().filter(r -> file.equals(r.getAs("fichier")))
                    .count(), file);
        }
        return rows;
    }

    /** Each row as {@code fichier ligne champ = valeur: motif}, sorted. */
    static Set<String> lines(List<Row> rows) {
        Set<String> lines = new TreeSet<>();
        for (Row r : rows) {
            lines.add(r.getAs("fichier") + " " + r.getAs("ligne") + " " + r.getAs("champ") + " = " + r.getAs("valeur")
                    + ": " + r.getAs("motif"));
        }
        return lines;
    }
}
