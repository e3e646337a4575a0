package fr.infocentre.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.infocentre.warehouse.format.Table;
import fr.infocentre.warehouse.format.WarehouseFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Activity periods derived from hand-built event histories, expected rows written by hand. */
class PeriodDerivationTest {

    private final SparkSession spark = SharedSpark.session();

    @TempDir
    Path tmp;

    @Test
    void periodsFollowTheStatusEvents() {
        ExtractFixture x = ExtractFixture.copy("tiny", tmp.resolve("extract"));
        for (String numero : List.of("P1", "P2", "P3", "P4", "P5")) { // filed before their first event
            x.append("demandes.csv", x.lineLike("demandes.csv", Map.of("numero_unique", numero,
                    "date_depot", "2023-01-01")));
        }
        x.append("evenements.csv",
                // creation, renewal, radiation for non-renewal, a document, reactivation, attribution
                "P1;2023-01-10;CREATION;G001;GUICHET;",
                "P1;2024-01-05;RENOUVELLEMENT;G001;GUICHET;",
                "P1;2024-03-01;RADIATION;;SYSTEME;NON_RENOUVELLEMENT",
                "P1;2024-04-01;PIECE;;PGP;",
                "P1;2024-05-01;REACTIVATION;;PGP;",
                "P1;2025-02-01;RADIATION;G002;GUICHET;ATTRIBUTION",
                // same day: the radiation comes first in the file, then the reactivation; creation listed last
                "P2;2024-06-01;RADIATION;;SYSTEME;NON_RENOUVELLEMENT",
                "P2;2024-06-01;REACTIVATION;;PGP;",
                "P2;2024-01-01;CREATION;G001;GUICHET;",
                // same day the other way round: a modification then the radiation
                "P3;2024-01-01;CREATION;G001;GUICHET;",
                "P3;2024-06-01;MODIFICATION;G001;GUICHET;",
                "P3;2024-06-01;RADIATION;G001;GUICHET;RENONCIATION",
                // a second radiation changes nothing; a renewal reopens
                "P4;2024-01-01;CREATION;G001;GUICHET;",
                "P4;2024-02-01;RADIATION;G001;GUICHET;IRRECEVABILITE",
                "P4;2024-03-01;RADIATION;G001;GUICHET;ABSENCE_REPONSE",
                "P4;2024-04-01;RENOUVELLEMENT;G001;GUICHET;",
                // created and radiated the same day: never active
                "P5;2024-09-09;CREATION;G001;GUICHET;",
                "P5;2024-09-09;RADIATION;G001;GUICHET;FUSION");
        x.append("attributions.csv", x.lineLike("attributions.csv",
                Map.of("numero_unique", "P1", "date_bail", "2025-02-01", "date_saisie", "2025-02-01")));

        LoadReport report = EtlJob.run(spark, x.dir(), tmp.resolve("warehouse"));
        assertEquals(0L, report.rowsQuarantined().values().stream().mapToLong(Long::longValue).sum());

        Path periodes = Table.PERIODES.in(WarehouseFormat.versionDir(tmp.resolve("warehouse"), report.version()));
        List<String> rows = spark.read().parquet(periodes.toString())
                .filter("numero_unique like 'P%'").orderBy("numero_unique", "debut").collectAsList()
                .stream().map(PeriodDerivationTest::show).toList();
        assertEquals(List.of(
                "P1 2023-01-10 2024-03-01 CREATION NON_RENOUVELLEMENT",
                "P1 2024-05-01 2025-02-01 REACTIVATION ATTRIBUTION",
                "P2 2024-01-01 2024-06-01 CREATION NON_RENOUVELLEMENT",
                "P2 2024-06-01 null REACTIVATION null",
                "P3 2024-01-01 2024-06-01 CREATION RENONCIATION",
                "P4 2024-01-01 2024-02-01 CREATION IRRECEVABILITE",
                "P4 2024-04-01 null RENOUVELLEMENT null"), rows);
        assertEquals(5 + 7, report.rowsWritten().get("periodes"), "tiny's 5 periods and these 7");
    }

    private static String show(Row r) {
        return r.getAs("numero_unique") + " " + r.getAs("debut") + " " + r.getAs("fin") + " "
                + r.getAs("evenement_debut") + " " + r.getAs("motif_fin");
    }
}
