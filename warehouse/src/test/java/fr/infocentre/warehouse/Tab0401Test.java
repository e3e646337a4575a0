package fr.infocentre.warehouse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.infocentre.warehouse.Cellules.cellule;
import static fr.infocentre.warehouse.Cellules.colonne;
import static fr.infocentre.warehouse.Cellules.parts;
import static fr.infocentre.warehouse.Cellules.publiee;
import static fr.infocentre.warehouse.EntrepotMini.LYON;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_NICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TAB04-01 (ancienneté of the demande at the lease, mean and median waiting time in months) on
 * the mini extract; expected figures worked out by hand in
 * src/test/resources/attendus-series-01-02.md.
 */
class Tab0401Test {

    private static RapportTable calculer(Niveau niveau, String code) {
        return EntrepotMini.nonProtege().calculer("TAB04-01", niveau, code, 2024);
    }

    /** Checks a line's mean and median. */
    private static void delais(RapportTable t, String ligne, Double moyenne, Double mediane) {
        assertEquals(moyenne, cellule(t, ligne, "delai_moyen"), t.territoire().code() + " " + ligne + " mean");
        assertEquals(mediane, cellule(t, ligne, "delai_median"), t.territoire().code() + " " + ligne + " median");
    }

    @Test
    void national() {
        RapportTable t = calculer(Niveau.NATIONAL, "FR");
        assertEquals(List.of("MOINS_1", "1_2", "2_3", "3_4", "4_5", "5_10", "10_PLUS"), Cellules.cles(t));
        assertEquals(List.of("< 1 an", "1 à < 2 ans", "2 à < 3 ans", "3 à < 4 ans", "4 à < 5 ans", "5 à < 10 ans",
                "10 ans et plus"), t.lignes().stream().map(l -> l.get("categorie")).toList());
        colonne(t, "effectif", 5, 3, 0, 0, 0, 0, 0);
        parts(t, 62.5, 37.5, 0.0, 0.0, 0.0, 0.0, 0.0);
        assertEquals(8L, t.total().get("effectif"));
        delais(t, "MOINS_1", 6.8, 6.0);
        delais(t, "1_2", 15.3, 15.0);
        delais(t, "5_10", null, null);
        delais(t, "total", 10.0, 9.0);
        assertTrue(t.masques().isEmpty());
        assertEquals(Colonne.Type.VALEUR, t.colonnes().get(3).type());
    }

    @Test
    void regionDepartementEpci() {
        for (RapportTable t : List.of(calculer(Niveau.REGION, "93"), calculer(Niveau.DEPARTEMENT, "06"))) {
            colonne(t, "effectif", 2, 1, 0, 0, 0, 0, 0);
            delais(t, "MOINS_1", 7.5, 7.5);
            delais(t, "1_2", 13.0, 13.0);
            delais(t, "total", 9.3, 9.0);
        }
        RapportTable nice = calculer(Niveau.EPCI, METROPOLE_NICE);
        colonne(nice, "effectif", 1, 1, 0, 0, 0, 0, 0);
        parts(nice, 50.0, 50.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        delais(nice, "total", 11.0, 11.0);
        RapportTable rhone = calculer(Niveau.DEPARTEMENT, "69");
        colonne(rhone, "effectif", 3, 2, 0, 0, 0, 0, 0);
        parts(rhone, 60.0, 40.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        delais(rhone, "MOINS_1", 6.3, 6.0);
        delais(rhone, "1_2", 16.5, 16.5);
        delais(rhone, "total", 10.4, 9.0);
    }

    @Test
    void atCommuneLevelMeansAndMediansOverFewerThan11AttributionsAreMasked() {
        RapportTable lyon = EntrepotMini.warehouse().calculer("TAB04-01", Niveau.COMMUNE, LYON, 2024);
        publiee(lyon, "effectif", null, null, 0L, 0L, 0L, 0L, 0L);
        assertNull(lyon.total().get("effectif"));
        for (String ligne : List.of("MOINS_1", "1_2", "total")) {
            for (String c : List.of("delai_moyen", "delai_median")) {
                assertNull(cellule(lyon, ligne, c), ligne + " " + c);
                assertTrue(lyon.masques().contains(new RapportTable.Masque(ligne, c)), ligne + " " + c + " listed");
            }
        }
        // no attribution in the bracket: nothing computed, nothing to mask
        assertNull(cellule(lyon, "5_10", "delai_moyen"));
        assertTrue(!lyon.masques().contains(new RapportTable.Masque("5_10", "delai_moyen")));
    }
}
