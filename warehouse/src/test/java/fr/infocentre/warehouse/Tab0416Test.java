package fr.infocentre.warehouse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.infocentre.warehouse.Cellules.cellule;
import static fr.infocentre.warehouse.Cellules.colonne;
import static fr.infocentre.warehouse.Cellules.publiee;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_LYON;
import static fr.infocentre.warehouse.EntrepotMini.METROPOLE_NICE;
import static fr.infocentre.warehouse.EntrepotMini.NICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TAB04-16 (pression de la demande par typologie) on the mini extract; expected figures worked
 * out by hand in src/test/resources/attendus-series-01-02.md.
 */
class Tab0416Test {

    private static RapportTable calculer(Niveau niveau, String code) {
        return EntrepotMini.nonProtege().calculer("TAB04-16", niveau, code, 2024);
    }

    private static void pressions(RapportTable t, Double... attendues) {
        assertEquals(attendues.length, t.lignes().size());
        for (int i = 0; i < attendues.length; i++) {
            assertEquals(attendues[i], t.lignes().get(i).get("pression"),
                    t.territoire().code() + " " + t.lignes().get(i).get("cle"));
        }
    }

    @Test
    void national() {
        RapportTable t = calculer(Niveau.NATIONAL, "FR");
        assertEquals(List.of("T1", "T2", "T3", "T4", "T5", "T6", "NON_RENSEIGNE"), Cellules.cles(t));
        assertEquals("T6 et plus", Cellules.ligne(t, "T6").get("categorie"));
        colonne(t, "demandes", 8, 8, 6, 6, 0, 0, 0);
        colonne(t, "attributions", 0, 0, 8, 0, 0, 0, 0);
        pressions(t, null, null, 0.8, null, null, null, null);
        assertEquals(28L, t.total().get("demandes"));
        assertEquals(8L, t.total().get("attributions"));
        assertEquals(3.5, t.total().get("pression"));
        assertTrue(t.masques().isEmpty());
    }

    @Test
    void regionDepartementEpci() {
        for (RapportTable t : List.of(calculer(Niveau.REGION, "93"), calculer(Niveau.DEPARTEMENT, "06"))) {
            colonne(t, "demandes", 4, 5, 3, 2, 0, 0, 0);
            colonne(t, "attributions", 0, 0, 3, 0, 0, 0, 0);
            pressions(t, null, null, 1.0, null, null, null, null);
            assertEquals(4.7, t.total().get("pression"));
        }
        RapportTable nice = calculer(Niveau.EPCI, METROPOLE_NICE);
        colonne(nice, "demandes", 3, 4, 3, 2, 0, 0, 0);
        pressions(nice, null, null, 1.5, null, null, null, null);
        assertEquals(6.0, nice.total().get("pression"));
        RapportTable lyon = calculer(Niveau.EPCI, METROPOLE_LYON);
        colonne(lyon, "demandes", 4, 3, 3, 4, 0, 0, 0);
        colonne(lyon, "attributions", 0, 0, 5, 0, 0, 0, 0);
        pressions(lyon, null, null, 0.6, null, null, null, null);
        assertEquals(2.8, lyon.total().get("pression"));
    }

    @Test
    void atCommuneLevelAPressureOverAMaskedCountIsMasked() {
        assertEquals(12L, calculer(Niveau.COMMUNE, NICE).total().get("demandes"));
        RapportTable t = EntrepotMini.warehouse().calculer("TAB04-16", Niveau.COMMUNE, NICE, 2024); // as published
        publiee(t, "demandes", null, null, null, null, 0L, 0L, 0L);
        publiee(t, "attributions", 0L, 0L, null, 0L, 0L, 0L, 0L);
        assertNull(t.total().get("attributions"));
        for (String ligne : List.of("T1", "T2", "T3", "T4", "total")) {
            assertNull(cellule(t, ligne, "pression"), ligne);
            assertTrue(t.masques().contains(new RapportTable.Masque(ligne, "pression")), ligne + " listed");
        }
        assertTrue(!t.masques().contains(new RapportTable.Masque("T5", "pression")), "0 / 0 hides nothing");
    }
}
