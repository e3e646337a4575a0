package fr.infocentre.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dates that cannot be, within a row and across files, are quarantined naming the field and both
 * dates: a radiation before the filing, an event or a lease before its demande's filing (across
 * files: date_depot is in demandes.csv), and any date of any file later than the extraction date
 * (the manifest's date_extraction, 2025-12-28). The same day is not before.
 */
class ImpossibleDatesTest {

    @TempDir
    Path tmp;

    @Test
    void impossibleDatesAreQuarantined() {
        ExtractFixture x = ExtractFixture.copy("tiny", tmp.resolve("extract"));
        // tiny has 2 guichets, 4 demandes, 9 evenements, 1 attribution: appended rows are numbered from there
        x.append("guichets.csv",
                x.lineLike("guichets.csv", Map.of("code_guichet", "G003", "date_ouverture", "2026-01-15")),  // 3, announced
                x.lineLike("guichets.csv", Map.of("code_guichet", "G004", "date_fermeture", "2026-06-30"))); // 4, announced
        x.append("demandes.csv",
                x.lineLike("demandes.csv", Map.of("numero_unique", "D05", "date_radiation", "2023-12-01",
                        "motif_radiation", "RENONCIATION")),
                x.lineLike("demandes.csv", Map.of("numero_unique", "D06", "date_depot", "2026-01-05",
                        "date_enregistrement", "2026-01-06")),
                x.lineLike("demandes.csv", Map.of("numero_unique", "D07", "date_modification", "2026-02-01")),
                x.lineLike("demandes.csv", Map.of("numero_unique", "D08", "date_depot", "2025-03-01",
                        "date_enregistrement", "2025-03-02", "date_renouvellement", "",
                        "date_modification", "2025-03-02")));                                      // 8, valid
        x.append("evenements.csv",
                "D08;2025-03-02;CREATION;G001;GUICHET;",          // 10, valid
                "D08;2025-02-01;MODIFICATION;G001;GUICHET;",      // 11, before the filing
                "D08;2026-01-03;RENOUVELLEMENT;;PGP;");           // 12, after the extraction
        x.append("attributions.csv",
                lease(x, "2025-02-15", "2025-02-20"),   // 2
                lease(x, "2025-12-20", "2026-01-02"),   // 3
                lease(x, "2025-03-01", "2025-03-01"));  // 4, valid

        LoadReport report = EtlJob.run(SharedSpark.session(), x.dir(), tmp.resolve("warehouse"));

        assertEquals(Map.of("guichets.csv", 0L, "demandes.csv", 3L, "evenements.csv", 2L, "attributions.csv", 2L),
                report.rowsQuarantined());
        assertEquals(2 + 2, report.rowsWritten().get("guichets"), "a guichet's opening or closing may be announced");
        assertEquals(4 + 1, report.rowsWritten().get("demandes"));
        assertEquals(9 + 1, report.rowsWritten().get("evenements"));
        assertEquals(1 + 1, report.rowsWritten().get("attributions"));
        assertEquals(new TreeSet<>(List.of(
                "demandes.csv 5 date_radiation = 2023-12-01: date_radiation 2023-12-01 antérieure à date_depot"
                        + " 2024-01-10",
                "demandes.csv 6 date_depot = 2026-01-05: date_depot 2026-01-05 postérieure à la date d'extraction"
                        + " 2025-12-28",
                "demandes.csv 7 date_modification = 2026-02-01: date_modification 2026-02-01 postérieure à la date"
                        + " d'extraction 2025-12-28",
                "evenements.csv 11 date_evenement = 2025-02-01: date_evenement 2025-02-01 antérieure au dépôt de la"
                        + " demande (date_depot 2025-03-01 dans demandes.csv)",
                "evenements.csv 12 date_evenement = 2026-01-03: date_evenement 2026-01-03 postérieure à la date"
                        + " d'extraction 2025-12-28",
                "attributions.csv 2 date_bail = 2025-02-15: date_bail 2025-02-15 antérieure au dépôt de la demande"
                        + " (date_depot 2025-03-01 dans demandes.csv)",
                "attributions.csv 3 date_saisie = 2026-01-02: date_saisie 2026-01-02 postérieure à la date"
                        + " d'extraction 2025-12-28")),
                Quarantined.lines(Quarantined.rows(tmp.resolve("warehouse"), report)));
    }

    /** A lease of demande D08 (filed on 2025-03-01). */
    private static String lease(ExtractFixture x, String dateBail, String dateSaisie) {
        return x.lineLike("attributions.csv", Map.of("numero_unique", "D08", "date_bail", dateBail,
                "date_saisie", dateSaisie));
    }
}
