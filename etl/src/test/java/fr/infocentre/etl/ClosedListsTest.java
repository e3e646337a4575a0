package fr.infocentre.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every code of every closed list of extract-format.md is accepted: one generated row per code.
 * The lists are copied here from the spec, independently of the ETL's own.
 */
class ClosedListsTest {

    private static final Map<String, Map<String, String>> LISTS = Map.of(
            "guichets.csv", Map.of(
                    "type_guichet", "BAILLEUR, COMMUNE, EPCI, DEPARTEMENT, ETAT, ACTION_LOGEMENT, AUTRE"),
            "demandes.csv", Map.ofEntries(
                    Map.entry("canal", "GUICHET, PGP"),
                    Map.entry("motif_radiation",
                            "ATTRIBUTION, RENONCIATION, ABSENCE_REPONSE, IRRECEVABILITE, NON_RENOUVELLEMENT, FUSION"),
                    Map.entry("sexe", "F, M"),
                    Map.entry("nationalite", "FR, UE, HORS_UE"),
                    Map.entry("situation_familiale", "CELIBATAIRE, MARIE, PACSE, CONCUBIN, DIVORCE, SEPARE, VEUF"),
                    Map.entry("situation_professionnelle", "CDI, FONCTIONNAIRE, CDD, INTERIM, APPRENTI, INDEPENDANT, "
                            + "CHOMAGE, RETRAITE, ETUDIANT, SANS_EMPLOI, AUTRE"),
                    Map.entry("logement_actuel", "LOCATAIRE_HLM, LOCATAIRE_PRIVE, PROPRIETAIRE, CHEZ_PARENTS, "
                            + "CHEZ_PARTICULIER, STRUCTURE_HEBERGEMENT, CDEF_CENTRE_MATERNEL, HOTEL, "
                            + "FOYER_RESIDENCE_SOCIALE, RESIDENCE_ETUDIANT, LOGEMENT_FONCTION, HABITAT_MOBILE, "
                            + "OCCUPANT_SANS_TITRE, SANS_ABRI, AUTRE"),
                    Map.entry("motif", "SANS_LOGEMENT, HEBERGE, LOGEMENT_TROP_CHER, TROP_PETIT, TROP_GRAND, "
                            + "DIVORCE_SEPARATION, DECOHABITATION, HANDICAP, SANTE, RAPPROCHEMENT_TRAVAIL, "
                            + "RAPPROCHEMENT_FAMILLE, VIOLENCES, NON_DECENT, INSALUBRE, EXPULSION, "
                            + "RENOUVELLEMENT_URBAIN, VENTE_OU_REPRISE, ENVIRONNEMENT, MUTATION_PROFESSIONNELLE, AUTRE"),
                    Map.entry("typologie", "T1, T2, T3, T4, T5, T6")),
            "evenements.csv", Map.of(
                    "type", "CREATION, RENOUVELLEMENT, MODIFICATION, RADIATION, REACTIVATION, PIECE",
                    "canal", "GUICHET, PGP, SYSTEME",
                    "motif_radiation",
                    "ATTRIBUTION, RENONCIATION, ABSENCE_REPONSE, IRRECEVABILITE, NON_RENOUVELLEMENT, FUSION"),
            "attributions.csv", Map.of(
                    "typologie", "T1, T2, T3, T4, T5, T6",
                    "financement", "PLAI, PLUS, PLS, PLI, AUTRE",
                    "reservataire", "ETAT, ETAT_FONCTIONNAIRES, ACTION_LOGEMENT, COLLECTIVITE, BAILLEUR, AUTRE"));

    /** Fields a row with a given code also needs to stay valid. */
    private static final Map<String, Map<String, String>> COMPANIONS = Map.of(
            "demandes.csv motif_radiation", Map.of("date_radiation", "2025-06-01"),
            "evenements.csv motif_radiation", Map.of("type", "RADIATION"),
            "evenements.csv type RADIATION", Map.of("motif_radiation", "FUSION"));

    @TempDir
    Path tmp;

    @Test
    void everyCodeOfEveryClosedListIsAccepted() {
        SparkSession spark = SharedSpark.session();
        ExtractFixture x = ExtractFixture.copy("tiny", tmp.resolve("extract"));
        Map<String, Long> expected = new HashMap<>(Map.of("guichets", 2L, "demandes", 4L, "evenements", 9L,
                "attributions", 1L));
        int n = 0;
        for (Map.Entry<String, Map<String, String>> file : LISTS.entrySet()) {
            List<String> lines = new ArrayList<>();
            for (Map.Entry<String, String> list : file.getValue().entrySet()) {
                for (String code : list.getValue().split(", ")) {
                    Map<String, String> row = new HashMap<>();
                    row.putAll(COMPANIONS.getOrDefault(file.getKey() + " " + list.getKey(), Map.of()));
                    row.putAll(COMPANIONS.getOrDefault(file.getKey() + " " + list.getKey() + " " + code, Map.of()));
                    row.put(list.getKey(), code);
                    n++;
                    if (file.getKey().equals("demandes.csv")) {
                        row.put("numero_unique", "C" + n);
                    } else if (file.getKey().equals("guichets.csv")) {
                        row.put("code_guichet", "G" + n);
                    }
                    lines.add(x.lineLike(file.getKey(), row));
                }
            }
            x.append(file.getKey(), lines.toArray(String[]::new));
            expected.merge(file.getKey().replace(".csv", ""), (long) lines.size(), Long::sum);
        }

        LoadReport report = EtlJob.run(spark, x.dir(), tmp.resolve("warehouse"));

        assertEquals(Map.of("guichets.csv", 0L, "demandes.csv", 0L, "evenements.csv", 0L, "attributions.csv", 0L),
                report.rowsQuarantined());
        expected.forEach((table, rows) -> assertEquals(rows, report.rowsWritten().get(table), table));
    }
}
