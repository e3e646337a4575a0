package fr.infocentre.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file holding its header and no data row is a file of no rows, as its manifest says: a first
 * load takes it as it is (there is nothing to compare it with), and the rows of the other files
 * that refer to what it would hold are quarantined, counted. A later load is refused by the guard
 * on lost rows (LoadGuardsTest.aFileLosingMoreThanTenPercentOfItsRowsIsRefusedUnlessAccepted).
 */
class HeaderOnlyFileTest {

    @TempDir
    Path tmp;

    @Test
    void aFirstLoadTakesHeaderOnlyFiles() {
        ExtractFixture x = ExtractFixture.copy("tiny", tmp.resolve("extract"));
        for (String file : List.of("demandes.csv", "attributions.csv")) {
            x.write(file, List.of(x.header(file)));
        }

        LoadReport report = EtlJob.run(SharedSpark.session(), x.dir(), tmp.resolve("warehouse"));

        assertEquals(0, report.rowsWritten().get("demandes"));
        assertEquals(0, report.rowsWritten().get("attributions"));
        assertEquals(0, report.rowsWritten().get("evenements"));
        assertEquals(2, report.rowsWritten().get("guichets"));
        assertEquals(Map.of("guichets.csv", 0L, "demandes.csv", 0L, "evenements.csv", 9L, "attributions.csv", 0L),
                report.rowsQuarantined());
        assertEquals(Map.of("lues", 0L, "quarantaine", 0L, "nouvelles", 0L, "modifiees", 0L, "inchangees", 0L,
                "conservees", 0L), report.merge().get("demandes.csv"));
        assertEquals(List.of("demande inconnue ou rejetée '0612023000003'", "demande inconnue ou rejetée '0612024000001'",
                        "demande inconnue ou rejetée '0612025000004'", "demande inconnue ou rejetée '1312024000002'"),
                Quarantined.rows(tmp.resolve("warehouse"), report).stream()
                        .map(r -> r.<String>getAs("motif")).distinct().sorted().toList());
    }
}
