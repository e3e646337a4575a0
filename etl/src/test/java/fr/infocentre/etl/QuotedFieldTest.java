package fr.infocentre.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.infocentre.warehouse.format.Table;
import fr.infocentre.warehouse.format.WarehouseFormat;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quoted fields holding the separator, a quote and a line break load as they were written. */
class QuotedFieldTest {

    private final SparkSession spark = SharedSpark.session();

    @TempDir
    Path tmp;

    @Test
    void quotedSeparatorQuoteAndLineBreakLoad() {
        ExtractFixture x = ExtractFixture.copy("tiny", tmp.resolve("extract"));
        x.append("guichets.csv",
                "G003;\"Agence \"\"Sud\"\"; 2e étage\nBâtiment B\";ETAT;06088;2015-01-01;",
                "G004;Agence Est;MAIRIE;06088;2015-01-01;");

        LoadReport report = EtlJob.run(spark, x.dir(), tmp.resolve("warehouse"));

        Path version = WarehouseFormat.versionDir(tmp.resolve("warehouse"), report.version());
        Row g3 = spark.read().parquet(Table.GUICHETS.in(version).toString())
                .filter("code_guichet = 'G003'").first();
        assertEquals("Agence \"Sud\"; 2e étage\nBâtiment B", g3.getAs("libelle"));
        assertEquals("ETAT", g3.getAs("type_guichet"));
        assertEquals(3L, report.rowsWritten().get("guichets"));
        List<Row> rejected = spark.read().parquet(Table.QUARANTAINE.in(version).toString()).collectAsList();
        assertEquals(1, rejected.size());
        assertEquals(4L, (long) rejected.get(0).getAs("ligne"), "record number, not physical line");
        assertEquals("G004;Agence Est;MAIRIE;06088;2015-01-01;", rejected.get(0).getAs("enregistrement"));
    }
}
