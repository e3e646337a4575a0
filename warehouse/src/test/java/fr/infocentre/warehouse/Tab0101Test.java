package fr.infocentre.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static fr.infocentre.warehouse.Cellules.colonne;
import static fr.infocentre.warehouse.Cellules.effectif;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_LYON;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_NICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TAB01-01 on the mini extract; expected figures worked out by hand in its README.md (table 1). */
class Tab0101Test {

    static final List<String> LIGNES = List.of("STOCK_DEBUT", "NOUVELLES", "REACTIVATIONS", "RADIATION_ATTRIBUTION",
            "RADIATION_RENONCIATION", "RADIATION_ABSENCE_REPONSE", "RADIATION_IRRECEVABILITE",
            "RADIATION_NON_RENOUVELLEMENT", "RADIATION_FUSION", "STOCK_FIN", "RENOUVELLEMENTS");

    private static RapportTable calculer(Niveau niveau, String code, int annee) {
        return EntrepotMini.nonProtege().calculer("TAB01-01", niveau, code, annee);
    }

    @Test
    void national() {
        RapportTable t = calculer(Niveau.NATIONAL, "FR", 2024);
        assertEquals(LIGNES, Cellules.cles(t));
        colonne(t, "ensemble", 25, 16, 2, 8, 1, 1, 1, 3, 1, 28, 10);
        colonne(t, "mutation", 13, 3, 0, 4, 0, 1, 0, 0, 1, 10, 6);
        colonne(t, "hors_mutation", 12, 13, 2, 4, 1, 0, 1, 3, 0, 18, 4);
        assertNull(t.total(), "a flow table has no total line");
        assertTrue(t.masques().isEmpty());
        assertEquals("Stock au 1er janvier 2024", Cellules.ligne(t, "STOCK_DEBUT").get("categorie"));
    }

    @Test
    void regionProvenceAlpesCoteDAzurEqualsItsOnlyDepartementInTheExtract() {
        for (RapportTable t : List.of(calculer(Niveau.REGION, "93", 2024), calculer(Niveau.DEPARTEMENT, "06", 2024))) {
            colonne(t, "ensemble", 11, 8, 1, 3, 1, 1, 0, 1, 0, 14, 6);
            colonne(t, "mutation", 5, 1, 0, 1, 0, 1, 0, 0, 0, 4, 3);
            colonne(t, "hors_mutation", 6, 7, 1, 2, 1, 0, 0, 1, 0, 10, 3);
        }
    }

    @Test
    void rhoneWithLyonArrondissementsAndVilleurbanne() {
        for (RapportTable t : List.of(calculer(Niveau.REGION, "84", 2024), calculer(Niveau.DEPARTEMENT, "69", 2024),
                calculer(Niveau.EPCI, METROPOLE_LYON, 2024))) {
            colonne(t, "ensemble", 14, 8, 1, 5, 0, 0, 1, 2, 1, 14, 4);
            colonne(t, "mutation", 8, 2, 0, 3, 0, 0, 0, 0, 1, 6, 3);
            colonne(t, "hors_mutation", 6, 6, 1, 2, 0, 0, 1, 2, 0, 8, 1);
        }
    }

    @Test
    void epciMetropoleNiceCoteDAzurLeavesAntibesOut() {
        RapportTable t = calculer(Niveau.EPCI, METROPOLE_NICE, 2024);
        colonne(t, "ensemble", 9, 7, 1, 2, 1, 1, 0, 1, 0, 12, 5);
        colonne(t, "mutation", 4, 1, 0, 1, 0, 1, 0, 0, 0, 3, 2);
        colonne(t, "hors_mutation", 5, 6, 1, 1, 1, 0, 0, 1, 0, 9, 3);
    }

    @Test
    void firstYearOfHistoryStartsFromAnEmptyStock() {
        RapportTable t = calculer(Niveau.NATIONAL, "FR", 2023);
        colonne(t, "ensemble", 0, 27, 0, 1, 1, 0, 0, 0, 0, 25, 0);
        assertEquals("Stock au 31 décembre 2023", Cellules.ligne(t, "STOCK_FIN").get("categorie"));
    }

    @ParameterizedTest
    @CsvSource({"NATIONAL,FR,2024", "NATIONAL,FR,2023", "REGION,93,2024", "REGION,84,2024", "DEPARTEMENT,06,2024",
            "DEPARTEMENT,69,2024", "EPCI,200030195,2024", "EPCI,200046977,2024", "EPCI,240600585,2024"})
    void stockIdentityHoldsInEveryColumn(Niveau niveau, String code, int annee) {
        verifierIdentite(calculer(niveau, code, annee));
    }

    /** stock(1 Jan) + new + reactivations − radiations = stock(31 Dec), in each column. */
    static void verifierIdentite(RapportTable t) {
        for (String c : List.of("ensemble", "mutation", "hors_mutation")) {
            long sorties = LIGNES.stream().filter(l -> l.startsWith("RADIATION_")).mapToLong(l -> effectif(t, l, c)).sum();
            assertEquals(effectif(t, "STOCK_FIN", c),
                    effectif(t, "STOCK_DEBUT", c) + effectif(t, "NOUVELLES", c) + effectif(t, "REACTIVATIONS", c) - sorties,
                    "identity, " + t.territoire() + " " + t.annee() + " column " + c);
        }
    }
}
