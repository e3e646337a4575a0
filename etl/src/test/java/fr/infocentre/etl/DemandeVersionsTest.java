package fr.infocentre.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.infocentre.warehouse.format.Table;
import fr.infocentre.warehouse.format.WarehouseFormat;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A single load writes {@code demandes_versions} (docs/warehouse-format.md): one version per
 * demande, the same attributes as {@code demandes}, valid from the extract's date, still current,
 * and the demande's earliest.
 */
class DemandeVersionsTest {

    private final SparkSession spark = SharedSpark.session();

    @TempDir
    Path tmp;

    @Test
    void aSingleLoadGivesEachDemandeOneCurrentVersionFromTheExtractDate() {
        ExtractFixture extract = ExtractFixture.copy("tiny", tmp.resolve("extract"));
        LoadReport report = EtlJob.run(spark, extract.dir(), tmp.resolve("warehouse"));
        Path version = WarehouseFormat.versionDir(tmp.resolve("warehouse"), report.version());
        Dataset<Row> demandes = spark.read().parquet(Table.DEMANDES.in(version).toString());
        Dataset<Row> versions = spark.read().parquet(Table.DEMANDES_VERSIONS.in(version).toString());

        // the columns of demandes, in the same order, date_extraction replaced by the validity columns
        List<String> expected = new ArrayList<>(List.of(demandes.columns()));
        assertEquals("date_extraction", expected.remove(expected.size() - 1));
        expected.addAll(List.of("valide_du", "valide_au", "premiere_version"));
        assertEquals(expected, List.of(versions.columns()));
        StructType schema = versions.schema();
        assertEquals(DataTypes.DateType, schema.apply("valide_du").dataType());
        assertEquals(DataTypes.DateType, schema.apply("valide_au").dataType());
        assertEquals(DataTypes.BooleanType, schema.apply("premiere_version").dataType());
        assertEquals(demandes.schema().apply("taille_menage"), schema.apply("taille_menage"));

        List<Row> rows = versions.orderBy("numero_unique").collectAsList();
        assertEquals(List.of("0612023000003", "0612024000001", "0612025000004", "1312024000002"),
                rows.stream().map(r -> (String) r.getAs("numero_unique")).toList(), "one version per demande");
        for (Row r : rows) {
            assertEquals(Date.valueOf("2025-12-28"), r.getAs("valide_du"), "valide_du = date_extraction");
            assertTrue(r.isNullAt(r.fieldIndex("valide_au")), "still current");
            assertEquals(Boolean.TRUE, r.getAs("premiere_version"), "the demande's earliest version");
        }
        // the attributes are those of demandes.csv (typed as in demandes)
        Row d2 = rows.get(3);
        assertEquals(4, (int) d2.getAs("taille_menage"));
        assertEquals("13055", d2.getAs("commune_premier_choix"));
        assertEquals(Boolean.TRUE, d2.getAs("dalo"));
        Row d4 = rows.get(2);
        assertTrue(d4.isNullAt(d4.fieldIndex("taille_menage")));
        // nothing but the validity columns tells a version from the demandes row
        assertEquals(0, demandes.drop("date_extraction")
                .exceptAll(versions.drop("valide_du", "valide_au", "premiere_version")).count());
    }
}
