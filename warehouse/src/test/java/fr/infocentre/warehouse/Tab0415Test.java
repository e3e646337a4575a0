package fr.infocentre.warehouse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.infocentre.warehouse.Cellules.colonne;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_LYON;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_NICE;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * TAB04-15 on the mini extract: the 8 attributions of 2024 against the quartile thresholds
 * computed at 31 Dec 2023; worked out by hand in src/test/resources/attendus-plafonds-quartiles.md
 * (section 5). The fixture has no QPV dwelling, no DALO / prioritaire and no renouvellement
 * urbain: only the 1st-quartile part and the denominators are exercised.
 */
class Tab0415Test {

    private static RapportTable calculer(Niveau niveau, String code) {
        return EntrepotMini.warehouse().calculer("TAB04-15", niveau, code, 2024);
    }

    @Test
    void national() {
        RapportTable t = calculer(Niveau.NATIONAL, "FR");
        assertEquals(List.of("HORS_QPV_Q1_RU", "QPV_Q2_Q4", "DALO_PRIORITAIRES"), Cellules.cles(t));
        colonne(t, "concernees", 5, 0, 0);
        colonne(t, "eligibles", 8, 0, 8);
    }

    @Test
    void territoires() {
        RapportTable d06 = calculer(Niveau.DEPARTEMENT, "06");
        colonne(d06, "concernees", 3, 0, 0);
        colonne(d06, "eligibles", 3, 0, 3);
        RapportTable lyon = calculer(Niveau.EPCI, METROPOLE_LYON);
        colonne(lyon, "concernees", 2, 0, 0);
        colonne(lyon, "eligibles", 5, 0, 5);
        RapportTable nice = calculer(Niveau.EPCI, METROPOLE_NICE);
        colonne(nice, "concernees", 2, 0, 0);
        colonne(nice, "eligibles", 2, 0, 2);
    }
}
