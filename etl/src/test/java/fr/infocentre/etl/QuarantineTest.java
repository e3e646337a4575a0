package fr.infocentre.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed rows go to quarantaine with their file, record number, field, value and reason; the
 * others load: a record of the wrong field count, an unknown code, a malformed or impossible
 * value, a duplicate key, a reference to an unknown demande.
 */
class QuarantineTest {

    private final SparkSession spark = SharedSpark.session();

    @TempDir
    Path tmp;

    @Test
    void malformedRowsAreQuarantinedAndTheOthersLoad() {
        ExtractFixture x = ExtractFixture.copy("tiny", tmp.resolve("extract"));
        // tiny has 2 guichets, 4 demandes, 9 evenements, 1 attribution: appended rows are numbered from there
        x.append("guichets.csv",
                x.lineLike("guichets.csv", Map.of()),                                              // 3 duplicate G001
                x.lineLike("guichets.csv", Map.of("code_guichet", "G009", "type_guichet", "MAIRIE")), // 4
                "G010;Agence;ETAT;06088;2015-01-01;;en trop");                                      // 5
        x.append("demandes.csv",
                demande(x, "Q05", Map.of("nationalite", "XYZ")),
                demande(x, "Q06", Map.of("date_depot", "2024-13-01")),
                demande(x, "Q07", Map.of("code_guichet", "")),
                demande(x, "Q08", Map.of("date_radiation", "2025-01-01")),
                demande(x, "Q09", Map.of("communes_souhaitees", "06088|00000")),
                demande(x, "0612024000001", Map.of()),
                demande(x, "Q11", Map.of("date_enregistrement", "2023-12-31")),
                demande(x, "Q12", Map.of("taille_menage", "0")),
                demande(x, "Q13", Map.of("personne_morale", "2")),
                demande(x, "Q14", Map.of("commune_residence", "99134", "communes_souhaitees", "75112|13055")),
                demande(x, "Q15", Map.of("commune_residence", "12345")),
                demande(x, "Q16", Map.of("date_depot", "2025-02-30")),
                demande(x, "Q17", Map.of("annee_naissance", "19x5")));
        x.append("evenements.csv",
                "9999;2024-01-10;CREATION;G001;GUICHET;",                   // 10
                "Q05;2024-01-10;CREATION;G001;GUICHET;",                    // 11
                "0612024000001;2025-03-01;RADIATION;G001;GUICHET;",         // 12
                "0612024000001;2025-03-01;CLOTURE;G001;GUICHET;",           // 13
                "Q14;2025-03-01;CREATION;;PGP;");                           // 14 valid
        x.append("attributions.csv",
                x.lineLike("attributions.csv", Map.of("date_saisie", "2025-05-31")),    // 2
                x.lineLike("attributions.csv", Map.of("commune_logement", "75000")));   // 3

        LoadReport report = EtlJob.run(spark, x.dir(), tmp.resolve("warehouse"));

        assertEquals(Map.of("guichets.csv", 3L, "demandes.csv", 12L, "evenements.csv", 4L, "attributions.csv", 2L),
                report.rowsQuarantined());
        assertEquals(2, report.rowsWritten().get("guichets"));
        assertEquals(4 + 1, report.rowsWritten().get("demandes"));
        assertEquals(9 + 1, report.rowsWritten().get("evenements"));
        assertEquals(1, report.rowsWritten().get("attributions"));
        assertEquals(21, report.rowsWritten().get("quarantaine"));

        List<Row> rows = Quarantined.rows(tmp.resolve("warehouse"), report);
        assertEquals(new TreeSet<>(List.of(
                "guichets.csv 3 code_guichet = G001: doublon : code_guichet déjà présent ligne 1",
                "guichets.csv 4 type_guichet = MAIRIE: code inconnu 'MAIRIE' pour type_guichet",
                "guichets.csv 5 (enregistrement) = null: nombre de champs différent de l'en-tête",
                "demandes.csv 5 nationalite = XYZ: code inconnu 'XYZ' pour nationalite",
                "demandes.csv 6 date_depot = 2024-13-01: date invalide '2024-13-01' (attendu aaaa-mm-jj)",
                "demandes.csv 7 code_guichet = null: champ obligatoire vide",
                "demandes.csv 8 date_radiation/motif_radiation = 2025-01-01/: date_radiation et motif_radiation vont"
                        + " ensemble : l'un est renseigné, l'autre vide",
                "demandes.csv 9 communes_souhaitees = 06088|00000: commune inconnue '00000' dans communes_souhaitees",
                "demandes.csv 10 numero_unique = 0612024000001: doublon : numero_unique déjà présent ligne 1",
                "demandes.csv 11 date_enregistrement = 2023-12-31: date_enregistrement 2023-12-31 antérieure à"
                        + " date_depot 2024-01-10",
                "demandes.csv 12 taille_menage = 0: valeur 0 inférieure au minimum 1 pour taille_menage",
                "demandes.csv 13 personne_morale = 2: booléen invalide '2' (attendu 0 ou 1)",
                "demandes.csv 15 commune_residence = 12345: commune inconnue '12345' pour commune_residence (ni COG ni"
                        + " 99… étranger)",
                "demandes.csv 16 date_depot = 2025-02-30: date invalide '2025-02-30' (attendu aaaa-mm-jj)",
                "demandes.csv 17 annee_naissance = 19x5: entier invalide '19x5'",
                "evenements.csv 10 numero_unique = 9999: demande inconnue ou rejetée '9999'",
                "evenements.csv 11 numero_unique = Q05: demande inconnue ou rejetée 'Q05'",
                "evenements.csv 12 motif_radiation = null: motif_radiation obligatoire pour un événement RADIATION",
                "evenements.csv 13 type = CLOTURE: code inconnu 'CLOTURE' pour type",
                "attributions.csv 2 date_saisie = 2025-05-31: date_saisie 2025-05-31 antérieure à date_bail 2025-06-01",
                "attributions.csv 3 commune_logement = 75000: commune inconnue '75000' pour commune_logement")),
                Quarantined.lines(rows));

        Row xyz = rows.stream().filter(r -> "XYZ".equals(r.getAs("valeur"))).findFirst().orElseThrow();
        assertEquals(demande(x, "Q05", Map.of("nationalite", "XYZ")), xyz.getAs("enregistrement"));
        Row tooLong = rows.stream().filter(r -> "(enregistrement)".equals(r.getAs("champ"))).findFirst().orElseThrow();
        assertEquals("G010;Agence;ETAT;06088;2015-01-01;;en trop", tooLong.getAs("enregistrement"));
    }

    private static String demande(ExtractFixture x, String numero, Map<String, String> changes) {
        Map<String, String> all = new java.util.HashMap<>(changes);
        all.put("numero_unique", numero);
        return x.lineLike("demandes.csv", all);
    }
}
