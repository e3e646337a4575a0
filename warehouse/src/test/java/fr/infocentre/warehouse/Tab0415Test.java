package fr.infocentre.warehouse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.infocentre.warehouse.Cellules.colonne;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_LYON;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_NICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * TAB04-15 on the mini extract: the 8 attributions of 2024 against the quartile thresholds
 * computed at 31 Dec 2023; worked out by hand in src/test/resources/attendus-plafonds-quartiles.md
 * (section 5). The fixture has no QPV dwelling, no DALO / prioritaire and no renouvellement
 * urbain: only the 1st-quartile part and the denominators are exercised.
 */
class Tab0415Test {

    private static RapportTable calculer(Niveau niveau, String code) {
        return EntrepotMini.nonProtege().calculer("TAB04-15", niveau, code, 2024);
    }

    @Test
    void national() {
        RapportTable t = calculer(Niveau.NATIONAL, "FR");
        assertEquals(List.of("HORS_QPV_Q1_RU", "QPV_Q2_Q4", "DALO_PRIORITAIRES"), Cellules.cles(t));
        colonne(t, "concernees", 5, 0, 0);
        colonne(t, "eligibles", 8, 0, 8);
        // rate = concerned × 100 / eligible, one decimal; none when nothing is eligible
        assertEquals(62.5, Cellules.cellule(t, "HORS_QPV_Q1_RU", "taux"), "5 × 100 / 8");
        assertNull(Cellules.cellule(t, "QPV_Q2_Q4", "taux"), "no attribution in QPV");
        assertEquals(0.0, Cellules.cellule(t, "DALO_PRIORITAIRES", "taux"));
        assertEquals("Taux atteint (%)", t.colonnes().get(3).libelle());
        assertEquals(Colonne.Type.PART, t.colonnes().get(3).type());
    }

    @Test
    void territoires() {
        RapportTable d06 = calculer(Niveau.DEPARTEMENT, "06");
        colonne(d06, "concernees", 3, 0, 0);
        colonne(d06, "eligibles", 3, 0, 3);
        RapportTable lyon = calculer(Niveau.EPCI, METROPOLE_LYON);
        colonne(lyon, "concernees", 2, 0, 0);
        colonne(lyon, "eligibles", 5, 0, 5);
        assertEquals(40.0, Cellules.cellule(lyon, "HORS_QPV_Q1_RU", "taux"), "2 × 100 / 5");
        RapportTable nice = calculer(Niveau.EPCI, METROPOLE_NICE);
        colonne(nice, "concernees", 2, 0, 0);
        colonne(nice, "eligibles", 2, 0, 2);
    }
}
