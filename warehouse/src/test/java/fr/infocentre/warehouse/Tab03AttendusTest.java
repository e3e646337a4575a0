package fr.infocentre.warehouse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.infocentre.warehouse.Cellules.colonne;
import static fr.infocentre.warehouse.Cellules.parts;
import static fr.infocentre.warehouse.EntrepotMini.NICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A few series-03 figures worked out by hand from the mini extract's demandes.csv, written down
 * in src/test/resources/attendus-serie-03.md (the other figures are checked against the plain
 * route of {@link ReferenceSerie03} by {@link Tab03SerieTest}).
 */
class Tab03AttendusTest {

    private static RapportTable calculer(String id, Niveau niveau, String code) {
        return EntrepotMini.nonProtege().calculer(id, niveau, code, 2024);
    }

    @Test
    void anciennete() {
        RapportTable t = calculer("TAB03-01", Niveau.NATIONAL, "FR");
        colonne(t, "effectif", 14, 14, 0, 0, 0, 0, 0);
        parts(t, 50.0, 50.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        colonne(t, "mutation", 3, 7, 0, 0, 0, 0, 0);
        colonne(t, "hors_mutation", 11, 7, 0, 0, 0, 0, 0);
        assertEquals(28L, t.total().get("effectif"));
    }

    @Test
    void tailleDuMenage() {
        RapportTable t = calculer("TAB03-04", Niveau.NATIONAL, "FR");
        colonne(t, "effectif", 8, 8, 6, 6, 0, 0, 0);
        parts(t, 28.6, 28.6, 21.4, 21.4, 0.0, 0.0, 0.0);
        colonne(t, "mutation", 2, 3, 1, 4, 0, 0, 0);
        colonne(t, "hors_mutation", 6, 5, 5, 2, 0, 0, 0);
        RapportTable rhone = calculer("TAB03-04", Niveau.DEPARTEMENT, "69");
        colonne(rhone, "effectif", 4, 3, 3, 4, 0, 0, 0);
        parts(rhone, 28.6, 21.4, 21.4, 28.6, 0.0, 0.0, 0.0);
        assertEquals(14L, rhone.total().get("effectif"));
    }

    @Test
    void compositionFamiliale() {
        RapportTable t = calculer("TAB03-05", Niveau.NATIONAL, "FR");
        colonne(t, "effectif", 8, 4, 10, 3, 3, 0);
        parts(t, 28.6, 14.3, 35.7, 10.7, 10.7, 0.0);
    }

    @Test
    void mutation() {
        RapportTable t = calculer("TAB03-13", Niveau.NATIONAL, "FR");
        colonne(t, "effectif", 10, 18);
        parts(t, 35.7, 64.3);
        assertEquals("pie", t.rapport().graphique());
    }

    @Test
    void canalNationalAndAlpesMaritimes() {
        RapportTable t = calculer("TAB03-17", Niveau.NATIONAL, "FR");
        colonne(t, "effectif", 25, 3);
        parts(t, 89.3, 10.7);
        colonne(t, "mutation", 10, 0);
        colonne(t, "hors_mutation", 15, 3);
        for (RapportTable am : List.of(calculer("TAB03-17", Niveau.DEPARTEMENT, "06"),
                calculer("TAB03-17", Niveau.REGION, "93"))) {
            colonne(am, "effectif", 12, 2);
            parts(am, 85.7, 14.3);
            colonne(am, "mutation", 4, 0);
            colonne(am, "hors_mutation", 8, 2);
        }
    }

    /** Nice: 11 at the guichet (shown), 1 on the PGP (N10, masked), split counts 1 to 10 masked. */
    @Test
    void canalCommuneOfNiceMasksSmallCounts() {
        RapportTable t = calculer("TAB03-17", Niveau.COMMUNE, NICE);
        Cellules.publiee(t, "effectif", 11L, 1L);
        assertEquals(91.7, Cellules.cellule(t, "GUICHET", "part"));
        Cellules.publiee(t, "mutation", 3L, 0L);
        Cellules.publiee(t, "hors_mutation", 8L, 1L);
        assertEquals(12L, t.total().get("effectif"));
        // as published: every count from 1 to 10 masked (and its share), the 0 shown
        RapportTable publiee = EntrepotMini.warehouse().calculer("TAB03-17", Niveau.COMMUNE, NICE, 2024);
        for (String[] c : new String[][]{{"PGP", "effectif"}, {"PGP", "part"}, {"GUICHET", "mutation"},
                {"GUICHET", "hors_mutation"}, {"PGP", "hors_mutation"}, {"total", "mutation"}, {"total", "hors_mutation"}}) {
            assertTrue(publiee.masques().contains(new RapportTable.Masque(c[0], c[1])), c[0] + " " + c[1]);
        }
        assertEquals(0L, Cellules.cellule(publiee, "PGP", "mutation"));
        assertTrue(publiee.notes().contains(SecretStatistique.NOTE));
    }
}
