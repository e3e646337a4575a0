package fr.infocentre.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static fr.infocentre.warehouse.Cellules.colonne;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_LYON;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_NICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TAB01-02 (the stock flow of the associations) on the mini extract; expected figures worked out
 * by hand in src/test/resources/attendus-series-01-02.md (TAB01-01 itself: Tab0101Test).
 */
class Tab01SerieTest {

    private static RapportTable calculer(Niveau niveau, String code, int annee) {
        return EntrepotMini.nonProtege().calculer("TAB01-02", niveau, code, annee);
    }

    @Test
    void nationalCountsTheThreeAssociationsOnly() {
        RapportTable t = calculer(Niveau.NATIONAL, "FR", 2024);
        assertEquals(Tab0101Test.LIGNES, Cellules.cles(t));
        colonne(t, "ensemble", 2, 1, 0, 1, 0, 0, 0, 0, 0, 2, 0);
        colonne(t, "mutation", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        colonne(t, "hors_mutation", 2, 1, 0, 1, 0, 0, 0, 0, 0, 2, 0);
        assertNull(t.total());
        assertTrue(t.masques().isEmpty());
        assertEquals("Évolution du stock des demandes des associations", t.rapport().titre());
        assertFalse(t.notes().stream().anyMatch(n -> n.startsWith("Hors associations")), t.notes().toString());
    }

    @Test
    void regionDepartementAndEpciOfNice() {
        for (RapportTable t : List.of(calculer(Niveau.REGION, "93", 2024), calculer(Niveau.DEPARTEMENT, "06", 2024),
                calculer(Niveau.EPCI, METROPOLE_NICE, 2024))) {
            colonne(t, "ensemble", 2, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0);
        }
    }

    @Test
    void rhoneHasOnlyV05() {
        for (RapportTable t : List.of(calculer(Niveau.REGION, "84", 2024), calculer(Niveau.DEPARTEMENT, "69", 2024),
                calculer(Niveau.EPCI, METROPOLE_LYON, 2024))) {
            colonne(t, "ensemble", 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0);
        }
    }

    @Test
    void year2023() {
        colonne(calculer(Niveau.NATIONAL, "FR", 2023), "ensemble", 0, 2, 0, 0, 0, 0, 0, 0, 0, 2, 0);
    }

    @ParameterizedTest
    @CsvSource({"NATIONAL,FR,2024", "NATIONAL,FR,2023", "REGION,93,2024", "REGION,84,2024", "DEPARTEMENT,06,2024",
            "DEPARTEMENT,69,2024", "EPCI,200030195,2024", "EPCI,200046977,2024", "EPCI,240600585,2024"})
    void stockIdentityHoldsInEveryColumn(Niveau niveau, String code, int annee) {
        Tab0101Test.verifierIdentite(calculer(niveau, code, annee));
    }
}
