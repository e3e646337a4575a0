package fr.infocentre.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.infocentre.warehouse.format.Table;
import fr.infocentre.warehouse.format.WarehouseFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Record numbers stay exact when Spark splits a file over several partitions. */
class RecordNumberTest {

    private static final int ROWS = 3_000;

    @TempDir
    Path tmp;

    @Test
    void recordNumbersAreExactAcrossSplits() {
        SparkSession spark = SharedSpark.session();
        ExtractFixture x = ExtractFixture.copy("tiny", tmp.resolve("extract"));
        List<String> lines = new ArrayList<>();
        List<Long> invalid = new ArrayList<>();
        for (int i = 5; i < 5 + ROWS; i++) {
            boolean bad = i % 997 == 0;
            if (bad) {
                invalid.add((long) i);
            }
            lines.add(x.lineLike("demandes.csv", Map.of("numero_unique", "R" + i, "sexe", bad ? "X" : "F")));
        }
        x.append("demandes.csv", lines.toArray(String[]::new));

        String previous = spark.conf().get("spark.sql.files.maxPartitionBytes");
        spark.conf().set("spark.sql.files.maxPartitionBytes", "65536");
        spark.conf().set("spark.sql.files.openCostInBytes", "0");
        LoadReport report;
        try {
            assertTrue(spark.read().text(x.file("demandes.csv").toString()).rdd().getNumPartitions() > 3,
                    "the file is split");
            report = EtlJob.run(spark, x.dir(), tmp.resolve("warehouse"));
        } finally {
            spark.conf().set("spark.sql.files.maxPartitionBytes", previous);
            spark.conf().unset("spark.sql.files.openCostInBytes");
        }

        Path version = WarehouseFormat.versionDir(tmp.resolve("warehouse"), report.version());
        List<Long> quarantined = spark.read().parquet(Table.QUARANTAINE.in(version).toString())
                .orderBy("ligne").collectAsList().stream().map(r -> r.<Long>getAs("ligne")).toList();
        assertEquals(invalid, quarantined);
        Row first = spark.read().parquet(Table.QUARANTAINE.in(version).toString()).orderBy("ligne").first();
        assertEquals("R" + invalid.get(0), ((String) first.getAs("enregistrement")).split(";")[0]);
        assertEquals(4 + ROWS - invalid.size(), report.rowsWritten().get("demandes"));
    }
}
